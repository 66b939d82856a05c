#include <deal.II/fe/fe_values.h>
#include <deal.II/lac/petsc_vector.h>
#include <deal.II/lac/vector.h>

#include <solver/core/lumped_volume.h>

namespace leafmech
{
  using namespace dealii;

  LumpedVolume lumped_volume(const DoFHandler<dim> &dofs, const Quadrature<dim> &quadrature,
                             const AffineConstraints<double> &constraints, MPI_Comm comm)
  {
    const IndexSet             owned = dofs.locally_owned_dofs();
    PETScWrappers::MPI::Vector volume(owned, comm);
    FEValues<dim>              values(dofs.get_fe(), quadrature, update_values | update_JxW_values);
    const unsigned int         n = dofs.get_fe().n_dofs_per_cell();
    std::vector<types::global_dof_index> local_dofs(n);
    Vector<double>                       m(n);
    for (const auto &cell : dofs.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          values.reinit(cell);
          cell->get_dof_indices(local_dofs);
          m = 0.0;
          for (unsigned int q = 0; q < quadrature.size(); ++q)
            for (unsigned int i = 0; i < n; ++i)
              m[i] += values.shape_value(i, q) * values.JxW(q);
          volume.add(local_dofs, m);
        }
    volume.compress(VectorOperation::add);
    LumpedVolume r;
    for (const auto i : owned)
      if (!constraints.is_constrained(i))
        {
          r.dofs.push_back(i);
          r.volume.push_back(volume[i]);
        }
    return r;
  }
} // namespace leafmech
