#include <deal.II/base/mpi.h>

#include <iomanip>
#include <solver/app/run_control.h>
#include <sstream>

namespace leafmech
{
  namespace
  {
    volatile std::sig_atomic_t received_signal = 0;

    void remember_signal(int signal) { received_signal = signal; }
  } // namespace

  void RunControl::install_signal_handlers()
  {
    std::signal(SIGTERM, remember_signal);
    std::signal(SIGINT, remember_signal);
  }

  RunControl::RunControl(MPI_Comm comm, const RunLimits &limits, double elapsed_before_s)
    : comm(comm), limits(limits), elapsed_before(elapsed_before_s)
  {}

  std::string RunControl::poll()
  {
    const double elapsed = elapsed_before + clock.wall_time();
    // One rank may see the signal first, and the clocks differ a little: the largest flags decide for all.
    double flags[2] = {double(received_signal), limits.time_limit_s > 0 && elapsed > limits.time_limit_s ? 1.0 : 0.0};
    MPI_Allreduce(MPI_IN_PLACE, flags, 2, MPI_DOUBLE, MPI_MAX, comm);
    std::ostringstream why;
    by_signal = flags[0] != 0;
    if (by_signal)
      why << "stopped by " << (int(flags[0]) == SIGINT ? "SIGINT (Ctrl-C)" : "SIGTERM (a time limit or a kill)")
          << " after " << std::fixed << std::setprecision(0) << elapsed << " s";
    else if (flags[1] != 0)
      why << "the run passed its time limit (Run/Time limit = " << limits.time_limit_s << " s; "
          << std::fixed << std::setprecision(0) << elapsed << " s elapsed)";
    return why.str();
  }

  std::string RunControl::after_step(const StepRecord &step, double kinetic_to_strain)
  {
    if (step.phase != phase)
      phase = step.phase, last_load_factor = 0.0, crawling = 0, short_steps = 0;
    const double increment = step.load_factor - last_load_factor;
    last_load_factor       = step.load_factor;
    const bool is_short    = increment < limits.stall_increment;
    const bool moving      = kinetic_to_strain > moving_kinetic_ratio;
    crawling               = !is_short ? 0 : crawling + (moving ? 0 : 1);
    short_steps            = !is_short ? 0 : short_steps + 1;
    const bool never_settles = short_steps >= moving_steps_factor * limits.stall_steps;
    if (limits.stall_steps == 0 || (crawling < limits.stall_steps && !never_settles))
      return "";
    std::ostringstream why;
    why << "stalled: " << short_steps << " increments in a row below " << limits.stall_increment
        << " of the load (Load stepping/Stall increment, Stall steps)";
    if (never_settles)
      why << ", the kinetic energy above " << moving_kinetic_ratio << " of the strain energy in "
          << short_steps - crawling << " of them";
    return why.str();
  }
} // namespace leafmech
