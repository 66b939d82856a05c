#pragma once
/**
 * @file
 * @brief Viscous stabilisation of the quasi-static load stepping: a damping force against the motion within
 * the increment, f = c (u - u_n) / d_lambda per unit reference volume, with the load factor as pseudo-time.
 *
 * Why: a slack leaflet sliding on the frictionless balloon has almost no stiffness along the balloon's
 * surface, so near the commissures' split the tangent is nearly singular, Newton's steps grow hundreds of
 * times larger than the load increment, and the increments shrink until the run crawls. The damping gives
 * those modes a stiffness c / d_lambda that vanishes as the motion settles (Abaqus's *STATIC, STABILIZE is
 * the same device). It is not physics: the energy it dissipates, sum c |u - u_n|^2 / d_lambda over the
 * increments, is reported next to the strain energy so that a run can show it stayed small. Because the damping
 * makes the state lag behind a moving load, the solver holds each phase's final load over growing spans of
 * pseudo-time until the damping has faded (SolidSolver::hold_final_load, asked for by lags_behind_load()), so a
 * phase ends in static equilibrium. The term exists only when Nonlinear solver/Stabilization > 0.
 *
 * The force acts on the lumped volume of each free dof (lumped_volume.h), so it does not depend on the mesh.
 */
#include <deal.II/base/quadrature.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/lac/affine_constraints.h>
#include <deal.II/lac/petsc_sparse_matrix.h>
#include <deal.II/lac/petsc_vector.h>

#include <solver/core/force_term.h>
#include <vector>

namespace leafmech
{
  class ViscousStabilization : public ForceTerm
  {
  public:
    /// c in MPa / mm^2 x load factor (Nonlinear solver/Stabilization).
    explicit ViscousStabilization(const ForceTermContext &context);

    /// Finds the lumped volume of the locally owned dofs that `constraints` leave free.
    void constraints_ready(const dealii::AffineConstraints<double> &constraints) override;

    /// A new increment of size d_lambda starts from the converged state u_n.
    void begin_increment(const dealii::PETScWrappers::MPI::Vector &u_n, double d_lambda) override;

    /// Adds -f to rhs and c / d_lambda x lumped volume to the diagonal of K (if given).
    void add_global(const AssemblyInput &in, dealii::PETScWrappers::MPI::SparseMatrix *K,
                    dealii::PETScWrappers::MPI::Vector &rhs) override;

    /// The increment converged at u: adds the energy the damping dissipated over it (all ranks).
    void commit(const dealii::PETScWrappers::MPI::Vector &ghosted, const dealii::PETScWrappers::MPI::Vector &u) override;

    bool lags_behind_load() const override { return true; }

    void save_state(StateWriter &out) const override { out << dissipated_mJ; }
    void load_state(StateReader &in) override { in >> dissipated_mJ; }

    /// Energy (mJ) dissipated by the damping since the run started.
    double dissipated() const { return dissipated_mJ; }

  private:
    const dealii::DoFHandler<dim>     &dofs;
    const dealii::Quadrature<dim>     &quadrature;
    MPI_Comm                           comm;
    double                             coefficient = 0.0, rate = 0.0, dissipated_mJ = 0.0;
    std::vector<dealii::types::global_dof_index> dofs_here;     ///< locally owned free dofs
    std::vector<double>                volume;           ///< mm^3, per entry of dofs_here
    std::vector<double>                start;                    ///< u_n, per entry of dofs_here
    mutable std::vector<double>        scratch;                  ///< u or the force, per entry of dofs_here
  };
} // namespace leafmech
