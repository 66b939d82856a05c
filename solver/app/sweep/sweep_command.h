#pragma once
/**
 * @file
 * @brief `leafmech sweep`: one independent run per point of a parameter grid, each in its own directory, run
 * as local child processes (a few at a time) or as a SLURM job array, and gathered into sweep.csv / sweep.json.
 * A point whose directory already holds a completed run with the same parameters is not run again, so a sweep
 * that was interrupted or had failures is finished by running the same command again.
 */
#include <string>
#include <vector>

namespace leafmech
{
  struct SweepRequest
  {
    std::string input_file;
    /// Swept parameters ("Section/Name") and, for each, its values as given ("24,25,26" or "24:1:30").
    std::vector<std::pair<std::string, std::string>> parameters;
    std::vector<std::string> overrides; ///< "Section/Name=value" applied to every point
    std::string              output_directory;
    unsigned int             jobs  = 1; ///< local runs at a time
    unsigned int             ranks = 1; ///< MPI ranks per run (mpirun -np when > 1)
    std::string              emit_slurm; ///< write a SLURM job array here instead of running
    std::string              gather;     ///< only gather this sweep directory into its tables
  };

  /// Runs, emits or gathers a sweep; exit code 0 when every point completed, 1 when some failed, 2 on bad input.
  int sweep_command(const SweepRequest &request, const std::string &self_executable);
} // namespace leafmech
