#pragma once
/**
 * @file
 * @brief The solid's stress fields at every output point: Cauchy stress (tensor, or nine scalars for
 * HDF5/XDMF), von Mises and largest principal stress, J and the fibre direction.
 */
#include <deal.II/fe/mapping_q1.h>
#include <deal.II/numerics/data_postprocessor.h>

#include <solver/core/solid_solver.h>
#include <string>
#include <vector>

namespace leafmech
{
  class StressFields : public dealii::DataPostprocessor<dim>
  {
  public:
    /// tensor_as_components: the stress tensor as nine scalars cauchy_stress_xx ... (HDF5/XDMF, whose
    /// writer keeps only the first three components of a tensor).
    StressFields(const CellForces &cells, const std::vector<CellPressureField> &pressure,
                 bool tensor_as_components = false)
      : cells(cells), pressure(pressure), tensor_as_components(tensor_as_components)
    {}

    void evaluate_vector_field(const dealii::DataPostprocessorInputs::Vector<dim> &inputs,
                               std::vector<dealii::Vector<double>>                &computed) const override;
    std::vector<std::string> get_names() const override;
    std::vector<dealii::DataComponentInterpretation::DataComponentInterpretation>
                        get_data_component_interpretation() const override;
    dealii::UpdateFlags get_needed_update_flags() const override
    {
      return dealii::update_gradients | dealii::update_quadrature_points;
    }

  private:
    const CellForces                     &cells;
    const dealii::MappingQ1<dim>          mapping;
    const std::vector<CellPressureField> &pressure;
    const bool                            tensor_as_components;
  };
} // namespace leafmech
