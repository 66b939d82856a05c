#pragma once
/**
 * @file
 * @brief What ends a run before its load is through, all ranks agreeing: SIGTERM or SIGINT (a SLURM time
 * limit ahead of its end, Ctrl-C), the wall-clock budget Run/Time limit, and a stall (increments that stay cut
 * below a floor for many steps). In a dynamic run, short increments while the kinetic energy is above
 * `moving_kinetic_ratio` of the strain energy resolve a fast motion (a leaflet slipping over the balloon's
 * shoulder settles in a few ms, tens of steps of 1e-4 of the load): they do not count, up to
 * `moving_steps_factor` times Stall steps in a row, so that a motion that never settles still ends as a stall.
 *
 * A signal stops the run resumably (the increment in hand is dropped, a checkpoint of the last converged state
 * is written, status `stopped`, exit code 3); a time limit or a stall fails it, saying where and why.
 */
#include <deal.II/base/timer.h>

#include <csignal>
#include <mpi.h>
#include <solver/core/load_stepping.h>
#include <string>

namespace leafmech
{
  struct RunLimits
  {
    double       time_limit_s    = 0.0;  ///< Run/Time limit; 0: none
    double       stall_increment = 1e-3; ///< Load stepping/Stall increment (fraction of a phase's load)
    unsigned int stall_steps     = 40;   ///< Load stepping/Stall steps
  };

  class RunControl
  {
  public:
    RunControl(MPI_Comm comm, const RunLimits &limits, double elapsed_before_s);

    /// SIGTERM and SIGINT set a flag the next poll() sees (instead of killing the process).
    static void install_signal_handlers();

    /// Collective: why the run must stop now ("" to go on): a signal or the time limit.
    std::string poll();

    /// After a converged step (the same on every rank), with the kinetic energy over the strain energy there
    /// (0 in a static run): why the run stalled, or "".
    std::string after_step(const StepRecord &step, double kinetic_to_strain = 0.0);

    static constexpr double       moving_kinetic_ratio = 1e-2;
    static constexpr unsigned int moving_steps_factor  = 10;

    /// Whether the reason poll() last gave was a signal (the run stops resumably) rather than the time limit.
    bool stopped_by_signal() const { return by_signal; }

  private:
    MPI_Comm      comm;
    RunLimits     limits;
    dealii::Timer clock;
    double        elapsed_before;
    bool          by_signal = false;
    std::string   phase;
    double        last_load_factor = 0.0;
    unsigned int  crawling         = 0; ///< converged increments in a row below the floor, not moving
    unsigned int  short_steps      = 0; ///< converged increments in a row below the floor, moving or not
  };
} // namespace leafmech
