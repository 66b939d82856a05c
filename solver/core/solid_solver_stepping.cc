// Load stepping of the solid: the phases' increments with automatic cut-back, the terms' commit and reject,
// and the hold that lets lagging (damped) terms relax at a phase's end.
#include <iomanip>
#include <solver/core/solid_solver.h>
#include <sstream>

namespace leafmech
{
  using namespace dealii;

  RunOutcome SolidSolver::run(const LoadPhase &load_phase, const std::function<bool(const StepRecord &)> &on_step,
                              const PhaseProgress &start)
  {
    phase = load_phase;
    const double nominal = 1.0 / (phase.n_steps > 0 ? phase.n_steps : settings.n_load_steps);
    stepping             = start;
    if (stepping.increment <= 0.0)
      stepping.increment = nominal;
    if (phase.from_reference && start.load_factor == 0.0)
      {
        solution         = 0.0;
        solution_ghosted = solution;
        for (const auto &term : terms)
          term->reset_to_reference();
      }
    for (const auto &term : terms)
      term->begin_phase(phase);
    RunOutcome   outcome;
    double      &lambda = stepping.load_factor, &dlambda = stepping.increment;
    unsigned int cuts_in_row = 0, step = step_count;
    PETScWrappers::MPI::Vector converged = solution;
    bool                       lags      = false;
    for (const auto &term : terms)
      lags = lags || term->lags_behind_load();
    while (lambda < 1.0 - 1e-12)
      {
        const double target = std::min(1.0, lambda + dlambda);
        log << "Step " << step + 1 << " (" << phase.name << "): load factor " << std::fixed << std::setprecision(5)
            << target << "\n";
        std::string  why;
        unsigned int iterations = 0;
        begin_increment(converged, target - lambda);
        if (start_from_prediction(target))
          log << "    starting from the predicted state\n";
        auto status = solve_augmented(step + 1, target, why, iterations);
        if (status == IncrementStatus::converged)
          {
            commit();
            if (lags && target >= 1.0 - 1e-12)
              iterations += hold_final_load(step + 1, nominal);
            lambda = target;
            ++step;
            converged  = solution;
            step_count = step;
            // Recover the nominal increment gradually after cuts.
            ++stepping.converged_in_row;
            dlambda = next_increment(dlambda, nominal, stepping.converged_in_row, settings.increment_growth);
            const unsigned int cuts  = cuts_in_row;
            cuts_in_row              = 0;
            const bool         go_on = on_step(StepRecord{step, lambda, phase.name, phase.at(lambda), iterations,
                                                  iteration_log.back().residual_norm, cuts,
                                                  earlier_elapsed + wall_clock.wall_time()});
            if (!go_on && lambda < 1.0 - 1e-12)
              {
                outcome.stopped     = true;
                outcome.message     = "stopped as asked after step " + std::to_string(step);
                outcome.load_factor = lambda;
                outcome.steps       = step;
                return outcome;
              }
            continue;
          }
        solution         = converged;
        solution_ghosted = solution;
        for (const auto &term : terms)
          term->reject();
        if (status == IncrementStatus::interrupted)
          {
            // The increment is dropped, not failed: a resumed run takes it again as it was.
            log << "  increment to load factor " << target << " abandoned: " << why << "\n";
            outcome.stopped     = true;
            outcome.message     = why;
            outcome.load_factor = lambda;
            outcome.steps       = step;
            return outcome;
          }
        ++cuts_in_row;
        log << "  increment to load factor " << target << " failed: " << why << "\n";
        if (cuts_in_row > settings.max_step_cuts)
          {
            std::ostringstream msg;
            msg << "stopped in the " << phase.name << " phase at its load factor " << lambda
                << " (last converged state kept): the increment to " << target
                << " failed " << cuts_in_row << " times; last cause: " << why
                << ". Fix: use more load steps (Load stepping/Number of load steps), allow more cuts (Load "
                   "stepping/Maximum step cuts) or Newton iterations, or check the loads and material parameters.";
            outcome.message     = msg.str();
            outcome.load_factor = lambda;
            outcome.steps       = step;
            return outcome;
          }
        dlambda *= 0.5;
        stepping.converged_in_row = 0;
        log << "  cutting the increment to " << dlambda << "\n";
      }
    outcome.completed   = true;
    outcome.message     = "completed " + std::to_string(step) + " load steps";
    outcome.load_factor = lambda;
    outcome.steps       = step;
    return outcome;
  }

  unsigned int SolidSolver::hold_final_load(unsigned int step, double first_dt)
  {
    // The damping lags the state behind a moving load. Holding the phase's final load over growing spans of
    // pseudo-time (pseudo-transient continuation) lets the state relax along the damped path, and the damping
    // c / dt fades away, so the phase ends in static equilibrium. A Newton solve without damping from the lagging
    // state could instead jump to another equilibrium (a split running unstably: the viscous path is the
    // quasi-static answer). If a held increment fails, the phase ends in the last state reached.
    unsigned int total = 0;
    holding            = true;
    for (double dt = first_dt; dt <= hold_end_time; dt *= 4.0)
      {
        PETScWrappers::MPI::Vector held = solution;
        begin_increment(held, dt);
        std::string  why;
        unsigned int iterations = 0;
        log << "  holding the final load, damping relaxed over " << dt << " (load-factor time)\n";
        const IncrementStatus status = solve_increment(step, 1.0, why, iterations);
        total += iterations;
        if (status != IncrementStatus::converged)
          {
            log << "  the phase ends before the hold was over: " << why << "\n";
            solution         = held;
            solution_ghosted = solution;
            break;
          }
        commit();
      }
    holding = false;
    return total;
  }
} // namespace leafmech
