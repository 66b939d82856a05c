#pragma once
/**
 * @file
 * @brief Quasi-static total-Lagrangian finite-strain solid on a p4est mesh with PETSc: the discretisation,
 * assembly over the list of force terms, Newton with backtracking line search, and load stepping with
 * automatic cut-back (solid_solver.cc, solid_solver_newton.cc, solid_solver_stepping.cc).
 *
 * The solver knows its force terms only through the ForceTerm interface, and no post-processor at all: it
 * hands each converged step to its caller, who measures and writes what it wants.
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
#include <solver/core/force_term.h>
#include <solver/core/force_terms/cell_forces.h>
#include <solver/core/linear_solver.h>
#include <solver/core/load_stepping.h>
#include <solver/core/solver_parameters.h>
#include <string>
#include <utility>
#include <vector>

namespace leafmech
{
  /// One rank's share of a converged state beyond the mesh: with the same mesh and ranks it continues the run
  /// exactly (a checkpoint).
  struct SolverState
  {
    dealii::types::global_dof_index n_dofs = 0, first_owned = 0;
    std::vector<double>             solution; ///< the locally owned entries, in index order
    /// Each force term's history (ForceTerm::save_state), by name, in the order of the sum.
    std::vector<std::pair<std::string, std::vector<char>>> terms;
    unsigned int                                           step_count = 0;
    std::vector<IterationRecord>                           iterations;
    double                                                 elapsed_s = 0.0;
  };

  class SolidSolver
  {
  public:
    SolidSolver(const SolverParameters &parameters, const Problem &problem, MPI_Comm comm, std::ostream &log,
                dealii::TimerOutput &timer);

    /// Contact with this balloon (call before setup; `inflation` must outlive the solver).
    void set_balloon(const BalloonInflation *inflation, kernels::BackendKind backend);

    /**
     * @brief A question the solver asks before every Newton iteration (collectively: every rank calls it and
     * the answer must be the same on all): a non-empty answer abandons the increment, returns to the last
     * converged state and ends run() as stopped, with the answer as its message (a signal, a time limit).
     */
    void set_interrupt(std::function<std::string()> poll) { interrupt = std::move(poll); }

    /// Builds the mesh, the dofs, the force terms and the sparsity. Throws std::runtime_error on bad meshes.
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

    /// The force term of type T, or nullptr if the run has none.
    template <typename T>
    T *find_term() const
    {
      for (const auto &term : terms)
        if (auto *t = dynamic_cast<T *>(term.get()))
          return t;
      return nullptr;
    }
    /// The cell term, which every run has.
    const CellForces &cells() const { return *cell_forces; }
    const std::vector<std::unique_ptr<ForceTerm>> &force_terms() const { return terms; }

    /// Every force term's output fields at the current state.
    void add_output_fields(const LoadState &state, OutputFields &fields) const;

    const SolverParameters                   &parameters() const { return settings; }
    const Problem                            &problem() const { return model; }
    MPI_Comm                                  communicator() const { return comm; }
    const dealii::DoFHandler<dim>            &dof_handler() const { return dofs; }
    /// The converged displacement (mm), with the ghost entries of relevant_dofs().
    const dealii::PETScWrappers::MPI::Vector &displacement() const { return solution_ghosted; }
    /// The dofs the ghosted vectors hold here (locally relevant plus the force terms' partners).
    const dealii::IndexSet                   &relevant_dofs() const { return relevant; }
    const std::vector<IterationRecord>       &iterations() const { return iteration_log; }
    dealii::types::global_cell_index          n_cells() const { return tria.n_global_active_cells(); }
    dealii::types::global_dof_index           n_dofs() const { return dofs.n_dofs(); }

  private:
    enum class IncrementStatus
    {
      converged,
      not_converged,
      inverted,
      diverged,
      linear_failure,
      interrupted
    };

    void create_force_terms();
    /// Assembles -R (and K) over the force terms; false if a cell inverted anywhere (all ranks agree).
    bool assemble(const dealii::PETScWrappers::MPI::Vector &u, double load_factor,
                  const dealii::AffineConstraints<double> &c, bool with_matrix);
    void make_constraints(const std::map<dealii::types::global_dof_index, double> &dirichlet,
                          dealii::AffineConstraints<double> &c) const;
    /// Newton on one load increment; `iterations` receives the number of Newton iterations used.
    IncrementStatus solve_increment(unsigned int step, double load_factor, std::string &why, unsigned int &iterations);
    /// Newton, then the terms' augmentation rounds until none asks for another solve.
    IncrementStatus solve_augmented(unsigned int step, double load_factor, std::string &why, unsigned int &iterations);
    /// Holds the phase's final load until the lagging terms have relaxed; returns the Newton iterations.
    unsigned int    hold_final_load(unsigned int step, double first_dt);
    /// Pseudo-time at which a hold ends: the damping c / dt is then negligible against any stiffness.
    static constexpr double hold_end_time = 1e3;
    void            begin_increment(const dealii::PETScWrappers::MPI::Vector &u_n, double d_lambda);
    /// Moves the solution (the converged state) to the terms' prediction of the increment to load_factor if
    /// that lowers the residual; true if it did.
    bool            start_from_prediction(double load_factor);
    void            commit();
    /// Logs |K v - (R(u + h v) - R(u - h v)) / 2h| / |K v| for a random v (Nonlinear solver/Check tangent).
    void            log_tangent_check(double load_factor);

    const SolverParameters &settings;
    const Problem          &model;
    MPI_Comm                comm;
    std::ostream           &log;
    dealii::TimerOutput    &timer;

    dealii::parallel::distributed::Triangulation<dim> tria;
    dealii::FESystem<dim>                             fe;
    dealii::DoFHandler<dim>                           dofs;
    dealii::QGauss<dim>                               quadrature;
    dealii::QGauss<dim - 1>                           face_quadrature;
    const BalloonInflation                           *balloon = nullptr;
    kernels::BackendKind                              backend = kernels::BackendKind::cpu;
    std::vector<std::unique_ptr<ForceTerm>>           terms;       ///< in the order of the sum
    std::vector<ForceTerm *>                          local_terms; ///< the cell-local ones
    CellForces                                       *cell_forces = nullptr;
    std::unique_ptr<LinearSolver>                     linear_solver;

    dealii::IndexSet                         owned, relevant;
    dealii::AffineConstraints<double>        homogeneous_constraints;
    dealii::PETScWrappers::MPI::SparseMatrix matrix;
    dealii::PETScWrappers::MPI::Vector       rhs, solution, solution_ghosted, trial_ghosted;

    std::vector<IterationRecord> iteration_log;
    LoadPhase                    phase;                 ///< the phase being run
    PhaseProgress                stepping;              ///< of the phase being run
    unsigned int                 step_count = 0;        ///< converged steps over all phases
    dealii::Timer                wall_clock;            ///< since construction
    double                       earlier_elapsed = 0.0; ///< elapsed time before a resumed run started (s)
    std::function<std::string()> interrupt;             ///< asked before every Newton iteration
    bool                         holding = false;       ///< inside hold_final_load
  };
} // namespace leafmech
