#include <deal.II/base/utilities.h>
#include <deal.II/fe/fe.h>

#include <solver/core/force_terms/cell_forces.h>
#include <solver/models/problem.h>

namespace leafmech
{
  using namespace dealii;

  CellForces::CellForces(const ForceTermContext &c)
    : parameters(c.parameters), problem(c.problem), dofs(c.dofs), comm(c.comm), n_q(c.quadrature.size()),
      integrator(std::make_unique<CellIntegrator>(c.dofs.get_fe(), c.quadrature, c.parameters.formulation))
  {
    const auto          &tria  = dofs.get_triangulation();
    const ValveFeatures *valve = problem.valve();
    if (valve != nullptr && valve->mesh->vertex_fibres.size() != tria.n_vertices())
      throw std::runtime_error("the valve's fibre field has " + std::to_string(valve->mesh->vertex_fibres.size()) +
                               " vertices, the mesh " + std::to_string(tria.n_vertices()));
    fibres_at_q.assign(tria.n_active_cells() * n_q, Tensor<1, dim>());
    for (const auto &cell : dofs.active_cell_iterators())
      if (cell->is_locally_owned())
        for (unsigned int q = 0; q < n_q; ++q)
          fibres_at_q[cell->active_cell_index() * n_q + q] = fibre_direction(cell, c.quadrature.point(q));
  }

  bool CellForces::add_cell(const DoFHandler<dim>::active_cell_iterator &cell, const Vector<double> &local_u,
                            const LoadState &, FullMatrix<double> *K, Vector<double> &R)
  {
    return integrator->integrate(cell, local_u, parameters.materials[cell->material_id()],
                                 &fibres_at_q[cell->active_cell_index() * n_q], K, R);
  }

  Tensor<1, dim> CellForces::fibre_direction(const DoFHandler<dim>::active_cell_iterator &cell,
                                             const Point<dim> &unit_point) const
  {
    const ValveFeatures *valve = problem.valve();
    if (valve == nullptr || valve->mesh->vertex_fibres.empty())
      return parameters.materials[cell->material_id()].fibre_direction;
    Tensor<1, dim> f;
    for (const unsigned int v : cell->vertex_indices())
      f += GeometryInfo<dim>::d_linear_shape_function(unit_point, v) * valve->mesh->vertex_fibres[cell->vertex_index(v)];
    return f / f.norm();
  }

  std::vector<CellPressureField> CellForces::pressure_fields(const PETScWrappers::MPI::Vector &u,
                                                             double *strain_energy) const
  {
    std::vector<CellPressureField> fields(dofs.get_triangulation().n_active_cells());
    const bool three_field = parameters.formulation == VolumetricFormulation::three_field;
    if (!three_field && strain_energy == nullptr)
      return fields;
    const unsigned int n = dofs.get_fe().n_dofs_per_cell();
    Vector<double>     local_u(n), R(n);
    double             energy = 0.0;
    for (const auto &cell : dofs.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          cell->get_dof_values(u, local_u);
          if (integrator->integrate(cell, local_u, parameters.materials[cell->material_id()],
                                    &fibres_at_q[cell->active_cell_index() * n_q], nullptr, R,
                                    three_field ? &fields[cell->active_cell_index()] : nullptr))
            energy += integrator->strain_energy();
        }
    if (strain_energy != nullptr)
      *strain_energy = Utilities::MPI::sum(energy, comm);
    return fields;
  }

  CellPressureField CellForces::pressure_field(const DoFHandler<dim>::active_cell_iterator &cell,
                                               const Vector<double> &local_u) const
  {
    CellPressureField field;
    Vector<double>    R(local_u.size());
    integrator->integrate(cell, local_u, parameters.materials[cell->material_id()],
                          &fibres_at_q[cell->active_cell_index() * n_q], nullptr, R, &field);
    return field;
  }

  namespace
  {
    const ForceTermRegistry::Entry cells_entry(
      "cells", {"internal forces of the hyperelastic cells", 0,
                [](const ForceTermContext &c) -> std::unique_ptr<ForceTerm> { return std::make_unique<CellForces>(c); }});
  } // namespace
} // namespace leafmech
