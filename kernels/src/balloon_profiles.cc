#include <leafmech/kernels/contact/balloon_profiles.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace leafmech::kernels
{
  BalloonGeometry::Lobe spline_lobe(double xi0, double xi1, const std::function<double(double)> &radius)
  {
    const int n = std::max(4, static_cast<int>(std::ceil((xi1 - xi0) / spline_spacing)) + 1);
    BalloonGeometry::Lobe lobe;
    lobe.xi0 = xi0;
    lobe.h   = (xi1 - xi0) / (n - 1);
    lobe.r.resize(n);
    for (int k = 0; k < n; ++k)
      lobe.r[k] = radius(xi0 + k * lobe.h);
    // Clamped spline: M_{k-1} + 4 M_k + M_{k+1} = 6 (r_{k+1} - 2 r_k + r_{k-1}) / h^2 inside, and
    // 2 M_0 + M_1 = 6 (r_1 - r_0) / h^2, M_{n-2} + 2 M_{n-1} = 6 (r_{n-2} - r_{n-1}) / h^2 for R' = 0 at the
    // ends; solved by the Thomas algorithm (diagonally dominant).
    const double        s = 6.0 / (lobe.h * lobe.h);
    std::vector<double> diag(n, 4.0), rhs(n);
    diag.front() = diag.back() = 2.0;
    rhs.front()               = s * (lobe.r[1] - lobe.r[0]);
    rhs.back()                = s * (lobe.r[n - 2] - lobe.r[n - 1]);
    for (int k = 1; k < n - 1; ++k)
      rhs[k] = s * (lobe.r[k + 1] - 2 * lobe.r[k] + lobe.r[k - 1]);
    for (int k = 1; k < n; ++k)
      {
        const double f = 1.0 / diag[k - 1];
        diag[k] -= f;
        rhs[k] -= f * rhs[k - 1];
      }
    lobe.m.resize(n);
    lobe.m[n - 1] = rhs[n - 1] / diag[n - 1];
    for (int k = n - 2; k >= 0; --k)
      lobe.m[k] = (rhs[k] - lobe.m[k + 1]) / diag[k];
    return lobe;
  }

  double smoothstep(double t)
  {
    t = std::clamp(t, 0.0, 1.0);
    return t * t * t * (10.0 + t * (-15.0 + 6.0 * t));
  }

  namespace
  {
    /// From level a (before xi0) to level b (after xi0 + length), C2.
    double shoulder(double xi, double xi0, double length, double a, double b)
    {
      return a + (b - a) * smoothstep((xi - xi0) / length);
    }
  } // namespace

  BalloonGeometry::Lobe cylinder_lobe(double radius, double length)
  {
    if (!(radius > 0) || !(length >= 0))
      throw std::invalid_argument("cylinder balloon: radius must be positive and length non-negative");
    const double end = std::min(radius, catheter_radius), half = 0.5 * length, taper = radius;
    return spline_lobe(-half - taper - 1.0, half + taper + 1.0, [=](double xi) {
      return shoulder(std::abs(xi), half, taper, radius, end);
    });
  }

  BalloonGeometry::Lobe inoue_lobe(const InoueShape &s)
  {
    const double half_bulb = 0.5 * s.bulb_length, shoulder_length = (1.0 - inoue_flat_fraction) * half_bulb;
    const double centre = 0.5 * s.waist_length + half_bulb, end = centre + half_bulb;
    const double w = s.waist_radius, shaft = std::min(w, catheter_radius);
    if (!(w > 0) || !(s.bulb_length > 0) || !(s.waist_length >= 0))
      throw std::invalid_argument("Inoue balloon: radii and bulb length must be positive");
    const auto radius = [=](double xi) {
      const double R = xi > 0 ? std::max(s.distal_radius, w) : std::max(s.proximal_radius, w);
      const double a = std::abs(xi);
      if (a < centre)
        return shoulder(a, end - s.bulb_length, shoulder_length, w, R); // waist, inner shoulder, top
      return shoulder(a, end - shoulder_length, shoulder_length, R, shaft); // top, outer shoulder, catheter
    };
    return spline_lobe(-end - 1.0, end + 1.0, radius);
  }

  double profile_radius(const BalloonGeometry::Lobe &lobe, double xi) { return profile_value(lobe.view(), xi).r; }
} // namespace leafmech::kernels
