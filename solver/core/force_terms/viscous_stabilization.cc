#include <deal.II/fe/fe_values.h>
#include <deal.II/lac/vector.h>

#include <solver/core/force_terms/viscous_stabilization.h>

namespace leafmech
{
  using namespace dealii;

  ViscousStabilization::ViscousStabilization(const ForceTermContext &c)
    : dofs(c.dofs), quadrature(c.quadrature), comm(c.comm), coefficient(c.parameters.stabilization)
  {}

  void ViscousStabilization::constraints_ready(const AffineConstraints<double> &constraints)
  {
    dofs_here.clear();
    lumped_volume.clear();
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
    for (const auto i : owned)
      if (!constraints.is_constrained(i))
      {
        dofs_here.push_back(i);
        lumped_volume.push_back(volume[i]);
      }
    start.assign(dofs_here.size(), 0.0);
    scratch.assign(dofs_here.size(), 0.0);
  }

  void ViscousStabilization::begin_increment(const PETScWrappers::MPI::Vector &u_n, double d_lambda)
  {
    rate = coefficient / d_lambda;
    u_n.extract_subvector_to(dofs_here, start);
  }

  void ViscousStabilization::add_global(const AssemblyInput &in, PETScWrappers::MPI::SparseMatrix *K,
                                        PETScWrappers::MPI::Vector &rhs)
  {
    // Whole-vector reads and one batched addition: this runs at every residual evaluation.
    in.u.extract_subvector_to(dofs_here, scratch);
    for (std::size_t k = 0; k < dofs_here.size(); ++k)
      {
        const double s = rate * lumped_volume[k];
        scratch[k]     = -s * (scratch[k] - start[k]);
        if (K != nullptr)
          K->add(dofs_here[k], dofs_here[k], s);
      }
    rhs.add(dofs_here, scratch);
  }

  void ViscousStabilization::commit(const PETScWrappers::MPI::Vector &, const PETScWrappers::MPI::Vector &u)
  {
    // Backward Euler: the damping force at the end of the increment times its displacement.
    u.extract_subvector_to(dofs_here, scratch);
    double here = 0.0;
    for (std::size_t k = 0; k < dofs_here.size(); ++k)
      {
        const double du = scratch[k] - start[k];
        here += rate * lumped_volume[k] * du * du;
      }
    dissipated_mJ += Utilities::MPI::sum(here, comm);
  }

  namespace
  {
    const ForceTermRegistry::Entry stabilization_entry(
      "stabilization", {"viscous stabilisation against the motion within an increment", 60,
                        [](const ForceTermContext &c) -> std::unique_ptr<ForceTerm> {
                          if (!(c.parameters.stabilization > 0.0))
                            return nullptr;
                          return std::make_unique<ViscousStabilization>(c);
                        }});
  } // namespace
} // namespace leafmech
