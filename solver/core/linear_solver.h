#pragma once
/**
 * @file
 * @brief The Newton systems' linear solver, on PETSc's KSP directly so the factorisation's symbolic phase and
 * the multigrid near-null space persist across Newton iterations.
 */
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/lac/petsc_sparse_matrix.h>
#include <deal.II/lac/petsc_vector.h>

#include <petscksp.h>
#include <solver/core/solver_parameters.h>
#include <stdexcept>

namespace leafmech
{
  /// Thrown when the linear solve fails; Newton treats it like a diverged increment.
  struct LinearSolverFailure : std::runtime_error
  {
    using std::runtime_error::runtime_error;
  };

  class LinearSolver
  {
  public:
    /// A non-symmetric system (follower loads) uses LU instead of Cholesky and GMRES instead of CG.
    LinearSolver(const LinearSolverSettings &settings, MPI_Comm comm, bool symmetric = true);
    ~LinearSolver();
    LinearSolver(const LinearSolver &) = delete;
    LinearSolver &operator=(const LinearSolver &) = delete;

    /// Builds the six rigid-body modes from the support points of the locally owned dofs (multigrid only).
    void set_rigid_body_modes(const dealii::DoFHandler<dim> &dof_handler);

    struct Result
    {
      unsigned int iterations = 0;
      double       residual   = 0.0;
    };

    /// Solves A x = b; A keeps its sparsity pattern between calls. Throws LinearSolverFailure.
    Result solve(dealii::PETScWrappers::MPI::SparseMatrix &A, dealii::PETScWrappers::MPI::Vector &x,
                 const dealii::PETScWrappers::MPI::Vector &b);

    /// One line describing the method, for the log.
    std::string describe() const;

  private:
    void create(Mat A);

    LinearSolverSettings settings;
    MPI_Comm             comm;
    bool                 symmetric;
    KSP                  ksp        = nullptr;
    MatNullSpace         near_null  = nullptr;
    std::vector<dealii::PETScWrappers::MPI::Vector> modes;
  };
} // namespace leafmech
