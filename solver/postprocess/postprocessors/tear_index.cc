#include <deal.II/base/quadrature_lib.h>
#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/base/utilities.h>
#include <deal.II/fe/fe_values.h>

#include <solver/core/stress_recovery.h>
#include <solver/models/problem.h>
#include <solver/postprocess/postprocessors/tear_index.h>

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

  const char *leaflet_name(Leaflet leaflet)
  {
    return leaflet == Leaflet::anterior ? "anterior" : leaflet == Leaflet::posterior ? "posterior" : "";
  }

  TearState assess_tear(const SolidSolver &solver, const std::vector<CellPressureField> &pressure,
                        const TissueStrength &strength)
  {
    const MPI_Comm    comm  = solver.communicator();
    const CellForces &cells = solver.cells();
    const auto       &dofs  = solver.dof_handler();
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
            const Tensor<1, dim> a0 = cells.fibre_direction(cell, quadrature.point(q));
            const auto sigma = cauchy_stress(cells.material(id), F, a0, cells.formulation(),
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
    TearResult &r              = state.result;
    r.max_principal_stress_MPa = Utilities::MPI::max(max_sigma, comm);
    // The rank holding the largest index reports its point and leaflet.
    const Utilities::MPI::MinMaxAvg winner = Utilities::MPI::min_max_avg(std::max(best, 0.0), comm);
    r.tear_index                           = winner.max;
    std::vector<double> where = {best_point[0], best_point[1], best_point[2], double(best_leaflet)};
    MPI_Bcast(where.data(), 4, MPI_DOUBLE, static_cast<int>(winner.max_index), comm);
    for (unsigned int d = 0; d < dim; ++d)
      r.location_mm[d] = where[d];
    r.leaflet = where[3] == MaterialIds::leaflet_anterior  ? Leaflet::anterior :
                where[3] == MaterialIds::leaflet_posterior ? Leaflet::posterior : Leaflet::none;
    return state;
  }

  TearResult TearIndex::compute(PostprocessContext &c)
  {
    return assess_tear(c.solver, c.pressure_fields(), strength).result;
  }

  void TearIndex::columns_of(const TearResult &r, Columns &out) const
  {
    out.insert(out.end(), {{"leaflet_max_principal_stress_MPa", r.max_principal_stress_MPa},
                           {"leaflet_tear_index", r.tear_index},
                           {"tear_location_x_mm", r.location_mm[0]},
                           {"tear_location_y_mm", r.location_mm[1]},
                           {"tear_location_z_mm", r.location_mm[2]},
                           {"tear_leaflet_anterior", r.leaflet == Leaflet::anterior ? 1.0 : 0.0}});
  }

  void TearIndex::add_output_fields(PostprocessContext &c, OutputFields &fields)
  {
    const TearState          tear = assess_tear(c.solver, c.pressure_fields(), strength);
    OutputFields::CellField &f    = fields.cells.emplace_back();
    f.name                        = "tear_index";
    f.values.reinit(tear.cell_tear_index.size());
    std::copy(tear.cell_tear_index.begin(), tear.cell_tear_index.end(), f.values.begin());
  }

  namespace
  {
    const PostprocessorRegistry::Entry tear_entry(
      "tear index", {"the leaflet tear index against the tissue's anisotropic strength", 50,
                     [](const SolidSolver &solver) -> std::unique_ptr<Postprocessor> {
                       const ValveFeatures *valve = solver.problem().valve();
                       return valve != nullptr ? std::make_unique<TearIndex>(valve->leaflet_strength) : nullptr;
                     }});
  } // namespace
} // namespace leafmech
