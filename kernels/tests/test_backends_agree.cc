// CPU and CUDA backends on the same inputs agree to round-off. Exit code 77 (skipped) without a device.
#include <leafmech/kernels/contact/balloon_profiles.h>
#include <leafmech/kernels/material_batch.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <random>

using namespace leafmech::kernels;

namespace
{
  /// Largest |a_k - b_k| / (1 + |a_k|) over two equally long arrays.
  double largest_relative_difference(const std::vector<double> &a, const std::vector<double> &b)
  {
    double worst = 0.0;
    for (std::size_t k = 0; k < a.size(); ++k)
      worst = std::max(worst, std::abs(a[k] - b[k]) / (1.0 + std::abs(a[k])));
    return worst;
  }
} // namespace

TEST(Backends, CpuAndCudaAgree)
{
  // The leaflet model with dispersed fibres (every branch of the fibre term is taken over the batch).
  MaterialParameters p;
  p.model                                = model_index<HgoLeaflet>();
  p.constants[HgoLeaflet::mu]            = 0.0153;
  p.constants[HgoLeaflet::k1]            = 0.9966;
  p.constants[HgoLeaflet::k2]            = 524.6;
  p.constants[HgoLeaflet::dispersion]    = 0.05;
  p.bulk_modulus                         = 5.0;

  const std::size_t                n = 100000;
  MaterialPointArrays              cpu, gpu;
  std::mt19937                     rng(7);
  std::uniform_real_distribution<> d(-0.08, 0.08);
  cpu.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    {
      for (int k = 0; k < 9; ++k)
        cpu.F[k * n + i] = (k % 4 == 0 ? 1.0 : 0.0) + d(rng);
      cpu.fibre[i] = 1.0;
    }
  gpu = cpu;
  make_material_evaluator(BackendKind::cpu)->evaluate(p, cpu);
  make_material_evaluator(BackendKind::cuda)->evaluate(p, gpu);
  const double worst = std::max(largest_relative_difference(cpu.tangent, gpu.tangent),
                                largest_relative_difference(cpu.tau, gpu.tau));
  std::cout << "largest relative CPU/CUDA difference: " << worst << "\n";
  EXPECT_LE(worst, 1e-12);
}

TEST(Backends, ContactCpuAndCudaAgree)
{
  // An Inoue balloon and a parallel cylinder (two lobes); points scattered through and around both, with
  // friction: each point moved from its previous position and carrying a previous traction, so that both
  // stick and slip are evaluated.
  BalloonGeometry balloon;
  balloon.lobes.push_back(inoue_lobe({14.0, 14.0, 13.0, 10.0, 8.0}));
  balloon.lobes.push_back(cylinder_lobe(8.0, 20.0));
  balloon.lobes[1].origin[0] = 6.0;
  ContactLaw                       law{5.0, 0.3};
  law.friction           = 0.15;
  law.tangential_penalty = 5.0;
  const std::size_t                n = 200000;
  ContactPointArrays               cpu, gpu;
  std::mt19937                     rng(11);
  std::uniform_real_distribution<> d(-18.0, 18.0);
  cpu.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    {
      for (int k = 0; k < 3; ++k)
        cpu.x[k * n + i] = d(rng);
      cpu.weight[i]     = 0.5;
      cpu.multiplier[i] = i % 3 == 0 ? 0.1 : 0.0;
      for (int k = 0; k < 3; ++k)
        {
          cpu.x_prev[k * n + i]        = cpu.x[k * n + i] + 0.002 * d(rng);
          cpu.traction_prev[k * n + i] = 0.002 * d(rng);
        }
    }
  gpu = cpu;
  make_contact_evaluator(BackendKind::cpu)->evaluate(balloon, law, cpu);
  make_contact_evaluator(BackendKind::cuda)->evaluate(balloon, law, gpu);
  double worst = std::max({largest_relative_difference(cpu.stiffness, gpu.stiffness),
                           largest_relative_difference(cpu.force, gpu.force),
                           largest_relative_difference(cpu.traction, gpu.traction),
                           largest_relative_difference(cpu.friction_work, gpu.friction_work)});
  std::size_t active = 0, slipping = 0;
  for (std::size_t i = 0; i < n; ++i)
    {
      worst = std::max({worst, std::abs(cpu.gap[i] - gpu.gap[i]), std::abs(cpu.pressure[i] - gpu.pressure[i])});
      active += cpu.pressure[i] > 0 ? 1 : 0;
      const double t = std::hypot(cpu.traction[i], cpu.traction[n + i], cpu.traction[2 * n + i]);
      slipping += cpu.pressure[i] > 0 && t >= law.friction * cpu.pressure[i] * (1 - 1e-12) ? 1 : 0;
    }
  std::cout << "contact: largest CPU/CUDA difference " << worst << ", " << active << " active points, " << slipping
            << " slipping\n";
  EXPECT_GT(active, n / 10);
  EXPECT_GT(slipping, active / 10);
  EXPECT_LT(slipping, active - active / 10);
  EXPECT_LE(worst, 1e-12);
}

int main(int argc, char **argv)
{
  if (cuda_device_count() == 0)
    {
      std::cout << "SKIPPED: " << cuda_device_description() << "\n";
      return 77;
    }
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
