#pragma once
/**
 * @file
 * @brief Batched contact evaluation over structure-of-arrays buffers, on the CPU or a CUDA device.
 *
 * Layout: component k of point i at [k * n + i]. In: x (3), weight (1), multiplier (1). Out: force (3),
 * stiffness (9), gap (1), pressure (1). Per Newton iteration only the positions go to the device and the
 * results come back; the balloon splines (a few thousand doubles) are uploaded when they change.
 */
#include <leafmech/kernels/backend.h>
#include <leafmech/kernels/contact/contact_point.h>

#include <cstddef>
#include <memory>
#include <vector>

namespace leafmech::kernels
{
  /// Host copy of a balloon: per lobe, its axis and radius spline (see LobeView).
  struct BalloonGeometry
  {
    struct Lobe
    {
      double              origin[3] = {0, 0, 0};
      double              axis[3]   = {0, 0, 1};
      double              xi0 = 0.0, h = 1.0;
      std::vector<double> r, m;

      /// A view whose spline arrays point at this lobe's host memory.
      LobeView view() const
      {
        LobeView v;
        for (int k = 0; k < 3; ++k)
          {
            v.origin[k] = origin[k];
            v.axis[k]   = axis[k];
          }
        v.xi0 = xi0;
        v.h   = h;
        v.r   = r.data();
        v.m   = m.data();
        v.n   = static_cast<int>(r.size());
        return v;
      }
    };
    std::vector<Lobe> lobes;

    /// A view whose arrays point at this object's host memory.
    BalloonView host_view() const
    {
      BalloonView v;
      v.n_lobes = static_cast<int>(lobes.size());
      for (int l = 0; l < v.n_lobes && l < max_balloon_lobes; ++l)
        v.lobe[l] = lobes[l].view();
      return v;
    }
  };

  struct ContactPointArrays
  {
    std::size_t         n = 0;
    std::vector<double> x, weight, multiplier, force, stiffness, gap, pressure;

    void resize(std::size_t n_points)
    {
      n = n_points;
      x.assign(3 * n, 0.0);
      weight.assign(n, 0.0);
      multiplier.assign(n, 0.0);
      force.assign(3 * n, 0.0);
      stiffness.assign(9 * n, 0.0);
      gap.assign(n, 0.0);
      pressure.assign(n, 0.0);
    }

    /// Bytes moved per point by one evaluation (for bandwidth figures).
    static constexpr std::size_t bytes_per_point() { return sizeof(double) * (3 + 1 + 1 + 3 + 9 + 1 + 1); }
  };

  /// The work for point i of n, shared verbatim by the CPU loop and the CUDA kernel.
  LEAFMECH_HOST_DEVICE inline void evaluate_contact_point(std::size_t i, std::size_t n, const BalloonView &balloon,
                                                          const ContactLaw &law, const double *x, const double *w,
                                                          const double *lambda, double *force, double *stiffness,
                                                          double *gap, double *pressure)
  {
    const double             xi[3] = {x[i], x[n + i], x[2 * n + i]};
    const ContactPointResult r     = contact_point(balloon, law, xi, w[i], lambda[i]);
    for (int k = 0; k < 3; ++k)
      force[k * n + i] = r.force[k];
    for (int k = 0; k < 9; ++k)
      stiffness[k * n + i] = r.stiffness[k];
    gap[i]      = r.gap;
    pressure[i] = r.pressure;
  }

  class ContactEvaluator
  {
  public:
    virtual ~ContactEvaluator() = default;
    virtual BackendKind kind() const = 0;
    /// Uploads the balloon (when it changed) and the points, evaluates, downloads the results.
    virtual void evaluate(const BalloonGeometry &balloon, const ContactLaw &law, ContactPointArrays &points) = 0;
    /// Re-evaluates the last batch without transfers (kernel throughput).
    virtual void evaluate_resident(const ContactLaw &law) = 0;
  };

  std::unique_ptr<ContactEvaluator> make_contact_evaluator(BackendKind kind);

  /// CUDA implementation; throws std::runtime_error when CUDA is not compiled in or no device exists.
  std::unique_ptr<ContactEvaluator> make_cuda_contact_evaluator();
} // namespace leafmech::kernels
