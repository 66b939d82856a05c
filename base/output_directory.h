#pragma once
/**
 * @file
 * @brief Creating a command's output directory, with a message that names the cause when it cannot be made.
 */
#include <string>

namespace leafmech
{
  /**
   * @brief Creates `directory` (and its parents) unless it exists; throws InputError naming the path and the
   * cause (a file in the way, no permission, a read-only or virtual file system) and the fix.
   */
  void make_output_directory(const std::string &directory);
} // namespace leafmech
