#pragma once
/**
 * @file
 * @brief The tissue's inertia, integrated in time with the Bossak-Newmark scheme (Wood, Bossak and Zienkiewicz,
 * Int. J. Numer. Meth. Eng. 15, 1980): each phase runs over its real duration, the load factor being
 * time / duration, and the increment d_lambda is the time step dt = d_lambda x duration.
 *
 * With a lumped mass m = rho x lumped volume (lumped_volume.h), the state u, v, a at t_n and
 *   a(u) = (u - u_n - dt v_n) / (beta dt^2) - (1 / (2 beta) - 1) a_n,
 * the residual gains m ((1 - alpha) a(u) + alpha a_n) and the tangent m (1 - alpha) / (beta dt^2) on its
 * diagonal; at convergence v = v_n + dt ((1 - gamma) a_n + gamma a). gamma = 1/2 - alpha and
 * beta = (1 - alpha)^2 / 4 make the scheme second order and unconditionally stable for alpha in [-1/3, 0],
 * dissipating the highest frequencies as alpha falls; alpha = 0 is the trapezoidal rule, which conserves the
 * energy of a linear system. A run starts at rest. The velocity and acceleration carry over from one phase to
 * the next; a phase that starts from the reference (the deflation) starts at rest again.
 *
 * Newton starts from the predictor u_n + dt v_n + dt^2 a_n / 2, at which a(u) = a_n: from u_n itself the inertia
 * residual would be m (v_n / (beta dt) + ...), growing as the stepping cuts dt, so that a cut increment starts
 * further from its solution than the one that failed.
 */
#include <solver/core/force_term.h>
#include <solver/core/lumped_volume.h>
#include <vector>

namespace leafmech
{
  class Inertia : public ForceTerm
  {
  public:
    explicit Inertia(const ForceTermContext &context);

    void constraints_ready(const dealii::AffineConstraints<double> &constraints) override;
    /// Throws std::logic_error for a phase without a duration (every phase of a dynamic run has one).
    void begin_phase(const LoadPhase &phase) override;
    void begin_increment(const dealii::PETScWrappers::MPI::Vector &u_n, double d_lambda) override;
    bool predict(dealii::PETScWrappers::MPI::Vector &u) const override;
    void add_global(const AssemblyInput &in, dealii::PETScWrappers::MPI::SparseMatrix *K,
                    dealii::PETScWrappers::MPI::Vector &rhs) override;
    void commit(const dealii::PETScWrappers::MPI::Vector &ghosted, const dealii::PETScWrappers::MPI::Vector &u) override;
    void reset_to_reference() override;

    void save_state(StateWriter &out) const override { out << time << velocity << acceleration; }
    void load_state(StateReader &in) override { in >> time >> velocity >> acceleration; }

    /// Kinetic energy 1/2 m v^2 (mJ) of the converged state (collective).
    double kinetic_energy() const;
    /// Time (s) since the run started, over its dynamic phases.
    double time_s() const { return time; }

  private:
    /// a(u) of one entry.
    double acceleration_at(std::size_t k, double u) const;

    const double                 density, alpha, gamma, beta;
    const dealii::DoFHandler<dim> &dofs;
    const dealii::Quadrature<dim> &quadrature;
    MPI_Comm                     comm;
    LumpedVolume                 lumped;
    double                       duration = 0.0, dt = 0.0, time = 0.0;
    std::vector<double>          start, velocity, acceleration; ///< u_n, v_n, a_n per entry of lumped.dofs
    mutable std::vector<double>  scratch;
  };
} // namespace leafmech
