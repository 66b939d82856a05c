#pragma once
/**
 * @file
 * @brief Host side of the material models: parameter declaration, parsing and the kernel description.
 *
 * A material is one kernels header (kernels/.../materials/models/, the physics, host and device) plus one
 * file in solver/models/materials/ that registers it with material_model<M>() and reads its parameters.
 * Parameters live in "Materials/<material id name>/<model name>", common ones (model choice,
 * compressibility, stiffening) one level up.
 */
#include <leafmech/kernels/material_point.h>

#include <deal.II/base/parameter_handler.h>
#include <deal.II/base/tensor.h>

#include <array>
#include <functional>
#include <utility>
#include <base/registry.h>
#include <base/types.h>
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
    /// Multiplies the model's stress-like constants (rheumatic stiffening).
    std::function<void(kernels::MaterialParameters &, double)> stiffen;
    /// The reference-state shear modulus (MPa) of the constants.
    std::function<double(const kernels::MaterialParameters &)> small_strain_shear_modulus;
  };

  using MaterialRegistry = Registry<MaterialModelInfo>;

  /**
   * @brief The registry entry of the kernels model M (registered under M::name): `parse` fills the constants
   * in M's order; the model index, the stiffened constants and the reference shear modulus come from M.
   */
  template <typename M>
  MaterialModelInfo material_model(const std::string &description,
                                   std::function<void(dealii::ParameterHandler &)> declare,
                                   std::function<void(dealii::ParameterHandler &, MaterialDescription &)> parse)
  {
    MaterialModelInfo info;
    info.description = description;
    info.declare     = std::move(declare);
    info.parse       = [parse = std::move(parse)](dealii::ParameterHandler &prm, MaterialDescription &m) {
      m.kernel.model = kernels::model_index<M>();
      parse(prm, m);
    };
    info.stiffen = [](kernels::MaterialParameters &p, double factor) {
      for (const int k : M::stress_like)
        p.constants[k] *= factor;
    };
    info.small_strain_shear_modulus = [](const kernels::MaterialParameters &p) {
      return M::small_strain_shear_modulus(p.constants);
    };
    return info;
  }

  /// Declares the whole "Materials" section.
  void declare_material_parameters(dealii::ParameterHandler &prm);

  /// Reads the "Materials" section: one description per material id, in MaterialIds order.
  std::array<MaterialDescription, MaterialIds::n_materials> parse_material_parameters(dealii::ParameterHandler &prm);
} // namespace leafmech
