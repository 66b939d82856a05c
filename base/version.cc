#include <base/version.h>

#ifndef LEAFMECH_VERSION
#define LEAFMECH_VERSION "unknown"
#endif

namespace leafmech
{
  std::string version() { return LEAFMECH_VERSION; }
} // namespace leafmech
