#pragma once
/**
 * @file
 * @brief Batched contact evaluation over structure-of-arrays buffers, on the CPU or a CUDA device.
 *
 * Layout: component k of point i at [k * n + i]. In: x (3), weight (1), multiplier (1), and the friction
 * history x_prev (3) and traction_prev (3). Out: force (3), stiffness (9), gap (1), pressure (1), friction
 * traction (3) and friction work (1). Per Newton iteration only the point data go to the device and the results
 * come back; the balloon splines (a few thousand doubles) are uploaded when they change.
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
    std::vector<double> x, weight, multiplier, x_prev, traction_prev; // in
    std::vector<double> force, stiffness, gap, pressure, traction, friction_work; // out

    void resize(std::size_t n_points)
    {
      n = n_points;
      for (auto *v : {&x, &x_prev, &traction_prev, &force, &traction})
        v->assign(3 * n, 0.0);
      for (auto *v : {&weight, &multiplier, &gap, &pressure, &friction_work})
        v->assign(n, 0.0);
      stiffness.assign(9 * n, 0.0);
    }

    static constexpr std::size_t inputs_per_point  = 3 + 1 + 1 + 3 + 3;
    static constexpr std::size_t outputs_per_point = 3 + 9 + 1 + 1 + 3 + 1;
    /// Bytes moved per point by one evaluation (for bandwidth figures).
    static constexpr std::size_t bytes_per_point() { return sizeof(double) * (inputs_per_point + outputs_per_point); }
  };

  /// Where a batch's arrays live (host or device memory), in the layout above.
  struct ContactBatchView
  {
    std::size_t   n = 0;
    const double *x = nullptr, *weight = nullptr, *multiplier = nullptr, *x_prev = nullptr, *traction_prev = nullptr;
    double       *force = nullptr, *stiffness = nullptr, *gap = nullptr, *pressure = nullptr, *traction = nullptr,
           *friction_work = nullptr;
  };

  /// The work for point i, shared verbatim by the CPU loop and the CUDA kernel.
  LEAFMECH_HOST_DEVICE inline void evaluate_contact_point(std::size_t i, const BalloonView &balloon,
                                                          const ContactLaw &law, const ContactBatchView &b)
  {
    const std::size_t        n = b.n;
    const double             xi[3] = {b.x[i], b.x[n + i], b.x[2 * n + i]};
    const double             xp[3] = {b.x_prev[i], b.x_prev[n + i], b.x_prev[2 * n + i]};
    const double             tp[3] = {b.traction_prev[i], b.traction_prev[n + i], b.traction_prev[2 * n + i]};
    const ContactPointResult r     = contact_point(balloon, law, xi, b.weight[i], b.multiplier[i], xp, tp);
    for (int k = 0; k < 3; ++k)
      {
        b.force[k * n + i]    = r.force[k];
        b.traction[k * n + i] = r.traction[k];
      }
    for (int k = 0; k < 9; ++k)
      b.stiffness[k * n + i] = r.stiffness[k];
    b.gap[i]           = r.gap;
    b.pressure[i]      = r.pressure;
    b.friction_work[i] = r.friction_work;
  }

  /// The view of host arrays.
  inline ContactBatchView host_batch(ContactPointArrays &p)
  {
    return {p.n,           p.x.data(),         p.weight.data(), p.multiplier.data(), p.x_prev.data(),
            p.traction_prev.data(), p.force.data(), p.stiffness.data(), p.gap.data(), p.pressure.data(),
            p.traction.data(), p.friction_work.data()};
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
