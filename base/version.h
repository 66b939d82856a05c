#pragma once
/**
 * @file
 * @brief leafmech's version string (the project version CMake was configured with).
 */
#include <string>

namespace leafmech
{
  std::string version();
} // namespace leafmech
