// Material-point throughput, CPU vs CUDA, over structure-of-arrays batches (points/s and effective GB/s).
#include <leafmech/kernels/material_batch.h>

#include <benchmark/benchmark.h>

using namespace leafmech::kernels;

namespace
{
  MaterialParameters leaflet()
  {
    MaterialParameters p;
    p.model                     = model_index<HgoLeaflet>();
    p.constants[HgoLeaflet::mu] = 0.0153;
    p.constants[HgoLeaflet::k1] = 0.9966;
    p.constants[HgoLeaflet::k2] = 524.6;
    p.bulk_modulus              = 5.0;
    return p;
  }

  void fill(MaterialPointArrays &b, std::size_t n)
  {
    b.resize(n);
    for (std::size_t i = 0; i < n; ++i)
      {
        const double s   = 1.0 + 0.05 * double(i % 97) / 97.0;
        b.F[0 * n + i]   = s;
        b.F[4 * n + i]   = 1.0 / std::sqrt(s);
        b.F[8 * n + i]   = 1.0 / std::sqrt(s);
        b.F[1 * n + i]   = 0.01;
        b.fibre[0 * n + i] = 1.0;
      }
  }

  void run(benchmark::State &state, BackendKind kind, bool resident)
  {
    const std::size_t   n = static_cast<std::size_t>(state.range(0));
    MaterialPointArrays b;
    fill(b, n);
    std::unique_ptr<MaterialBatchEvaluator> e;
    try
      {
        e = make_material_evaluator(kind);
      }
    catch (const std::exception &ex)
      {
        state.SkipWithError(ex.what());
        return;
      }
    const MaterialParameters p = leaflet();
    e->evaluate(p, b);
    for (auto _ : state)
      {
        if (resident)
          e->evaluate_resident(p);
        else
          e->evaluate(p, b);
      }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(n));
    state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(n * MaterialPointArrays::bytes_per_point()));
  }
} // namespace

static void BM_material_cpu(benchmark::State &s) { run(s, BackendKind::cpu, true); }
static void BM_material_cuda_kernel(benchmark::State &s) { run(s, BackendKind::cuda, true); }
static void BM_material_cuda_with_transfers(benchmark::State &s) { run(s, BackendKind::cuda, false); }

BENCHMARK(BM_material_cpu)->RangeMultiplier(10)->Range(10000, 1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_material_cuda_kernel)->RangeMultiplier(10)->Range(10000, 10000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_material_cuda_with_transfers)->RangeMultiplier(10)->Range(10000, 10000000)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
