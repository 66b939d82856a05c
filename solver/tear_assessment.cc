#include <deal.II/base/quadrature_lib.h>
#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/base/utilities.h>
#include <deal.II/fe/fe_values.h>

#include <solver/stress_recovery.h>
#include <solver/tear_assessment.h>

namespace leafmech
{
  using namespace dealii;

  double tear_index(const SymmetricTensor<2, dim> &sigma, const Tensor<1, dim> &fibre, const TissueStrength &strength)
  {
    // Every tensile principal stress against the strength in its own direction: the tissue is six times
    // weaker across its fibres, so a smaller cross-fibre stress can be the critical one.
    double index = 0.0;
    for (const auto &[value, direction] : eigenvectors(sigma))
      {
        const double c = std::pow(direction * fibre, 2);
        const double S = 1.0 / std::sqrt(c / std::pow(strength.fibre_direction, 2) +
                                         (1.0 - c) / std::pow(strength.cross_fibre, 2));
        index          = std::max(index, std::max(value, 0.0) / S);
      }
    return index;
  }

  TearState assess_tear(SolidSolver &solver, const std::vector<CellPressureField> &pressure,
                        const RunParameters &parameters, const TissueStrength &strength, MPI_Comm comm)
  {
    const auto &dofs = solver.dof_handler();
    const QGauss<dim>                    quadrature(dofs.get_fe().degree + 1);
    FEValues<dim> fe_values(dofs.get_fe(), quadrature, update_gradients | update_quadrature_points);
    const FEValuesExtractors::Vector     u(0);
    std::vector<Tensor<2, dim>>          grad(quadrature.size());

    TearState state;
    state.cell_tear_index.assign(dofs.get_triangulation().n_active_cells(), 0.0f);
    double     best = -1.0, max_sigma = 0.0;
    Point<dim> best_point;
    int        best_leaflet = -1;
    for (const auto &cell : dofs.active_cell_iterators())
      {
        const auto id = cell->material_id();
        if (!cell->is_locally_owned() || (id != MaterialIds::leaflet_anterior && id != MaterialIds::leaflet_posterior))
          continue;
        fe_values.reinit(cell);
        fe_values[u].get_function_gradients(solver.displacement(), grad);
        for (unsigned int q = 0; q < quadrature.size(); ++q)
          {
            const Tensor<2, dim> F = unit_symmetric_tensor<dim>() + grad[q];
            if (determinant(F) <= 0.0)
              continue; // an inverted point has no stress; the solver never accepts such a state
            const Point<dim>     X  = fe_values.quadrature_point(q);
            const Tensor<1, dim> a0 = solver.fibre_direction(cell, quadrature.point(q));
            const auto sigma = cauchy_stress(solver.material(id), F, a0, parameters.formulation,
                                             pressure[cell->active_cell_index()](X));
            Tensor<1, dim> a = F * a0;
            a /= a.norm();
            const double index = tear_index(sigma, a, strength);
            const double s1    = max_principal(sigma);
            max_sigma          = std::max(max_sigma, s1);
            float &cell_value  = state.cell_tear_index[cell->active_cell_index()];
            cell_value         = std::max(cell_value, float(index));
            if (index > best)
              {
                best         = index;
                best_point   = X;
                best_leaflet = id;
              }
          }
      }
    state.max_principal_stress = Utilities::MPI::max(max_sigma, comm);
    // The rank holding the largest index reports its point and leaflet.
    const Utilities::MPI::MinMaxAvg winner = Utilities::MPI::min_max_avg(std::max(best, 0.0), comm);
    state.tear_index                       = winner.max;
    std::vector<double> where = {best_point[0], best_point[1], best_point[2], double(best_leaflet)};
    MPI_Bcast(where.data(), 4, MPI_DOUBLE, static_cast<int>(winner.max_index), comm);
    state.location = Point<dim>(where[0], where[1], where[2]);
    state.leaflet  = where[3] == MaterialIds::leaflet_anterior ? "anterior" :
                     where[3] == MaterialIds::leaflet_posterior ? "posterior" : "";
    return state;
  }
} // namespace leafmech
