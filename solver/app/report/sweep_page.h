#pragma once
/**
 * @file
 * @brief A sweep read at a glance: DIR/sweep.html with the sweep table and the outcome plotted against the
 * first swept parameter (self-contained, opens offline).
 */
#include <string>

namespace leafmech
{
  /// Writes DIR/sweep.html from DIR/sweep.csv (gather the sweep first).
  void write_sweep_page(const std::string &directory);
} // namespace leafmech
