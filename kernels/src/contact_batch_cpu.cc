#include <leafmech/kernels/contact/contact_batch.h>

namespace leafmech::kernels
{
  namespace
  {
    /// Plain loop over the shared point function; points and balloon live in host memory.
    class CpuContactEvaluator final : public ContactEvaluator
    {
    public:
      BackendKind kind() const override { return BackendKind::cpu; }

      void evaluate(const BalloonGeometry &balloon, const ContactLaw &law, ContactPointArrays &points) override
      {
        view = balloon.host_view();
        last = &points;
        evaluate_resident(law);
      }

      void evaluate_resident(const ContactLaw &law) override
      {
        const ContactBatchView b = host_batch(*last);
        for (std::size_t i = 0; i < b.n; ++i)
          evaluate_contact_point(i, view, law, b);
      }

    private:
      BalloonView         view;
      ContactPointArrays *last = nullptr;
    };
  } // namespace

  std::unique_ptr<ContactEvaluator> make_contact_evaluator(BackendKind kind)
  {
    if (kind == BackendKind::cuda)
      return make_cuda_contact_evaluator();
    return std::make_unique<CpuContactEvaluator>();
  }
} // namespace leafmech::kernels
