#pragma once
/**
 * @file
 * @brief Marks functions that compile for both the host and a CUDA device.
 *
 * Pointwise physics is written once with LEAFMECH_HOST_DEVICE and runs in the CPU backend's loop and inside
 * CUDA kernels alike (the MFEM_HOST_DEVICE habit).
 */
#if defined(__CUDACC__)
#define LEAFMECH_HOST_DEVICE __host__ __device__
#else
#define LEAFMECH_HOST_DEVICE
#endif
