// Balloon-contact throughput, CPU vs CUDA, over structure-of-arrays batches (points/s and effective GB/s):
// points on a leaflet-like cone around an inflated Inoue balloon, about half of them in contact, each moved
// 0.01 mm since its converged position (so friction is evaluated; mu = 0.1).
#include <leafmech/kernels/contact/balloon_profiles.h>

#include <benchmark/benchmark.h>

#include <cmath>

using namespace leafmech::kernels;

namespace
{
  void fill(ContactPointArrays &b, std::size_t n)
  {
    b.resize(n);
    for (std::size_t i = 0; i < n; ++i)
      {
        const double phi = 6.283185307 * double(i % 1009) / 1009.0, z = -6.0 + 12.0 * double(i % 997) / 997.0;
        const double r   = 12.5 + 0.1 * z; // straddles the 13 mm waist
        b.x[i]           = r * std::cos(phi);
        b.x[n + i]       = r * std::sin(phi);
        b.x[2 * n + i]   = z;
        b.weight[i]      = 0.1;
        for (int k = 0; k < 3; ++k)
          b.x_prev[k * n + i] = b.x[k * n + i] - 0.01;
      }
  }

  void run(benchmark::State &state, BackendKind kind, bool resident)
  {
    const std::size_t  n = static_cast<std::size_t>(state.range(0));
    ContactPointArrays b;
    fill(b, n);
    BalloonGeometry balloon;
    balloon.lobes.push_back(inoue_lobe({14.0, 14.0, 13.0, 10.0, 8.0}));
    ContactLaw law{10.0, 0.0};
    law.friction           = 0.1;
    law.tangential_penalty = 10.0;
    std::unique_ptr<ContactEvaluator> e;
    try
      {
        e = make_contact_evaluator(kind);
      }
    catch (const std::exception &ex)
      {
        state.SkipWithError(ex.what());
        return;
      }
    e->evaluate(balloon, law, b);
    for (auto _ : state)
      {
        if (resident)
          e->evaluate_resident(law);
        else
          e->evaluate(balloon, law, b);
      }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(n));
    state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(n * ContactPointArrays::bytes_per_point()));
  }
} // namespace

static void BM_contact_cpu(benchmark::State &s) { run(s, BackendKind::cpu, true); }
static void BM_contact_cuda_kernel(benchmark::State &s) { run(s, BackendKind::cuda, true); }
static void BM_contact_cuda_with_transfers(benchmark::State &s) { run(s, BackendKind::cuda, false); }

BENCHMARK(BM_contact_cpu)->RangeMultiplier(10)->Range(10000, 10000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_contact_cuda_kernel)->RangeMultiplier(10)->Range(10000, 10000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_contact_cuda_with_transfers)->RangeMultiplier(10)->Range(10000, 10000000)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
