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
 * With a friction coefficient mu > 0 the point also carries the Coulomb friction traction t of friction.h
 * (from its converged position x_n and traction t_n): f = -w (p n + t), K = -w (... + dt/dx).
 */
#include <leafmech/kernels/contact/friction.h>

namespace leafmech::kernels
{
  struct ContactLaw
  {
    double penalty      = 1.0; ///< eps (MPa/mm)
    double pressure_cap = 0.0; ///< balloon pressure (MPa); <= 0: uncapped
    double curvature    = 1.0; ///< c: weight of the p dn/dx term in the stiffness (1 = consistent)
    double smoothing    = 0.0; ///< delta (mm): gap over which contact fades in; 0 = the sharp penalty
    double friction     = 0.0; ///< Coulomb coefficient mu (0: frictionless)
    double tangential_penalty = 0.0; ///< eps_T (MPa/mm): friction traction per mm of slip while sticking
  };

  struct ContactPointResult
  {
    double force[3];     ///< residual contribution (N)
    double stiffness[9]; ///< d force / d x (N/mm), row-major
    double gap;          ///< mm
    double pressure;     ///< MPa
    double traction[3];  ///< friction traction (MPa, per deformed area)
    double friction_work; ///< -w t.s: work of the friction against this increment's slip (N mm = mJ)
  };

  /// x_prev, t_prev: the point's position and friction traction at the last converged state.
  LEAFMECH_HOST_DEVICE inline ContactPointResult contact_point(const BalloonView &balloon, const ContactLaw &law,
                                                               const double x[3], double weight, double multiplier,
                                                               const double x_prev[3], const double t_prev[3])
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
    out.pressure      = p;
    out.friction_work = 0.0;
    for (int i = 0; i < 3; ++i)
      {
        out.traction[i] = 0.0;
        out.force[i]    = -weight * p * d.n[i];
        for (int j = 0; j < 3; ++j)
          out.stiffness[3 * i + j] = -weight * (dp * d.n[i] * d.n[j] + law.curvature * p * d.dn[3 * i + j]);
      }
    if (law.friction > 0.0 && p > 0.0)
      {
        const FrictionTraction f =
          friction_traction(d, p, dp, x, x_prev, t_prev, law.friction, law.tangential_penalty);
        for (int i = 0; i < 3; ++i)
          {
            out.traction[i] = f.t[i];
            out.force[i] -= weight * f.t[i];
            out.friction_work -= weight * f.t[i] * f.slip[i];
            for (int j = 0; j < 3; ++j)
              out.stiffness[3 * i + j] -= weight * f.dt[3 * i + j];
          }
      }
    return out;
  }

  /// A point without friction history (at its converged position, no traction).
  LEAFMECH_HOST_DEVICE inline ContactPointResult contact_point(const BalloonView &balloon, const ContactLaw &law,
                                                               const double x[3], double weight, double multiplier)
  {
    const double none[3] = {0.0, 0.0, 0.0};
    return contact_point(balloon, law, x, weight, multiplier, x, none);
  }
} // namespace leafmech::kernels
