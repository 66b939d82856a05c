#pragma once
/**
 * @file
 * @brief A run read at a glance: report.html in the run directory (one self-contained page, its images
 * embedded, that opens offline) and the table printed at the end of a run. Both are read from the run's own
 * summary.json and history.csv, so `leafmech report DIR` makes the same page for any finished run.
 */
#include <string>

namespace leafmech
{
  /// Writes DIR/report.html: the verdict, the inputs that matter, plots against the step, renders (pvbatch).
  void write_run_page(const std::string &directory, bool renders);

  /// The results and timings of the run in DIR as a few lines of text for the terminal.
  std::string final_table(const std::string &directory);
} // namespace leafmech
