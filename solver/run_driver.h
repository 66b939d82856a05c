#pragma once
/**
 * @file
 * @brief The `leafmech run` command: read and check the input, prepare the output directory, solve, report.
 *
 * Exit codes: 0 completed; 1 the simulation failed (summary.json says why, the last converged state is kept);
 * 2 invalid input or usage (nothing is computed and no result files are written).
 */
#include <mpi.h>
#include <string>
#include <vector>

namespace leafmech
{
  struct RunRequest
  {
    std::string              input_file;
    std::vector<std::string> overrides;        ///< "Section/Name=value"
    std::string              output_directory; ///< overrides Output/Directory when not empty
  };

  int run_command(const RunRequest &request, MPI_Comm comm);

  /// Prints every parameter with its default, allowed values and documentation (units included).
  void print_parameters(std::ostream &out);
} // namespace leafmech
