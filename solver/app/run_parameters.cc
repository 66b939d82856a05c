#include <solver/app/run_parameters.h>
#include <solver/models/balloon_model.h>
#include <solver/models/problem.h>

namespace leafmech
{
  using namespace dealii;

  void declare_run_parameters(ParameterHandler &prm)
  {
    declare_solver_parameters(prm);
    declare_output_parameters(prm);
    prm.enter_subsection("Run");
    prm.declare_entry("Backend", "auto", Patterns::Selection("auto|cpu|cuda"),
                      "Where pointwise kernels run: auto (CUDA when a device is present, else CPU), cpu, or cuda "
                      "(an error without a device).");
    prm.declare_entry("Time limit", "0", Patterns::Double(0, 1e7),
                      "Wall-clock budget of the run (s; 0: none). Past it the increment in hand is dropped, a "
                      "checkpoint of the last converged state is written and the run fails, saying where it stood.");
    prm.leave_subsection();
    prm.enter_subsection("Load stepping");
    prm.declare_entry("Stall increment", "1e-3", Patterns::Double(0, 1),
                      "A converged increment below this fraction of its phase's load counts as crawling "
                      "(dimensionless) ...");
    prm.declare_entry("Stall steps", "40", Patterns::Integer(0, 1000000),
                      "... and this many in a row end the run as stalled, with where it stood (0: never). In a "
                      "dynamic run those taken while the kinetic energy is above 1 % of the strain energy (a fast "
                      "motion being resolved) do not count, up to 10 times this many in a row.");
    prm.leave_subsection();
    declare_problem_parameters(prm);
    declare_balloon_parameters(prm);
    declare_stepwise_parameters(prm);
  }

  RunParameters parse_run_parameters(ParameterHandler &prm)
  {
    RunParameters r;
    r.solver = parse_solver_parameters(prm);
    r.output = parse_output_parameters(prm);
    prm.enter_subsection("Run");
    r.backend             = prm.get("Backend");
    r.limits.time_limit_s = prm.get_double("Time limit");
    prm.leave_subsection();
    prm.enter_subsection("Load stepping");
    r.limits.stall_increment = prm.get_double("Stall increment");
    r.limits.stall_steps     = prm.get_integer("Stall steps");
    prm.leave_subsection();
    r.stepwise = parse_stepwise_parameters(prm);
    return r;
  }
} // namespace leafmech
