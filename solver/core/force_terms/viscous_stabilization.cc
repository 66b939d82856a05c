#include <solver/core/force_terms/viscous_stabilization.h>
#include <solver/core/lumped_volume.h>

namespace leafmech
{
  using namespace dealii;

  ViscousStabilization::ViscousStabilization(const ForceTermContext &c)
    : dofs(c.dofs), quadrature(c.quadrature), comm(c.comm), coefficient(c.parameters.stabilization)
  {}

  void ViscousStabilization::constraints_ready(const AffineConstraints<double> &constraints)
  {
    LumpedVolume lumped = lumped_volume(dofs, quadrature, constraints, comm);
    dofs_here           = std::move(lumped.dofs);
    volume              = std::move(lumped.volume);
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
        const double s = rate * volume[k];
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
        here += rate * volume[k] * du * du;
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
