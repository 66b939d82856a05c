#pragma once
/**
 * @file
 * @brief The tables of a sweep: every point's summary gathered into sweep.csv and sweep.json (status, wall
 * time, split per commissure, tear index, MVA before and after, risk, message).
 */
#include <filesystem>
#include <ostream>

namespace leafmech
{
  /// Gathers the sweep in `root` into its tables; returns how many points did not complete.
  unsigned int gather_sweep(const std::filesystem::path &root, std::ostream &log);
} // namespace leafmech
