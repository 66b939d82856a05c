#pragma once
/**
 * @file
 * @brief A sweep as a SLURM job array: sweep.slurm with one array task per point (srun, R ranks each), and
 * per point its argument file and point.json; `leafmech sweep --gather DIR` builds the tables afterwards.
 */
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace leafmech
{
  void emit_slurm(const std::filesystem::path &root, const nlohmann::json &manifest, const std::string &executable,
                  unsigned int ranks);
} // namespace leafmech
