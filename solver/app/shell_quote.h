#pragma once
/**
 * @file
 * @brief A word for a POSIX shell command line, whatever characters it holds.
 */
#include <string>

namespace leafmech
{
  inline std::string shell_quote(const std::string &s)
  {
    std::string q = "'";
    for (const char c : s)
      q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
  }
} // namespace leafmech
