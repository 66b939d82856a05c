#pragma once
/**
 * @file
 * @brief A sweep's points run as child `leafmech run` processes on this machine, `jobs` at a time and `ranks`
 * MPI ranks each; a point whose directory already holds a completed run of the same values is kept.
 */
#include <filesystem>
#include <nlohmann/json.hpp>
#include <solver/app/sweep/sweep_grid.h>
#include <string>

namespace leafmech
{
  struct LocalRuns
  {
    unsigned int jobs  = 1;
    unsigned int ranks = 1;
    std::string  executable; ///< this leafmech
  };

  /// Runs every point of the manifest that is not yet completed; prints one line per finished point.
  void run_locally(const std::filesystem::path &root, const nlohmann::json &manifest, const LocalRuns &how);
} // namespace leafmech
