#include <leafmech/kernels/contact/balloon_profiles.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace leafmech::kernels
{
  namespace
  {
    constexpr double pi = 3.14159265358979323846;
  }

  BalloonGeometry::Lobe cylinder_lobe(double radius, double length, int samples)
  {
    if (!(radius > 0) || !(length >= 0))
      throw std::invalid_argument("cylinder balloon: radius must be positive and length non-negative");
    BalloonGeometry::Lobe lobe;
    // Proximal hemisphere, straight part, distal hemisphere.
    for (int k = 0; k <= samples; ++k)
      {
        const double phi = pi * (1.0 - 0.5 * k / samples); // pi .. pi/2
        lobe.xi.push_back(-0.5 * length + radius * std::cos(phi));
        lobe.r.push_back(radius * std::sin(phi));
      }
    for (int k = 0; k <= samples; ++k)
      {
        const double phi = 0.5 * pi * (1.0 - double(k) / samples); // pi/2 .. 0
        lobe.xi.push_back(0.5 * length + radius * std::cos(phi));
        lobe.r.push_back(radius * std::sin(phi));
      }
    return lobe;
  }

  BalloonGeometry::Lobe inoue_lobe(const InoueShape &s, int samples)
  {
    const double half_bulb = 0.5 * s.bulb_length;
    const double centre    = 0.5 * s.waist_length + half_bulb; // bulb centres at +-centre
    const double end       = centre + half_bulb;
    const double cap       = s.waist_radius;                  // the cylinder's ends are rounded with its radius
    // Smooth maximum (softplus over `neck` mm): the necks where a bulb meets the waist are rounded, so the
    // surface normal turns continuously there, where the leaflet tips rest.
    const double neck = 0.5;
    const auto   smooth_max = [&](double a, double b) {
      return std::max(a, b) + neck * std::log1p(std::exp(-std::abs(a - b) / neck));
    };
    const auto radius = [&](double xi) {
      double r = 0.0;
      if (std::abs(xi) <= end)
        r = s.waist_radius;
      else if (std::abs(xi) <= end + cap)
        r = std::sqrt(std::max(0.0, cap * cap - (std::abs(xi) - end) * (std::abs(xi) - end)));
      for (const auto &[c, R] : {std::pair<double, double>{centre, s.distal_radius}, {-centre, s.proximal_radius}})
        {
          const double u = (xi - c) / half_bulb;
          if (std::abs(u) < 1.0 && std::abs(xi) <= end)
            r = smooth_max(r, R * std::sqrt(1.0 - u * u));
        }
      return r;
    };
    BalloonGeometry::Lobe lobe;
    const double          x0 = -end - cap, x1 = end + cap;
    for (int k = 0; k <= samples; ++k)
      {
        const double xi = x0 + (x1 - x0) * k / samples;
        lobe.xi.push_back(xi);
        lobe.r.push_back(k == 0 || k == samples ? 0.0 : radius(xi));
      }
    return lobe;
  }

  double profile_radius(const BalloonGeometry::Lobe &lobe, double xi)
  {
    if (lobe.xi.empty() || xi < lobe.xi.front() || xi > lobe.xi.back())
      return 0.0;
    const auto   it = std::upper_bound(lobe.xi.begin(), lobe.xi.end(), xi);
    const size_t k  = std::min<size_t>(std::max<std::ptrdiff_t>(it - lobe.xi.begin(), 1), lobe.xi.size() - 1);
    const double t  = (xi - lobe.xi[k - 1]) / std::max(1e-300, lobe.xi[k] - lobe.xi[k - 1]);
    return lobe.r[k - 1] + t * (lobe.r[k] - lobe.r[k - 1]);
  }
} // namespace leafmech::kernels
