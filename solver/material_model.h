#pragma once
/**
 * @file
 * @brief Host side of the material models: parameter declaration, parsing and the kernel description.
 *
 * Each model file in solver/materials/ registers a MaterialModelInfo. Parameters live in
 * "Materials/<material id name>/<model name>", common ones (model choice, compressibility) one level up.
 */
#include <leafmech/kernels/material_point.h>

#include <deal.II/base/parameter_handler.h>
#include <deal.II/base/tensor.h>

#include <functional>
#include <solver/registry.h>
#include <solver/types.h>
#include <string>

namespace leafmech
{
  /// What the finite-element code needs to know about one material id.
  struct MaterialDescription
  {
    std::string                  model_name;
    kernels::MaterialParameters  kernel;
    dealii::Tensor<1, dim>       fibre_direction; ///< unit vector used where the geometry supplies no field
    /// Small-strain shear modulus (MPa), for reporting and for the bulk modulus from Poisson's ratio.
    double                       small_strain_shear_modulus = 0.0;
  };

  struct MaterialModelInfo
  {
    std::string description;
    /// Declares the model's own entries inside the current subsection.
    std::function<void(dealii::ParameterHandler &)> declare;
    /// Reads them (current subsection) into the description; throws std::invalid_argument on bad values.
    std::function<void(dealii::ParameterHandler &, MaterialDescription &)> parse;
  };

  using MaterialRegistry = Registry<MaterialModelInfo>;

  /// Declares the whole "Materials" section.
  void declare_material_parameters(dealii::ParameterHandler &prm);

  /// Reads the "Materials" section: one description per material id, in MaterialIds order.
  std::array<MaterialDescription, MaterialIds::n_materials> parse_material_parameters(dealii::ParameterHandler &prm);

  /// Parses "x, y, z" into a unit vector; throws std::invalid_argument naming the entry if it is not one.
  dealii::Tensor<1, dim> parse_direction(const std::string &text, const std::string &entry_name);
} // namespace leafmech
