#pragma once
/**
 * @file
 * @brief Contact of one leaflet surface point with the balloon: penalty (or augmented Lagrangian) normal
 * pressure, optionally capped at the balloon pressure, and the point's residual force and consistent stiffness.
 *
 * p = min(P(lambda - eps g), p_cap) with g the signed gap (negative when the point is inside the balloon),
 * lambda the augmented-Lagrangian multiplier (0 for pure penalty), eps the penalty (MPa/mm), p_cap the balloon
 * pressure (no cap when <= 0) and P the positive part smoothed over s = eps delta (delta the smoothing gap):
 * P(t) = t + s/2 for t >= 0, (t + s)^2 / (2 s) for -s < t < 0, 0 below. P and P' are continuous, so a point
 * that grazes the balloon does not make Newton chatter between contact and separation. The traction on the
 * leaflet is p n, n = grad g (the balloon's outward unit normal on its surface, see balloon_surface.h), per unit
 * area of the weight w, so the point adds to the residual (internal minus external)
 *   f = -w p n,   K = df/dx = -w (dp/dg n n^T + c p dn/dx),   dp/dg = -eps where 0 < p < p_cap, else 0,
 * the gradient and Hessian of the energy w Phi(g) with Phi' = -p: the force is conservative for a fixed w.
 * c = 1 gives the consistent tangent. Inside a convex balloon p dn/dx makes the tangent indefinite for
 * sliding directions (a freshly penetrated state has a large p), so a solver may take c = 0 far from
 * equilibrium and c = 1 near it, where p is small and the quadratic rate matters.
 */
#include <leafmech/kernels/contact/balloon_surface.h>

namespace leafmech::kernels
{
  struct ContactLaw
  {
    double penalty      = 1.0; ///< eps (MPa/mm)
    double pressure_cap = 0.0; ///< balloon pressure (MPa); <= 0: uncapped
    double curvature    = 1.0; ///< c: weight of the p dn/dx term in the stiffness (1 = consistent)
    double smoothing    = 0.0; ///< delta (mm): gap over which contact fades in; 0 = the sharp penalty
  };

  struct ContactPointResult
  {
    double force[3];     ///< residual contribution (N)
    double stiffness[9]; ///< d force / d x (N/mm), row-major
    double gap;          ///< mm
    double pressure;     ///< MPa
  };

  LEAFMECH_HOST_DEVICE inline ContactPointResult contact_point(const BalloonView &balloon, const ContactLaw &law,
                                                               const double x[3], double weight, double multiplier)
  {
    ContactPointResult out;
    const SurfaceDistance d = balloon_distance(balloon, x);
    out.gap                 = d.gap;
    const double t = multiplier - law.penalty * d.gap, sm = law.penalty * law.smoothing;
    double       p = t, dp = -law.penalty;
    if (sm > 0.0 && t < 0.0)
      {
        p  = t > -sm ? (t + sm) * (t + sm) / (2 * sm) : 0.0;
        dp = t > -sm ? -law.penalty * (t + sm) / sm : 0.0;
      }
    else if (sm > 0.0)
      p = t + 0.5 * sm;
    else if (p <= 0.0)
      {
        p  = 0.0;
        dp = 0.0;
      }
    if (law.pressure_cap > 0.0 && p >= law.pressure_cap)
      {
        p  = law.pressure_cap;
        dp = 0.0;
      }
    out.pressure = p;
    for (int i = 0; i < 3; ++i)
      {
        out.force[i] = -weight * p * d.n[i];
        for (int j = 0; j < 3; ++j)
          out.stiffness[3 * i + j] = -weight * (dp * d.n[i] * d.n[j] + law.curvature * p * d.dn[3 * i + j]);
      }
    return out;
  }
} // namespace leafmech::kernels
