#pragma once
/**
 * @file
 * @brief What a `leafmech run` or `leafmech mesh` is asked to do, and the checked input it reads.
 */
#include <deal.II/base/parameter_handler.h>

#include <memory>
#include <solver/app/run_parameters.h>
#include <solver/models/balloon_model.h>
#include <solver/models/problem.h>
#include <string>
#include <vector>

namespace leafmech
{
  struct RunRequest
  {
    std::string              input_file;
    std::vector<std::string> overrides;        ///< "Section/Name=value"
    std::string              output_directory; ///< overrides Output/Directory when not empty
    std::string              resume_directory; ///< continue the run in this directory from its last checkpoint
    unsigned int             stop_at_step = 0; ///< stop (resumably, with a checkpoint) after this step; 0: never
    bool                     verbose      = false; ///< Newton iterations and measures on the terminal too
  };

  /// The checked input of a run: parameters, problem and balloon.
  struct RunInput
  {
    dealii::ParameterHandler          prm;
    RunParameters                     parameters;
    std::unique_ptr<Problem>          problem;
    std::unique_ptr<BalloonInflation> balloon;
  };

  /// Reads and checks the input deck into `input`; throws std::exception with a message naming the cause.
  void load_input(const RunRequest &request, RunInput &input);

  /// `--resume DIR`: the run's own parameters.prm is the input and DIR the output directory.
  RunRequest resumed_request(const RunRequest &request);

  /// Prints every parameter with its default, allowed values and documentation (units included).
  void print_parameters(std::ostream &out);
} // namespace leafmech
