#include <leafmech/kernels/backend.h>

#include <stdexcept>

namespace leafmech::kernels
{
  const char *backend_name(BackendKind kind) { return kind == BackendKind::cuda ? "cuda" : "cpu"; }

  BackendSelection select_backend(const std::string &request)
  {
    if (request == "cpu")
      return {BackendKind::cpu, "backend: cpu (requested)"};
    if (request == "cuda" || request == "auto")
      {
        if (cuda_device_count() > 0)
          return {BackendKind::cuda, "backend: cuda on " + cuda_device_description()};
        if (request == "auto")
          return {BackendKind::cpu, "backend: cpu (auto: no CUDA device; " + cuda_device_description() + ")"};
        throw std::runtime_error("Backend = cuda was requested, but " + cuda_device_description() +
                                 ". Run on a machine with an NVIDIA GPU and a leafmech built with nvcc, or set "
                                 "Backend = auto (falls back to the CPU) or cpu.");
      }
    throw std::runtime_error("Unknown backend '" + request + "': use auto, cpu or cuda.");
  }
} // namespace leafmech::kernels
