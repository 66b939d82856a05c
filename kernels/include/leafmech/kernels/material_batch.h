#pragma once
/**
 * @file
 * @brief Batched evaluation of the one-field material response over structure-of-arrays buffers.
 *
 * Layout: component k of point i is stored at [k * n + i], so a warp reads consecutive addresses.
 * F has 9 components (row-major), fibre 3, tau 6 (Voigt), tangent 36 (6x6), energy 1.
 */
#include <leafmech/kernels/backend.h>
#include <leafmech/kernels/material_point.h>

#include <cstddef>
#include <memory>
#include <vector>

namespace leafmech::kernels
{
  struct MaterialPointArrays
  {
    std::size_t         n = 0;
    std::vector<double> F, fibre, tau, tangent, energy;

    void resize(std::size_t n_points)
    {
      n = n_points;
      F.assign(9 * n, 0.0);
      fibre.assign(3 * n, 0.0);
      tau.assign(6 * n, 0.0);
      tangent.assign(36 * n, 0.0);
      energy.assign(n, 0.0);
    }

    /// Bytes read and written per point by one evaluation (for bandwidth figures).
    static constexpr std::size_t bytes_per_point() { return sizeof(double) * (9 + 3 + 6 + 36 + 1); }
  };

  /// The work for point i of a batch of n, shared verbatim by the CPU loop and the CUDA kernel.
  LEAFMECH_HOST_DEVICE inline void evaluate_material_point(std::size_t i, std::size_t n,
                                                           const MaterialParameters &p, const double *F_soa,
                                                           const double *fibre_soa, double *tau_soa,
                                                           double *tangent_soa, double *energy_soa)
  {
    Mat3   F;
    double a0[3];
    for (int k = 0; k < 9; ++k)
      F.m[k] = F_soa[k * n + i];
    for (int k = 0; k < 3; ++k)
      a0[k] = fibre_soa[k * n + i];
    Sym3 tau;
    Sym4 c;
    energy_soa[i] = total_response(p, F, a0, tau, c);
    for (int k = 0; k < 6; ++k)
      tau_soa[k * n + i] = tau.v[k];
    for (int I = 0; I < 6; ++I)
      for (int J = 0; J < 6; ++J)
        tangent_soa[(6 * I + J) * n + i] = c.c[I][J];
  }

  class MaterialBatchEvaluator
  {
  public:
    virtual ~MaterialBatchEvaluator() = default;
    virtual BackendKind kind() const = 0;
    /// Copies the inputs to backend memory, evaluates every point, copies the outputs back.
    virtual void evaluate(const MaterialParameters &p, MaterialPointArrays &points) = 0;
    /// Re-evaluates the batch last passed to evaluate() without any transfer (kernel throughput).
    virtual void evaluate_resident(const MaterialParameters &p) = 0;
  };

  std::unique_ptr<MaterialBatchEvaluator> make_material_evaluator(BackendKind kind);

  /// CUDA implementation; throws std::runtime_error when CUDA is not compiled in or no device exists.
  std::unique_ptr<MaterialBatchEvaluator> make_cuda_material_evaluator();
} // namespace leafmech::kernels
