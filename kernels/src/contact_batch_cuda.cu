// CUDA backend of the contact batch: the same evaluate_contact_point() as the CPU loop, one thread per point.
#include <leafmech/kernels/contact/contact_batch.h>

#include "cuda_check.h"

#include <stdexcept>
#include <string>

namespace leafmech::kernels
{
  namespace
  {
    constexpr auto check = cuda_check;

    __global__ void contact_kernel(BalloonView balloon, ContactLaw law, ContactBatchView batch)
    {
      const std::size_t i = blockIdx.x * static_cast<std::size_t>(blockDim.x) + threadIdx.x;
      if (i < batch.n)
        evaluate_contact_point(i, balloon, law, batch);
    }

    constexpr std::size_t n_in = ContactPointArrays::inputs_per_point, n_out = ContactPointArrays::outputs_per_point;

    /// Device buffers persist between calls and grow only when a larger batch or balloon arrives.
    class CudaContactEvaluator final : public ContactEvaluator
    {
    public:
      ~CudaContactEvaluator() override
      {
        release_points();
        if (d_profile != nullptr)
          cudaFree(d_profile);
      }
      BackendKind kind() const override { return BackendKind::cuda; }

      void evaluate(const BalloonGeometry &balloon, const ContactLaw &law, ContactPointArrays &points) override
      {
        upload_balloon(balloon);
        reserve(points.n);
        n = points.n;
        // Inputs packed as x, weight, multiplier, x_prev, traction_prev; outputs as force, stiffness, gap,
        // pressure, traction, friction work (the ContactBatchView layout).
        const auto up = [&](const std::vector<double> &v, std::size_t at) {
          check(cudaMemcpy(d_in + at * n, v.data(), v.size() * sizeof(double), cudaMemcpyHostToDevice), "upload");
        };
        up(points.x, 0);
        up(points.weight, 3);
        up(points.multiplier, 4);
        up(points.x_prev, 5);
        up(points.traction_prev, 8);
        evaluate_resident(law);
        const auto down = [&](std::vector<double> &v, std::size_t at) {
          check(cudaMemcpy(v.data(), d_out + at * n, v.size() * sizeof(double), cudaMemcpyDeviceToHost), "download");
        };
        down(points.force, 0);
        down(points.stiffness, 3);
        down(points.gap, 12);
        down(points.pressure, 13);
        down(points.traction, 14);
        down(points.friction_work, 17);
      }

      void evaluate_resident(const ContactLaw &law) override
      {
        if (n == 0)
          return;
        const ContactBatchView batch{n,          d_in,           d_in + 3 * n,   d_in + 4 * n,
                                     d_in + 5 * n, d_in + 8 * n, d_out,          d_out + 3 * n,
                                     d_out + 12 * n, d_out + 13 * n, d_out + 14 * n, d_out + 17 * n};
        const unsigned int block = 128;
        const unsigned int grid  = static_cast<unsigned int>((n + block - 1) / block);
        contact_kernel<<<grid, block>>>(view, law, batch);
        check(cudaGetLastError(), "contact kernel launch");
        check(cudaDeviceSynchronize(), "contact kernel");
      }

    private:
      void upload_balloon(const BalloonGeometry &balloon)
      {
        std::vector<double> packed;
        for (const auto &lobe : balloon.lobes)
          {
            packed.insert(packed.end(), lobe.r.begin(), lobe.r.end());
            packed.insert(packed.end(), lobe.m.begin(), lobe.m.end());
          }
        if (packed != uploaded) // the balloon changes with the load step, not between Newton iterations
          {
            if (packed.size() > profile_capacity)
              {
                if (d_profile != nullptr)
                  cudaFree(d_profile);
                check(cudaMalloc(&d_profile, packed.size() * sizeof(double)), "cudaMalloc profile");
                profile_capacity = packed.size();
              }
            check(cudaMemcpy(d_profile, packed.data(), packed.size() * sizeof(double), cudaMemcpyHostToDevice),
                  "upload balloon");
            uploaded = std::move(packed);
          }
        view           = balloon.host_view();
        std::size_t at = 0;
        for (int l = 0; l < view.n_lobes; ++l)
          {
            view.lobe[l].r = d_profile + at;
            view.lobe[l].m = d_profile + at + view.lobe[l].n;
            at += 2 * view.lobe[l].n;
          }
      }

      void reserve(std::size_t n_points)
      {
        if (n_points <= capacity)
          return;
        release_points();
        check(cudaMalloc(&d_in, n_in * n_points * sizeof(double)), "cudaMalloc");
        check(cudaMalloc(&d_out, n_out * n_points * sizeof(double)), "cudaMalloc");
        capacity = n_points;
      }

      void release_points()
      {
        if (d_in != nullptr)
          cudaFree(d_in);
        if (d_out != nullptr)
          cudaFree(d_out);
        d_in = d_out = nullptr;
        capacity     = 0;
      }

      BalloonView         view;
      std::vector<double> uploaded; ///< host copy of what d_profile holds
      double             *d_in = nullptr, *d_out = nullptr, *d_profile = nullptr;
      std::size_t n = 0, capacity = 0, profile_capacity = 0;
    };
  } // namespace

  std::unique_ptr<ContactEvaluator> make_cuda_contact_evaluator()
  {
    if (cuda_device_count() == 0)
      throw std::runtime_error("Backend = cuda: " + cuda_device_description() +
                               ". Use Backend = auto or cpu on this machine.");
    return std::make_unique<CudaContactEvaluator>();
  }
} // namespace leafmech::kernels
