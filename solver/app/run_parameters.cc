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
    r.backend = prm.get("Backend");
    prm.leave_subsection();
    r.stepwise = parse_stepwise_parameters(prm);
    return r;
  }
} // namespace leafmech
