#pragma once
/**
 * @file
 * @brief Result files appear whole or not at all: written under a temporary name and renamed into place.
 */
#include <string>

namespace leafmech
{
  /// Writes text to path atomically (temporary file, then rename); throws std::runtime_error on failure.
  void write_file_atomically(const std::string &path, const std::string &contents);
} // namespace leafmech
