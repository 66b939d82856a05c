#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/mapping_q1.h>
#include <deal.II/base/utilities.h>

#include <petscmat.h>

#include <cmath>
#include <solver/core/linear_solver.h>

#include <sstream>

namespace leafmech
{
  using namespace dealii;

  namespace
  {
    /// What MUMPS says went wrong (its INFOG(1)), in words with a fix; "" if it says nothing.
    std::string mumps_cause(KSP ksp)
    {
      PC       pc;
      Mat      F;
      PetscInt code = 0;
      if (KSPGetPC(ksp, &pc) != 0 || PCFactorGetMatrix(pc, &F) != 0 || F == nullptr ||
          MatMumpsGetInfog(F, 1, &code) != 0 || code >= 0)
        return "";
      const std::string infog = " (MUMPS INFOG(1) = " + std::to_string(code) + ")";
      switch (code)
        {
          case -10:
            return "the tangent is numerically singular" + infog + ": a rigid-body motion is not held, or cells "
                   "lost their stiffness. Fix: check the held boundary and the material parameters";
          case -13:
            return "MUMPS could not allocate its memory" + infog + ". Fix: more MPI ranks or a coarser mesh";
          case -19:
            return "MUMPS needs more memory than its limit allows" + infog + ". Fix: raise or remove "
                   "-mat_mumps_icntl_23 in Linear solver/Extra PETSc options";
          case -8:
          case -9:
          case -11:
          case -14:
          case -15:
          case -17:
          case -20:
            return "MUMPS ran out of workspace" + infog + ". Fix: add '-mat_mumps_icntl_14 200' to Linear "
                   "solver/Extra PETSc options";
          default:
            return "MUMPS failed" + infog + ", typically on NaN or Inf entries of the tangent. Fix: check the "
                   "input's numbers and that no cell is inverted";
        }
    }

    void check(PetscErrorCode ierr, const char *what)
    {
      if (ierr != 0)
        throw LinearSolverFailure(std::string("PETSc error ") + std::to_string(ierr) + " in " + what);
    }
  } // namespace

  LinearSolver::LinearSolver(const LinearSolverSettings &settings, MPI_Comm comm, bool symmetric)
    : settings(settings), comm(comm), symmetric(symmetric)
  {
    if (!symmetric && this->settings.method == "CG")
      this->settings.method = "GMRES";
  }

  LinearSolver::~LinearSolver()
  {
    if (ksp != nullptr)
      KSPDestroy(&ksp);
    if (near_null != nullptr)
      MatNullSpaceDestroy(&near_null);
  }

  std::string LinearSolver::describe() const
  {
    if (settings.method == "direct")
      return symmetric ? "MUMPS Cholesky (direct)" : "MUMPS LU (direct; the tangent is non-symmetric)";
    return settings.method + " + " + settings.preconditioner + ", relative tolerance " +
           std::to_string(settings.relative_tolerance);
  }

  void LinearSolver::set_rigid_body_modes(const DoFHandler<dim> &dof_handler)
  {
    if (settings.method == "direct" || settings.preconditioner == "Jacobi")
      return;
    const IndexSet owned = dof_handler.locally_owned_dofs();
    std::map<types::global_dof_index, Point<dim>> support;
    DoFTools::map_dofs_to_support_points(MappingQ1<dim>(), dof_handler, support);
    std::vector<unsigned int> component_of(owned.n_elements());
    for (unsigned int c = 0; c < dim; ++c)
      {
        std::vector<bool> mask(dim, false);
        mask[c]             = true;
        const IndexSet dofs = DoFTools::extract_dofs(dof_handler, ComponentMask(mask));
        for (const auto i : dofs)
          component_of[owned.index_within_set(i)] = c;
      }
    // Centre the rotations for conditioning.
    Point<dim> centre;
    for (const auto i : owned)
      centre += support.at(i) / double(owned.n_elements());
    Point<dim> global_centre;
    for (unsigned int d = 0; d < dim; ++d)
      global_centre[d] = Utilities::MPI::sum(centre[d] * owned.n_elements(), comm) /
                         Utilities::MPI::sum(double(owned.n_elements()), comm);

    modes.assign(6, PETScWrappers::MPI::Vector(owned, comm));
    for (const auto i : owned)
      {
        const unsigned int c = component_of[owned.index_within_set(i)];
        const Tensor<1, dim> x = support.at(i) - global_centre;
        modes[c](i)            = 1.0;
        // rotations about x, y, z: (0, -z, y), (z, 0, -x), (-y, x, 0)
        const double rot[3][3] = {{0, -x[2], x[1]}, {x[2], 0, -x[0]}, {-x[1], x[0], 0}};
        for (unsigned int r = 0; r < 3; ++r)
          modes[3 + r](i) = rot[r][c];
      }
    for (auto &m : modes)
      m.compress(VectorOperation::insert);
    // Modified Gram-Schmidt: PETSc wants an orthonormal basis.
    for (unsigned int a = 0; a < modes.size(); ++a)
      {
        for (unsigned int b = 0; b < a; ++b)
          modes[a].add(-(modes[a] * modes[b]), modes[b]);
        modes[a] /= modes[a].l2_norm();
      }
    std::vector<Vec> vecs;
    for (auto &m : modes)
      vecs.push_back(static_cast<Vec>(m));
    if (near_null != nullptr)
      MatNullSpaceDestroy(&near_null);
    check(MatNullSpaceCreate(comm, PETSC_FALSE, static_cast<PetscInt>(vecs.size()), vecs.data(), &near_null),
          "MatNullSpaceCreate");
  }

  void LinearSolver::create(Mat A)
  {
    check(KSPCreate(comm, &ksp), "KSPCreate");
    check(KSPSetOptionsPrefix(ksp, "leafmech_"), "KSPSetOptionsPrefix");
    PC pc;
    check(KSPGetPC(ksp, &pc), "KSPGetPC");
    if (settings.method == "direct")
      {
        check(KSPSetType(ksp, KSPPREONLY), "KSPSetType");
        check(PCSetType(pc, symmetric ? PCCHOLESKY : PCLU), "PCSetType");
        check(PCFactorSetMatSolverType(pc, MATSOLVERMUMPS), "PCFactorSetMatSolverType");
        // Pivoting in a non-symmetric or nearly singular factorisation needs room beyond the analysis' estimate.
        PetscOptionsSetValue(nullptr, "-leafmech_mat_mumps_icntl_14", "200");
      }
    else
      {
        check(KSPSetType(ksp, settings.method == "CG" ? KSPCG : KSPGMRES), "KSPSetType");
        check(KSPSetTolerances(ksp, settings.relative_tolerance, 1e-300, 1e10,
                               static_cast<PetscInt>(settings.max_iterations)),
              "KSPSetTolerances");
        if (settings.preconditioner == "BoomerAMG")
          {
            check(PCSetType(pc, PCHYPRE), "PCSetType");
            check(PCHYPRESetType(pc, "boomeramg"), "PCHYPRESetType");
            // 3D elasticity: a stronger threshold than the 0.25 default keeps the coarse grids effective.
            PetscOptionsSetValue(nullptr, "-leafmech_pc_hypre_boomeramg_strong_threshold", "0.5");
            PetscOptionsSetValue(nullptr, "-leafmech_pc_hypre_boomeramg_coarsen_type", "HMIS");
            PetscOptionsSetValue(nullptr, "-leafmech_pc_hypre_boomeramg_interp_type", "ext+i");
          }
        else if (settings.preconditioner == "GAMG")
          check(PCSetType(pc, PCGAMG), "PCSetType");
        else
          check(PCSetType(pc, PCJACOBI), "PCSetType");
        if (near_null != nullptr)
          check(MatSetNearNullSpace(A, near_null), "MatSetNearNullSpace");
      }
    std::istringstream extra(settings.extra_options);
    std::string        token, pending;
    while (extra >> token)
      {
        if (token.size() > 1 && token[0] == '-')
          {
            if (!pending.empty())
              PetscOptionsSetValue(nullptr, pending.c_str(), nullptr);
            pending = "-leafmech_" + token.substr(1);
          }
        else if (!pending.empty())
          {
            PetscOptionsSetValue(nullptr, pending.c_str(), token.c_str());
            pending.clear();
          }
      }
    if (!pending.empty())
      PetscOptionsSetValue(nullptr, pending.c_str(), nullptr);
    check(KSPSetFromOptions(ksp), "KSPSetFromOptions");
  }

  LinearSolver::Result LinearSolver::solve(PETScWrappers::MPI::SparseMatrix &A, PETScWrappers::MPI::Vector &x,
                                           const PETScWrappers::MPI::Vector &b)
  {
    Mat mat = static_cast<Mat>(A);
    if (ksp == nullptr)
      create(mat);
    check(KSPSetOperators(ksp, mat, mat), "KSPSetOperators");
    PetscErrorCode     ierr = KSPSolve(ksp, static_cast<Vec>(b), static_cast<Vec>(x));
    KSPConvergedReason reason;
    KSPGetConvergedReason(ksp, &reason);
    if (settings.method == "direct" && (ierr != 0 || reason < 0))
      {
        // The reused analysis may no longer suit the matrix (pivots moved): factorise afresh once.
        KSPDestroy(&ksp);
        create(mat);
        check(KSPSetOperators(ksp, mat, mat), "KSPSetOperators");
        ierr = KSPSolve(ksp, static_cast<Vec>(b), static_cast<Vec>(x));
        KSPGetConvergedReason(ksp, &reason);
      }
    if (ierr != 0 || reason < 0)
      {
        PetscReal norm = 0;
        VecNorm(static_cast<Vec>(b), NORM_2, &norm);
        if (!std::isfinite(norm))
          throw LinearSolverFailure("the residual holds NaN or Inf: some state the materials or loads cannot "
                                    "evaluate (check the input's numbers)");
        if (settings.method == "direct")
          if (const std::string cause = mumps_cause(ksp); !cause.empty())
            throw LinearSolverFailure("linear solver (" + describe() + ") failed: " + cause);
        std::string why = ierr != 0 ? "PETSc error " + std::to_string(ierr) : KSPConvergedReasons[reason];
        throw LinearSolverFailure("linear solver (" + describe() + ") failed: " + why +
                                  (settings.method == "direct" ? " (singular or indefinite tangent: check the "
                                                                 "boundary conditions fix every rigid-body motion)"
                                                               : " (raise Linear solver/Maximum iterations or use "
                                                                 "Method = direct)"));
      }
    Result   r;
    PetscInt its;
    KSPGetIterationNumber(ksp, &its);
    KSPGetResidualNorm(ksp, &r.residual);
    r.iterations = static_cast<unsigned int>(its);
    return r;
  }
} // namespace leafmech
