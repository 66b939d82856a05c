#include <leafmech/kernels/material_batch.h>

namespace leafmech::kernels
{
  namespace
  {
    /// Plain loop over the shared point function; the batch lives in host memory already.
    class CpuMaterialEvaluator final : public MaterialBatchEvaluator
    {
    public:
      BackendKind kind() const override { return BackendKind::cpu; }

      void evaluate(const MaterialParameters &p, MaterialPointArrays &points) override
      {
        last = &points;
        evaluate_resident(p);
      }

      void evaluate_resident(const MaterialParameters &p) override
      {
        MaterialPointArrays &b = *last;
        for (std::size_t i = 0; i < b.n; ++i)
          evaluate_material_point(i, b.n, p, b.F.data(), b.fibre.data(), b.tau.data(), b.tangent.data(),
                                  b.energy.data());
      }

    private:
      MaterialPointArrays *last = nullptr;
    };
  } // namespace

  std::unique_ptr<MaterialBatchEvaluator> make_material_evaluator(BackendKind kind)
  {
    if (kind == BackendKind::cuda)
      return make_cuda_material_evaluator();
    return std::make_unique<CpuMaterialEvaluator>();
  }
} // namespace leafmech::kernels
