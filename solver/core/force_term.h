#pragma once
/**
 * @file
 * @brief One contribution to the solid's residual and tangent: the cells, boundary tractions, the follower
 * pressure, the cohesive interface, balloon contact, chordae, the viscous stabilisation, ... Each is one file
 * in solver/core/force_terms/ that registers itself with a factory and the place it takes in the sum.
 *
 * The solver assembles the sum in one pass: the cell-local terms add to each cell's element system inside one
 * cell loop (so each cell is inserted into the global matrix once), then every other term adds to the global
 * system. Around that a term may keep history (commit at convergence, drop a rejected attempt, checkpoint
 * state), take part in the Newton loop (a tangent that changes with the iteration, an augmentation loop) and
 * give output fields. Adding a force term is one new file plus its line in solver/core/CMakeLists.txt.
 */
#include <deal.II/base/index_set.h>
#include <deal.II/base/quadrature.h>
#include <deal.II/base/timer.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/lac/affine_constraints.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>
#include <deal.II/lac/full_matrix.h>
#include <deal.II/lac/petsc_sparse_matrix.h>
#include <deal.II/lac/petsc_vector.h>
#include <deal.II/lac/vector.h>

#include <leafmech/kernels/backend.h>
#include <base/registry.h>
#include <base/state_buffer.h>
#include <deque>
#include <functional>
#include <memory>
#include <solver/core/load_stepping.h>
#include <solver/core/output_fields.h>
#include <solver/core/solver_parameters.h>
#include <string>
#include <vector>

namespace leafmech
{
  class Problem;
  class BalloonInflation;
  class CellForces;

  /// What a force term may use to build itself: the discretisation and the run's models.
  struct ForceTermContext
  {
    const SolverParameters            &parameters;
    const Problem                     &problem;
    const BalloonInflation            *balloon; ///< nullptr without a balloon
    kernels::BackendKind               backend;
    const dealii::DoFHandler<dim>     &dofs;
    const dealii::Quadrature<dim>     &quadrature;
    const dealii::Quadrature<dim - 1> &face_quadrature;
    const CellForces                  *cells; ///< the cell term (nullptr while it is being made)
    MPI_Comm                           comm;
    std::ostream                      &log;
    dealii::TimerOutput               &timer;
  };

  /// The state an assembly evaluates.
  struct AssemblyInput
  {
    const dealii::PETScWrappers::MPI::Vector &u; ///< ghosted trial displacement
    LoadState                                 load;
    const dealii::AffineConstraints<double>  &constraints;
    bool                                      with_matrix;
  };

  /// Newton's progress on an increment, for terms whose tangent depends on it.
  struct NewtonProgress
  {
    unsigned int iteration     = 0;
    double       residual      = 0.0; ///< |R| after the last update (N)
    double       first_residual = 0.0; ///< |R| of the increment's start (N)
  };

  class ForceTerm
  {
  public:
    virtual ~ForceTerm() = default;

    /// The registered name (logs, checkpoint sections).
    const std::string &name() const { return registered_name; }

    // Discretisation
    /// Dofs this rank reads but the mesh does not make relevant (partners across an interface).
    virtual void add_ghost_dofs(dealii::IndexSet &) const {}
    virtual void add_sparsity(dealii::DynamicSparsityPattern &) const {}
    /// The Dirichlet (homogeneous) constraints, once known.
    virtual void constraints_ready(const dealii::AffineConstraints<double> &) {}
    /// False if the term's tangent is not symmetric (the linear solver then uses LU / GMRES).
    virtual bool symmetric() const { return true; }

    // Assembly
    /// A cell-local term adds to each locally owned cell's residual R (internal minus external force) and
    /// tangent K inside the solver's cell loop.
    virtual bool cell_local() const { return false; }
    /// @return false if the state is inadmissible there (an inverted cell).
    virtual bool add_cell(const dealii::DoFHandler<dim>::active_cell_iterator &, const dealii::Vector<double> &,
                          const LoadState &, dealii::FullMatrix<double> *, dealii::Vector<double> &)
    {
      return true;
    }
    /// A global term adds -R (and K) through the constraints after the cell loop.
    virtual void add_global(const AssemblyInput &, dealii::PETScWrappers::MPI::SparseMatrix *,
                            dealii::PETScWrappers::MPI::Vector &)
    {}

    // Load stepping and Newton
    /// A phase starts (or resumes from a checkpoint).
    virtual void begin_phase(const LoadPhase &) {}
    /// An increment of size d_lambda starts from the converged state u_n (locally owned entries).
    virtual void begin_increment(const dealii::PETScWrappers::MPI::Vector &, double) {}
    /// Adds this term's extrapolation of the increment to u, the converged state (locally owned entries; the
    /// solver compresses): false if it has none. Newton starts from the sum where that lowers the residual.
    virtual bool predict(dealii::PETScWrappers::MPI::Vector &) const { return false; }
    /// A Newton solve of the increment starts (also again after an augmentation).
    virtual void begin_newton() {}
    /// Text for the log line of a Newton solve's start (collective: every rank calls it).
    virtual std::string newton_start_note() const { return ""; }
    /// A Newton iteration is about to assemble its tangent.
    virtual void begin_iteration(const NewtonProgress &) {}
    /// What the log of a tangent check should know about this term's tangent (e.g. that it is incomplete).
    virtual std::string tangent_check_note() const { return ""; }
    enum class Augmentation
    {
      done,  ///< nothing to update
      again, ///< the term updated its multipliers: solve the increment again
      failed ///< it cannot satisfy its condition: the increment fails (why says why)
    };
    /// After a converged solve: an augmented-Lagrangian update. `round` counts the updates of this increment.
    virtual Augmentation augment(const dealii::PETScWrappers::MPI::Vector &, const LoadState &, unsigned int,
                                 std::string &)
    {
      return Augmentation::done;
    }
    /// The increment converged at u (ghosted and owned): history becomes permanent.
    virtual void commit(const dealii::PETScWrappers::MPI::Vector &, const dealii::PETScWrappers::MPI::Vector &) {}
    /// The attempt failed: return to the state of the last commit.
    virtual void reject() {}
    /// The run returns to the stress-free reference (u = 0) keeping its history (LoadPhase::from_reference).
    virtual void reset_to_reference() {}
    /// True if the term makes the state lag behind the load (damping): each phase then ends with a hold.
    virtual bool lags_behind_load() const { return false; }

    // Restart and output
    /// The term's history on this rank, bit for bit, and the way back to it.
    virtual void save_state(StateWriter &) const {}
    virtual void load_state(StateReader &) {}
    /// Fields for the solution output at the current state `u` (ghosted).
    virtual void add_output_fields(const dealii::PETScWrappers::MPI::Vector &, const LoadState &,
                                   OutputFields &) const
    {}

  private:
    friend class SolidSolver;
    std::string registered_name;
  };

  struct ForceTermInfo
  {
    std::string  description;
    unsigned int order; ///< place in the sum (cell-local terms first; the cell term is 0)
    /// Makes the term for this run, or returns nullptr where it does not apply (no balloon, no interface, ...).
    std::function<std::unique_ptr<ForceTerm>(const ForceTermContext &)> create;
  };

  using ForceTermRegistry = Registry<ForceTermInfo>;
} // namespace leafmech
