#pragma once
/**
 * @file
 * @brief A balloon as one or two surfaces of revolution ("lobes"), each given by its axis and a radius profile
 * r = R(xi) along it: a clamped cubic spline on uniform nodes (C2, so the contact force is C1 in the position
 * and Newton keeps its quadratic rate on curved parts), extended with its end radii (the catheter shaft) beyond
 * the last nodes. Written once for host and device.
 *
 * The gap of a point at axial coordinate xi and distance rho from the axis is the first-order normal distance
 *   g = (rho - R(xi)) / sqrt(1 + R'(xi)^2),
 * which needs no closest-point search (so it cannot fail or jump between surface features): it is negative
 * exactly inside the balloon, zero exactly on it, equal to the normal distance to within O(kappa g^2), and its
 * gradient is the outward unit normal on the surface. The contact force is the gradient of an energy of g, and
 * its stiffness uses the exact Hessian of g (which needs R''', piecewise constant for the cubic).
 */
#include <leafmech/kernels/host_device.h>

#include <cmath>

namespace leafmech::kernels
{
  constexpr int max_balloon_lobes = 2;

  /// One surface of revolution; the spline arrays live in host or device memory, as the caller evaluates.
  struct LobeView
  {
    double        origin[3] = {0, 0, 0};
    double        axis[3]   = {0, 0, 1}; ///< unit vector
    double        xi0       = 0.0;       ///< axial coordinate of the first node (mm)
    double        h         = 1.0;       ///< node spacing (mm)
    const double *r         = nullptr;   ///< n node radii (mm)
    const double *m         = nullptr;   ///< n second derivatives R'' at the nodes (1/mm)
    int           n         = 0;
  };

  struct BalloonView
  {
    LobeView lobe[max_balloon_lobes];
    int      n_lobes = 0;
  };

  /// R and its first three derivatives at xi.
  struct ProfileValue
  {
    double r, dr, d2r, d3r;
  };

  LEAFMECH_HOST_DEVICE inline ProfileValue profile_value(const LobeView &lobe, double xi)
  {
    const double s = (xi - lobe.xi0) / lobe.h;
    if (!(s > 0.0))
      return {lobe.r[0], 0.0, 0.0, 0.0};
    if (s >= lobe.n - 1)
      return {lobe.r[lobe.n - 1], 0.0, 0.0, 0.0};
    const int    i = static_cast<int>(s) < lobe.n - 2 ? static_cast<int>(s) : lobe.n - 2;
    const double t = s - i, u = 1.0 - t, h = lobe.h;
    const double r0 = lobe.r[i], r1 = lobe.r[i + 1], m0 = lobe.m[i], m1 = lobe.m[i + 1];
    return {u * r0 + t * r1 + h * h / 6.0 * ((u * u * u - u) * m0 + (t * t * t - t) * m1),
            (r1 - r0) / h + h / 6.0 * (-(3 * u * u - 1) * m0 + (3 * t * t - 1) * m1), u * m0 + t * m1,
            (m1 - m0) / h};
  }

  /// Signed gap of a point, its gradient (the outward unit normal on the surface) and the gradient's derivative.
  struct SurfaceDistance
  {
    double gap;
    double n[3];
    double dn[9]; ///< row-major d n_i / d x_j (symmetric: the Hessian of the gap)
    // The lobe's frame at the point, for the tangential (friction) kinematics.
    double axis[3];   ///< the lobe's unit axis a
    double radial[3]; ///< unit radial direction e from the axis to the point
    double rho;       ///< distance from the axis (mm)
    double slope;     ///< R'(xi)
    double slope_rate; ///< R''(xi) (1/mm)
  };

  LEAFMECH_HOST_DEVICE inline SurfaceDistance lobe_distance(const LobeView &lobe, const double x[3])
  {
    const double  d[3] = {x[0] - lobe.origin[0], x[1] - lobe.origin[1], x[2] - lobe.origin[2]};
    const double *a    = lobe.axis;
    const double  xi   = d[0] * a[0] + d[1] * a[1] + d[2] * a[2];
    const double  rv[3] = {d[0] - xi * a[0], d[1] - xi * a[1], d[2] - xi * a[2]};
    double        rho   = sqrt(rv[0] * rv[0] + rv[1] * rv[1] + rv[2] * rv[2]);
    double        e[3];
    if (rho > 1e-12)
      for (int k = 0; k < 3; ++k)
        e[k] = rv[k] / rho;
    else
      {
        // On the axis the radial direction is arbitrary: any unit vector normal to the axis.
        const double t[3] = {fabs(a[0]) < 0.9 ? 1.0 : 0.0, fabs(a[0]) < 0.9 ? 0.0 : 1.0, 0.0};
        const double ta   = t[0] * a[0] + t[1] * a[1] + t[2] * a[2];
        double       q    = 0;
        for (int k = 0; k < 3; ++k)
          {
            e[k] = t[k] - ta * a[k];
            q += e[k] * e[k];
          }
        for (int k = 0; k < 3; ++k)
          e[k] /= sqrt(q);
        rho = 0.0;
      }

    // g = (rho - R) w with w = (1 + R'^2)^(-1/2); derivatives in the (xi, rho) half-plane.
    const ProfileValue R  = profile_value(lobe, xi);
    const double       w  = 1.0 / sqrt(1.0 + R.dr * R.dr);
    const double       w3 = w * w * w;
    const double       dw = -R.dr * R.d2r * w3;
    const double       d2w =
      -(R.d2r * R.d2r + R.dr * R.d3r) * w3 + 3.0 * R.dr * R.dr * R.d2r * R.d2r * w3 * w * w;
    const double q       = rho - R.r;
    const double g_xi    = -R.dr * w + q * dw;
    const double g_rho   = w;
    const double g_xixi  = -R.d2r * w - 2.0 * R.dr * dw + q * d2w;
    const double g_xirho = dw;

    SurfaceDistance out;
    out.gap = q * w;
    for (int i = 0; i < 3; ++i)
      {
        out.axis[i]   = a[i];
        out.radial[i] = e[i];
      }
    out.rho        = rho;
    out.slope      = R.dr;
    out.slope_rate = R.d2r;
    for (int i = 0; i < 3; ++i)
      out.n[i] = g_xi * a[i] + g_rho * e[i];
    // Hessian: g_xixi a a + g_xirho (a e + e a) + g_rho (I - a a - e e) / rho (g_rhorho = 0).
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j)
        {
          double v = g_xixi * a[i] * a[j] + g_xirho * (a[i] * e[j] + e[i] * a[j]);
          if (rho > 1e-12)
            v += g_rho * ((i == j ? 1.0 : 0.0) - a[i] * a[j] - e[i] * e[j]) / rho;
          out.dn[3 * i + j] = v;
        }
    return out;
  }

  /// The lobe a point penetrates most (smallest signed gap).
  LEAFMECH_HOST_DEVICE inline SurfaceDistance balloon_distance(const BalloonView &balloon, const double x[3])
  {
    SurfaceDistance best = lobe_distance(balloon.lobe[0], x);
    for (int l = 1; l < balloon.n_lobes; ++l)
      {
        const SurfaceDistance d = lobe_distance(balloon.lobe[l], x);
        if (d.gap < best.gap)
          best = d;
      }
    return best;
  }
} // namespace leafmech::kernels
