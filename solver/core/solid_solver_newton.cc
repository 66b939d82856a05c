// Newton's method on one load increment of the solid: the terms' tangent, MUMPS or Krylov, a backtracking line
// search that rejects inverted states, the convergence tests, and the finite-difference tangent check.
#include <deal.II/base/utilities.h>

#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>
#include <solver/core/newton_stagnation.h>
#include <solver/core/solid_solver.h>
#include <solver/models/problem.h>

namespace leafmech
{
  using namespace dealii;

  SolidSolver::IncrementStatus SolidSolver::solve_increment(unsigned int step, double load_factor, std::string &why,
                                                            unsigned int &iterations)
  {
    iterations = 0;
    std::map<types::global_dof_index, double> target;
    model.dirichlet_values(dofs, phase.at(load_factor).problem, target);

    // Reference residual: the out-of-balance force of the new load on the last converged state.
    for (const auto &term : terms)
      term->begin_newton();
    assemble(solution_ghosted, load_factor, homogeneous_constraints, false);
    double       r_prev  = rhs.l2_norm();
    const double r_first = r_prev;
    // The residual tolerance is relative to the largest out-of-balance force of the phase's increments, so a
    // cut increment (whose small start residual says nothing about the forces at play) is not held to a
    // tighter absolute tolerance than a full one.
    stepping.force_scale = std::max(stepping.force_scale, r_first);
    double r_ref         = stepping.force_scale;
    log << "    start |R| " << std::scientific << std::setprecision(3) << r_first;
    for (const auto &term : terms)
      log << term->newton_start_note();
    log << "\n";
    double g_max  = 0.0;
    for (const auto &[dof, value] : target)
      g_max = std::max(g_max, std::abs(value));
    g_max = Utilities::MPI::max(g_max, comm);

    PETScWrappers::MPI::Vector du(owned, comm), trial(owned, comm);
    AffineConstraints<double>  step_constraints;
    std::vector<double>        residuals; // after each iteration, for the stagnation test
    for (unsigned int it = 0; it < settings.max_newton_iterations; ++it)
      {
        if (interrupt && !holding) // a hold is short and part of its phase's last step: it is not interrupted
          if (why = interrupt(); !why.empty())
            return IncrementStatus::interrupted;
        // Dirichlet dofs: the update must bring u to the prescribed value (zero once reached).
        std::map<types::global_dof_index, double> remaining;
        for (const auto &[dof, value] : target)
          remaining[dof] = value - solution_ghosted(dof);
        make_constraints(remaining, step_constraints);
        for (const auto &term : terms)
          term->begin_iteration(NewtonProgress{it, r_prev, r_first});
        assemble(solution_ghosted, load_factor, step_constraints, true);
        if (settings.check_tangent)
          log_tangent_check(load_factor);

        LinearSolver::Result lin;
        {
          TimerOutput::Scope t(timer, "linear solve");
          try
            {
              du  = 0.0;
              lin = linear_solver->solve(matrix, du, rhs);
            }
          catch (const LinearSolverFailure &e)
            {
              why = e.what();
              return IncrementStatus::linear_failure;
            }
          step_constraints.distribute(du);
        }

        // Backtracking line search on the residual norm; inadmissible (inverted) trial states are rejected.
        double alpha = 1.0, r = std::numeric_limits<double>::infinity(), best_alpha = 0.0;
        bool   accepted = false;
        for (unsigned int ls = 0; ls <= settings.max_line_search_steps; ++ls, alpha *= 0.5)
          {
            trial = solution;
            trial.add(alpha, du);
            trial_ghosted = trial;
            const bool   valid = assemble(trial_ghosted, load_factor, homogeneous_constraints, false);
            const double r_try = valid ? rhs.l2_norm() : std::numeric_limits<double>::infinity();
            if (std::isfinite(r_try) && r_try < r)
              {
                r          = r_try;
                best_alpha = alpha;
              }
            const bool sufficient = !settings.line_search || it == 0 || r_try <= (1.0 - 1e-4 * alpha) * r_prev;
            if (std::isfinite(r_try) && sufficient)
              {
                accepted = true;
                break;
              }
            if (!settings.line_search && !std::isfinite(r_try))
              break;
          }
        if (!std::isfinite(r))
          {
            why = "every trial state along the Newton direction inverts a cell (J <= 0)";
            return IncrementStatus::inverted;
          }
        if (!accepted)
          alpha = best_alpha; // no sufficient decrease: take the best admissible point and go on
        solution.add(alpha, du);
        solution_ghosted = solution;
        if (!accepted)
          {
            assemble(solution_ghosted, load_factor, homogeneous_constraints, false);
            r = rhs.l2_norm();
          }

        iterations             = it + 1;
        const double full_step = du.l2_norm();
        const double update    = alpha * full_step;
        const double u_norm = solution.l2_norm();
        iteration_log.push_back({step, load_factor, it, r, update, alpha, lin.iterations});
        log << "    it " << std::setw(2) << it << "  |R| " << std::scientific << std::setprecision(3) << r
            << "  |du| " << update << "  alpha " << std::fixed << std::setprecision(3) << alpha << "  lin "
            << lin.iterations << "\n";
        r_ref = std::max(r_ref, r);
        r_prev = r;
        if (!std::isfinite(r) || r > 1e12 * (1.0 + r_ref))
          {
            why = "the residual diverged";
            return IncrementStatus::diverged;
          }
        double gap = 0.0;
        for (const auto &[dof, value] : target)
          gap = std::max(gap, std::abs(value - solution_ghosted(dof)));
        const bool boundary_reached = Utilities::MPI::max(gap, comm) <= 1e-10 * (1.0 + g_max);
        const bool small_residual   = r <= settings.residual_tolerance * r_ref;
        const bool small_update     = update <= settings.increment_tolerance * std::max(u_norm, 1e-30);
        // A full Newton correction at round-off level: the residual has reached its floor (an increment with
        // a tiny out-of-balance force, e.g. the first step of unloading, cannot reduce it 1e9-fold).
        const bool at_round_off = full_step <= 1e-12 * std::max(u_norm, 1e-30);
        if (boundary_reached &&
            ((small_update && (small_residual || at_round_off)) || r <= settings.absolute_residual_tolerance))
          return IncrementStatus::converged;
        residuals.push_back(r);
        if (newton_stagnated(residuals, settings.stagnation_window))
          {
            const unsigned int w = settings.stagnation_window;
            std::ostringstream out;
            out << "Newton stagnated: the residual did not halve over " << w << " iterations (" << std::scientific
                << std::setprecision(2) << residuals[it - w] << " N to " << r << " N at iteration " << it << ")";
            why = out.str();
            return IncrementStatus::not_converged;
          }
      }
    why = "Newton did not converge in " + std::to_string(settings.max_newton_iterations) + " iterations";
    return IncrementStatus::not_converged;
  }


  SolidSolver::IncrementStatus SolidSolver::solve_augmented(unsigned int step, double load_factor, std::string &why,
                                                            unsigned int &iterations)
  {
    IncrementStatus status = solve_increment(step, load_factor, why, iterations);
    if (status == IncrementStatus::interrupted)
      return status;
    // Terms with multipliers (augmented Lagrangian) update them and ask for another solve until satisfied.
    for (unsigned int round = 0; status == IncrementStatus::converged; ++round)
      {
        bool again = false;
        for (const auto &term : terms)
          {
            const ForceTerm::Augmentation a = term->augment(solution_ghosted, phase.at(load_factor), round, why);
            if (a == ForceTerm::Augmentation::failed)
              return IncrementStatus::not_converged;
            again = again || a == ForceTerm::Augmentation::again;
          }
        if (!again)
          break;
        unsigned int more = 0;
        status            = solve_increment(step, load_factor, why, more);
        iterations += more;
      }
    return status;
  }

  void SolidSolver::log_tangent_check(double load_factor)
  {
    // K v against -(rhs(u + h v) - rhs(u - h v)) / 2h on the unconstrained dofs, v random.
    PETScWrappers::MPI::Vector saved_rhs = rhs, v(owned, comm), Kv(owned, comm), fd(owned, comm), plus(owned, comm);
    std::srand(1 + Utilities::MPI::this_mpi_process(comm));
    for (const auto i : owned)
      v[i] = homogeneous_constraints.is_constrained(i) ? 0.0 : double(std::rand()) / RAND_MAX - 0.5;
    v.compress(VectorOperation::insert);
    matrix.vmult(Kv, v);
    const double h = 1e-6 * std::max(1.0, solution.linfty_norm());
    PETScWrappers::MPI::Vector trial(owned, comm);
    for (const double sign : {1.0, -1.0})
      {
        trial = solution;
        trial.add(sign * h, v);
        trial_ghosted = trial;
        assemble(trial_ghosted, load_factor, homogeneous_constraints, false);
        if (sign > 0)
          plus = rhs;
        else
          fd = rhs;
      }
    fd -= plus;
    fd /= 2 * h; // = (R(u + hv) - R(u - hv)) / 2h
    for (const auto i : owned)
      if (homogeneous_constraints.is_constrained(i))
        {
          fd[i] = 0.0;
          Kv[i] = 0.0;
        }
    fd.compress(VectorOperation::insert);
    Kv.compress(VectorOperation::insert);
    const double scale = Kv.l2_norm();
    Kv -= fd;
    log << "    tangent check: |K v - dR/du v| / |K v| = " << std::scientific << Kv.l2_norm() / scale;
    for (const auto &term : terms)
      log << term->tangent_check_note();
    log << "\n";
    rhs = saved_rhs;
  }

} // namespace leafmech
