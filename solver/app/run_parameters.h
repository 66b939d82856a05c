#pragma once
/**
 * @file
 * @brief Every setting of one run: the solver core's, the output's, the stepwise protocol's and the backend,
 * with the problem, material and balloon sections declared by their model families.
 */
#include <deal.II/base/parameter_handler.h>

#include <solver/app/run_control.h>
#include <solver/core/solver_parameters.h>
#include <solver/postprocess/output_settings.h>
#include <solver/postprocess/stepwise_settings.h>
#include <string>

namespace leafmech
{
  struct RunParameters
  {
    SolverParameters solver;
    OutputSettings   output;
    StepwiseSettings stepwise;
    std::string      backend = "auto"; ///< Run/Backend: auto | cpu | cuda
    RunLimits        limits;           ///< time limit and stall rule
  };

  /// Declares every section: run control, finite element, solvers, output, geometry, materials, balloon.
  void declare_run_parameters(dealii::ParameterHandler &prm);

  /// Reads the parameters; throws std::invalid_argument naming the entry for values that patterns cannot check.
  RunParameters parse_run_parameters(dealii::ParameterHandler &prm);
} // namespace leafmech
