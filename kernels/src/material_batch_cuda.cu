// CUDA backend: the same evaluate_material_point() as the CPU loop, one thread per point.
#include <leafmech/kernels/material_batch.h>

#include "cuda_check.h"

#include <stdexcept>
#include <string>

namespace leafmech::kernels
{
  namespace
  {
    constexpr auto check = cuda_check;

    __global__ void material_kernel(MaterialParameters p, std::size_t n, const double *F, const double *fibre,
                                    double *tau, double *tangent, double *energy)
    {
      const std::size_t i = blockIdx.x * static_cast<std::size_t>(blockDim.x) + threadIdx.x;
      if (i < n)
        evaluate_material_point(i, n, p, F, fibre, tau, tangent, energy);
    }

    /// Device buffers persist between calls and grow only when a larger batch arrives.
    class CudaMaterialEvaluator final : public MaterialBatchEvaluator
    {
    public:
      ~CudaMaterialEvaluator() override { release(); }
      BackendKind kind() const override { return BackendKind::cuda; }

      void evaluate(const MaterialParameters &p, MaterialPointArrays &points) override
      {
        reserve(points.n);
        n = points.n;
        check(cudaMemcpy(d_F, points.F.data(), 9 * n * sizeof(double), cudaMemcpyHostToDevice), "upload F");
        check(cudaMemcpy(d_fibre, points.fibre.data(), 3 * n * sizeof(double), cudaMemcpyHostToDevice),
              "upload fibre");
        evaluate_resident(p);
        check(cudaMemcpy(points.tau.data(), d_tau, 6 * n * sizeof(double), cudaMemcpyDeviceToHost), "download tau");
        check(cudaMemcpy(points.tangent.data(), d_tangent, 36 * n * sizeof(double), cudaMemcpyDeviceToHost),
              "download tangent");
        check(cudaMemcpy(points.energy.data(), d_energy, n * sizeof(double), cudaMemcpyDeviceToHost),
              "download energy");
      }

      void evaluate_resident(const MaterialParameters &p) override
      {
        if (n == 0)
          return;
        const unsigned int block = 128;
        const unsigned int grid  = static_cast<unsigned int>((n + block - 1) / block);
        material_kernel<<<grid, block>>>(p, n, d_F, d_fibre, d_tau, d_tangent, d_energy);
        check(cudaGetLastError(), "material kernel launch");
        check(cudaDeviceSynchronize(), "material kernel");
      }

    private:
      void reserve(std::size_t n_points)
      {
        if (n_points <= capacity)
          return;
        release();
        check(cudaMalloc(&d_F, 9 * n_points * sizeof(double)), "cudaMalloc");
        check(cudaMalloc(&d_fibre, 3 * n_points * sizeof(double)), "cudaMalloc");
        check(cudaMalloc(&d_tau, 6 * n_points * sizeof(double)), "cudaMalloc");
        check(cudaMalloc(&d_tangent, 36 * n_points * sizeof(double)), "cudaMalloc");
        check(cudaMalloc(&d_energy, n_points * sizeof(double)), "cudaMalloc");
        capacity = n_points;
      }

      void release()
      {
        for (double *ptr : {d_F, d_fibre, d_tau, d_tangent, d_energy})
          if (ptr != nullptr)
            cudaFree(ptr);
        d_F = d_fibre = d_tau = d_tangent = d_energy = nullptr;
        capacity                                        = 0;
      }

      std::size_t n = 0, capacity = 0;
      double     *d_F = nullptr, *d_fibre = nullptr, *d_tau = nullptr, *d_tangent = nullptr, *d_energy = nullptr;
    };
  } // namespace

  bool cuda_compiled() { return true; }

  int cuda_device_count()
  {
    int count = 0;
    if (cudaGetDeviceCount(&count) != cudaSuccess)
      return 0;
    return count;
  }

  std::string cuda_device_description()
  {
    int               count  = 0;
    const cudaError_t status = cudaGetDeviceCount(&count);
    if (status != cudaSuccess || count == 0)
      return std::string("no CUDA device is available (") +
             (status != cudaSuccess ? cudaGetErrorString(status) : "device count is 0") + ")";
    cudaDeviceProp prop;
    cudaGetDeviceProperties(&prop, 0);
    return std::string(prop.name) + " (sm_" + std::to_string(prop.major) + std::to_string(prop.minor) + ")";
  }

  std::unique_ptr<MaterialBatchEvaluator> make_cuda_material_evaluator()
  {
    if (cuda_device_count() == 0)
      throw std::runtime_error("Backend = cuda: " + cuda_device_description() +
                               ". Use Backend = auto or cpu on this machine.");
    return std::make_unique<CudaMaterialEvaluator>();
  }
} // namespace leafmech::kernels
