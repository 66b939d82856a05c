#pragma once
/**
 * @file
 * @brief The vocabulary of load stepping: the load factors of a state, the phases of a run, and the records
 * the solver keeps of its increments and Newton iterations.
 */
#include <functional>
#include <string>

namespace leafmech
{
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
    /// Its real duration (s) in a dynamic run: the load factor is time / duration. 0: quasi-static.
    double duration = 0.0;
  };

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

  /// A converged increment.
  struct StepRecord
  {
    unsigned int step;
    double       load_factor; ///< of the phase
    std::string  phase;
    LoadState    state;
    unsigned int newton_iterations;
    double       residual_norm;
    unsigned int cuts; ///< failed attempts before this increment converged
    double       wall_time;
  };

  /// Where a phase's load stepping stands after a converged increment: what continuing it exactly needs.
  struct PhaseProgress
  {
    double load_factor = 0.0; ///< of the phase, converged
    double increment   = 0.0; ///< the next increment (0: the phase's nominal one)
    double force_scale = 0.0; ///< the phase's largest start residual so far (N)
    unsigned int converged_in_row = 0; ///< increments converged since the last cut (Load stepping/Growth delay)
  };

  struct RunOutcome
  {
    bool         completed = false;
    bool         stopped   = false; ///< on_step asked to stop (the state is whole and can be resumed)
    std::string  message;
    double       load_factor = 0.0;
    unsigned int steps       = 0;
  };
} // namespace leafmech
