#pragma once
// Test geometry shared by the contact and friction tests: lobes on an oblique axis through an off-origin point,
// so that no check relies on a coordinate axis, and points placed in a lobe's own frame.
#include <leafmech/kernels/contact/balloon_profiles.h>

#include <cmath>

namespace leafmech::kernels::test_geometry
{
  inline void tilt(BalloonGeometry::Lobe &lobe)
  {
    const double a[3] = {0.2, -0.3, 0.932737905};
    const double n    = std::sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    for (int k = 0; k < 3; ++k)
      {
        lobe.axis[k]   = a[k] / n;
        lobe.origin[k] = 0.5 * k - 0.3;
      }
  }

  inline BalloonGeometry tilted_cylinder(double radius, double length)
  {
    BalloonGeometry b;
    b.lobes.push_back(cylinder_lobe(radius, length));
    tilt(b.lobes[0]);
    return b;
  }

  /// The staged Inoue profile of the contact and friction tests, fully inflated, on the oblique axis.
  inline BalloonGeometry tilted_inoue()
  {
    BalloonGeometry b;
    b.lobes.push_back(inoue_lobe({12.0, 10.0, 6.0, 10.0, 6.0}));
    tilt(b.lobes[0]);
    return b;
  }

  /// x = origin + xi a + r e, e a unit vector normal to a at azimuth phi.
  inline void place(const BalloonGeometry::Lobe &l, double xi, double r, double phi, double x[3])
  {
    const double *a = l.axis;
    double        u[3] = {-a[1], a[0], 0.0};
    const double  nu   = std::sqrt(u[0] * u[0] + u[1] * u[1]);
    for (double &c : u)
      c /= nu;
    const double v[3] = {a[1] * u[2] - a[2] * u[1], a[2] * u[0] - a[0] * u[2], a[0] * u[1] - a[1] * u[0]};
    for (int k = 0; k < 3; ++k)
      x[k] = l.origin[k] + xi * a[k] + r * (std::cos(phi) * u[k] + std::sin(phi) * v[k]);
  }
} // namespace leafmech::kernels::test_geometry
