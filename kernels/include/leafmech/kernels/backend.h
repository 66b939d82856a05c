#pragma once
/**
 * @file
 * @brief Run-time choice between the CPU and CUDA backends ("auto" | "cpu" | "cuda").
 */
#include <string>

namespace leafmech::kernels
{
  enum class BackendKind
  {
    cpu,
    cuda
  };

  struct BackendSelection
  {
    BackendKind kind;
    std::string note; ///< one line for the log: what was chosen and why
  };

  /// True when this build contains the CUDA backend.
  bool cuda_compiled();

  /// Number of usable CUDA devices (0 without CUDA support or without a device).
  int cuda_device_count();

  /// Name of device 0, or an explanation of why there is none.
  std::string cuda_device_description();

  /**
   * @brief Resolves a backend request. "auto" picks CUDA when a device is present, else CPU (and says so in
   * the note); "cuda" without a device throws std::runtime_error naming the cause and the fix; any other
   * string throws as well.
   */
  BackendSelection select_backend(const std::string &request);

  const char *backend_name(BackendKind kind);
} // namespace leafmech::kernels
