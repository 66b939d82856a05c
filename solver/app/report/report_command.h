#pragma once
/**
 * @file
 * @brief `leafmech report DIR`: the report page of a finished run (report.html, with renders where pvbatch is
 * installed) or of a sweep directory (sweep.html).
 */
#include <string>

namespace leafmech
{
  /// Exit code 0, or 2 when DIR holds neither a run nor a sweep.
  int report_command(const std::string &directory, bool renders);
} // namespace leafmech
