#pragma once
/**
 * @file
 * @brief Quasi-static total-Lagrangian finite-strain solid on a p4est mesh with PETSc: assembly, Newton with
 * backtracking line search, load stepping with automatic cut-back, and probe evaluation.
 */
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/base/timer.h>
#include <deal.II/distributed/tria.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/fe/fe_system.h>
#include <deal.II/lac/affine_constraints.h>
#include <deal.II/lac/petsc_sparse_matrix.h>
#include <deal.II/lac/petsc_vector.h>

#include <functional>
#include <memory>
#include <solver/balloon_contact.h>
#include <solver/cell_integrator.h>
#include <solver/chordae.h>
#include <solver/cohesive_interface.h>
#include <solver/follower_pressure.h>
#include <solver/linear_solver.h>
#include <solver/problem.h>
#include <solver/run_parameters.h>
#include <solver/viscous_stabilization.h>

namespace leafmech
{
  struct IterationRecord
  {
    unsigned int step;
    double       load_factor;
    unsigned int iteration;
    double       residual_norm; ///< N, after the update
    double       update_norm;   ///< mm
    double       step_length;   ///< line-search factor
    unsigned int linear_iterations;
  };

  struct ProbeValue
  {
    dealii::Tensor<1, dim>          displacement;
    dealii::SymmetricTensor<2, dim> cauchy_stress;
  };

  /// The factors (0 to 1) that scale the problem's loads and drive the balloon at one point of a run.
  struct LoadState
  {
    double problem = 0.0; ///< Dirichlet data, tractions, pressures, chordal tethering
    double balloon = 0.0; ///< the balloon's inflation parameter
    double contact = 1.0; ///< scale of the balloon's contact pressure (falls to 0 as the balloon deflates)
  };

  /// One phase of a run: its own load factor runs from 0 to 1 and maps onto the loads and the balloon.
  struct LoadPhase
  {
    std::string  name    = "loading";
    unsigned int n_steps = 0; ///< nominal increments; 0: Load stepping/Number of load steps
    std::function<LoadState(double)> at = [](double l) { return LoadState{l, l}; };
    /// Start from the stress-free reference (u = 0) instead of the last state, keeping every history
    /// variable (the commissure damage): the elastic recoil of the hyperelastic body once all loads are off.
    bool from_reference = false;
    /// The balloon's waist diameter for this phase (mm; the stepwise protocol); 0: Balloon/Target diameter.
    double balloon_diameter = 0.0;
  };

  struct StepRecord
  {
    unsigned int            step;
    double                  load_factor; ///< of the phase
    std::string             phase;
    LoadState               state;
    unsigned int            newton_iterations;
    double                  residual_norm;
    unsigned int            cuts; ///< failed attempts before this increment converged
    double                  wall_time;
    std::vector<ProbeValue> probes;
    /// Scalar measures of the state (valve: orifice area, chordae tension, tie opening), units in the names.
    std::vector<std::pair<std::string, double>> measures;
  };

  /// Where a phase's load stepping stands after a converged increment: what continuing it exactly needs.
  struct PhaseProgress
  {
    double load_factor = 0.0; ///< of the phase, converged
    double increment   = 0.0; ///< the next increment (0: the phase's nominal one)
    double force_scale = 0.0; ///< the phase's largest start residual so far (N)
  };

  /// One rank's share of a converged state beyond the mesh: with the same mesh and ranks it continues the run
  /// exactly (a checkpoint).
  struct SolverState
  {
    dealii::types::global_dof_index       n_dofs = 0, first_owned = 0;
    std::vector<double>                   solution; ///< the locally owned entries, in index order
    std::vector<kernels::CohesiveHistory> cohesive;
    BalloonContact::History               contact;
    unsigned int                          step_count = 0;
    std::vector<IterationRecord>          iterations;
    double                                elapsed_s = 0.0;
    double                                stabilization_mJ = 0.0; ///< energy the viscous stabilisation dissipated
  };

  struct RunOutcome
  {
    bool         completed = false;
    bool         stopped   = false; ///< on_step asked to stop (the state is whole and can be resumed)
    std::string  message;
    double       load_factor = 0.0;
    unsigned int steps       = 0;
  };

  class SolidSolver
  {
  public:
    SolidSolver(const RunParameters &parameters, const Problem &problem, MPI_Comm comm, std::ostream &log,
                dealii::TimerOutput &timer);

    /// Contact with this balloon (call before setup; `inflation` must outlive the solver).
    void set_balloon(const BalloonInflation *inflation, kernels::BackendKind backend);

    /// Builds the mesh, the dofs, the sparsity and locates the probes. Throws std::runtime_error on bad meshes.
    void setup();

    /**
     * @brief Runs one phase's load stepping from the current state, or continues it from `start`; calls
     * on_step after every converged increment and stops there (resumably) when on_step returns false.
     */
    RunOutcome run(const LoadPhase &phase, const std::function<bool(const StepRecord &)> &on_step,
                   const PhaseProgress &start = {});

    /// The load stepping of the phase being run, as of its last converged increment.
    const PhaseProgress &progress() const { return stepping; }

    /// This rank's share of the converged state, and the way back to it (after setup; same mesh and ranks).
    SolverState state() const;
    void        restore(const SolverState &state);

    std::vector<ProbeValue> evaluate_probes();

    /// Projected pressure of every locally owned cell (indexed by active cell index; three-field only); if
    /// `strain_energy` is given, it receives the strain energy (mJ) of the current state from the same pass.
    std::vector<CellPressureField> pressure_fields(double *strain_energy = nullptr);

    /// Scalar measures of the current state at the given load state (empty for plain solids).
    std::vector<std::pair<std::string, double>> measures(const LoadState &state);

    /// Unit fibre direction at a point of a cell given in unit-cell coordinates.
    dealii::Tensor<1, dim> fibre_direction(const dealii::DoFHandler<dim>::active_cell_iterator &cell,
                                           const dealii::Point<dim> &unit_point) const;

    /// The problem's valve features, or nullptr.
    const ValveFeatures *problem_valve() const { return problem.valve(); }

    /// The cohesive interface (inactive for problems without one).
    const CohesiveInterface &cohesive_interface() const { return cohesive; }

    /// The chordae (empty for problems without them).
    const Chordae &chordae_set() const { return chordae; }

    /// The balloon contact, or nullptr without a balloon.
    BalloonContact *balloon_contact() { return contact.get(); }

    const dealii::DoFHandler<dim>                 &dof_handler() const { return dofs; }
    const dealii::PETScWrappers::MPI::Vector      &displacement() const { return solution_ghosted; }
    /// The dofs the ghosted vectors hold here (locally relevant plus the cohesive partners).
    const dealii::IndexSet                        &relevant_dofs() const { return relevant; }
    const MaterialDescription &material(dealii::types::material_id id) const { return parameters.materials[id]; }
    const std::vector<IterationRecord>            &iterations() const { return iteration_log; }
    dealii::types::global_cell_index               n_cells() const { return tria.n_global_active_cells(); }
    dealii::types::global_dof_index                n_dofs() const { return dofs.n_dofs(); }

  private:
    enum class IncrementStatus
    {
      converged,
      not_converged,
      inverted,
      diverged,
      linear_failure
    };

    /// Assembles -R (and K); false if a cell inverted anywhere (all ranks agree).
    bool assemble(const dealii::PETScWrappers::MPI::Vector &u, double load_factor,
                  const dealii::AffineConstraints<double> &c, bool with_matrix);
    void make_constraints(const std::map<dealii::types::global_dof_index, double> &dirichlet,
                          dealii::AffineConstraints<double> &c) const;
    /// Newton on one load increment; `iterations` receives the number of Newton iterations used.
    IncrementStatus solve_increment(unsigned int step, double load_factor, std::string &why, unsigned int &iterations);
    /// Holds the phase's final load until the viscous stabilisation has relaxed; returns the Newton iterations.
    unsigned int    hold_final_load(unsigned int step, double first_dt);
    /// Pseudo-time at which a hold ends: the damping c / dt is then negligible against any stiffness.
    static constexpr double hold_end_time = 1e3;
    void            locate_probes();
    void            setup_valve_features();
    /// Logs |K v - (R(u + h v) - R(u - h v)) / 2h| / |K v| for a random v (Nonlinear solver/Check tangent).
    void            log_tangent_check(double load_factor);

    const RunParameters &parameters;
    const Problem       &problem;
    MPI_Comm             comm;
    std::ostream        &log;
    dealii::TimerOutput &timer;

    dealii::parallel::distributed::Triangulation<dim> tria;
    dealii::FESystem<dim>                             fe;
    dealii::DoFHandler<dim>                           dofs;
    dealii::QGauss<dim>                               quadrature;
    dealii::QGauss<dim - 1>                           face_quadrature;
    std::unique_ptr<CellIntegrator>                   integrator;
    std::unique_ptr<LinearSolver>                     linear_solver;
    std::unique_ptr<FollowerPressure>                 follower_pressure;
    const BalloonInflation                           *balloon = nullptr;
    kernels::BackendKind                              backend = kernels::BackendKind::cpu;
    std::unique_ptr<BalloonContact>                   contact;
    CohesiveInterface                                 cohesive;
    Chordae                                           chordae;
    ViscousStabilization                              stabilization;
    /// Fibre direction at every quadrature point of every locally owned cell: [active cell index * n_q + q].
    std::vector<dealii::Tensor<1, dim>>               fibres_at_q;

    dealii::IndexSet                        owned, relevant;
    dealii::AffineConstraints<double>       homogeneous_constraints;
    dealii::PETScWrappers::MPI::SparseMatrix matrix;
    dealii::PETScWrappers::MPI::Vector      rhs, solution, solution_ghosted, trial_ghosted;

    std::vector<IterationRecord> iteration_log;
    LoadPhase                    phase;       ///< the phase being run
    PhaseProgress                stepping;        ///< of the phase being run
    unsigned int                 step_count = 0; ///< converged steps over all phases
    dealii::Timer                wall_clock;     ///< since construction
    double                       earlier_elapsed = 0.0; ///< elapsed time before a resumed run started (s)

    struct ProbeLocation
    {
      int                                       owner = -1;
      dealii::DoFHandler<dim>::active_cell_iterator cell;
      dealii::Point<dim>                        unit_point;
    };
    std::vector<ProbeLocation> probe_locations;
  };
} // namespace leafmech
