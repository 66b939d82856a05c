#pragma once
// Turns a CUDA error into an exception naming the call; shared by the CUDA backends.
#include <cuda_runtime.h>

#include <stdexcept>
#include <string>

namespace leafmech::kernels
{
  inline void cuda_check(cudaError_t status, const char *what)
  {
    if (status != cudaSuccess)
      throw std::runtime_error(std::string("CUDA error in ") + what + ": " + cudaGetErrorString(status));
  }
} // namespace leafmech::kernels
