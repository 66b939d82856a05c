#include <limits>
#include <solver/core/stress_recovery.h>
#include <solver/postprocess/stress_fields.h>

namespace leafmech
{
  using namespace dealii;

  void StressFields::evaluate_vector_field(const DataPostprocessorInputs::Vector<dim> &inputs,
                                           std::vector<Vector<double>>                &computed) const
  {
    const auto                 cell = inputs.template get_cell<dim>();
    const MaterialDescription &m    = cells.material(cell->material_id());
    const CellPressureField   &p    = pressure[cell->active_cell_index()];
    for (unsigned int q = 0; q < computed.size(); ++q)
      {
        Tensor<2, dim> F = unit_symmetric_tensor<dim>();
        for (unsigned int c = 0; c < dim; ++c)
          F[c] += inputs.solution_gradients[q][c];
        const Point<dim>     unit = mapping.transform_real_to_unit_cell(cell, inputs.evaluation_points[q]);
        const Tensor<1, dim> a0   = cells.fibre_direction(cell, GeometryInfo<dim>::project_to_unit_cell(unit));
        if (determinant(F) > 0.0)
          {
            const auto sigma = cauchy_stress(m, F, a0, cells.formulation(), p(inputs.evaluation_points[q]));
            for (unsigned int i = 0; i < dim; ++i)
              for (unsigned int j = 0; j < dim; ++j)
                computed[q][dim * i + j] = sigma[i][j];
            computed[q][9]  = von_mises(sigma);
            computed[q][10] = max_principal(sigma);
          }
        else
          // The deformation interpolated to this output point (a cell vertex) is inverted although every
          // quadrature point of the cell is valid: no stress exists there, so say so with NaN.
          for (unsigned int k = 0; k <= 10; ++k)
            computed[q][k] = std::numeric_limits<double>::quiet_NaN();
        computed[q][11] = determinant(F);
        for (unsigned int d = 0; d < dim; ++d)
          computed[q][12 + d] = a0[d];
      }
  }

  std::vector<std::string> StressFields::get_names() const
  {
    std::vector<std::string> names(9, "cauchy_stress");
    for (unsigned int k = 0; k < 9 && tensor_as_components; ++k)
      names[k] = std::string("cauchy_stress_") + "xyz"[k / 3] + "xyz"[k % 3];
    names.insert(names.end(),
                 {"von_mises_stress", "max_principal_stress", "J", "fibre_direction", "fibre_direction", "fibre_direction"});
    return names;
  }

  std::vector<DataComponentInterpretation::DataComponentInterpretation>
  StressFields::get_data_component_interpretation() const
  {
    std::vector<DataComponentInterpretation::DataComponentInterpretation> kinds(
      9, tensor_as_components ? DataComponentInterpretation::component_is_scalar
                              : DataComponentInterpretation::component_is_part_of_tensor);
    kinds.insert(kinds.end(), 3, DataComponentInterpretation::component_is_scalar);
    kinds.insert(kinds.end(), dim, DataComponentInterpretation::component_is_part_of_vector);
    return kinds;
  }
} // namespace leafmech
