#pragma once
/**
 * @file
 * @brief Coulomb friction between the balloon and a leaflet surface point: a tangential penalty for stick with
 * a return map onto the Coulomb cone for slip (Wriggers, Computational Contact Mechanics, 2nd ed. 2006,
 * section 5.2), evaluated per load increment from the point's converged position and friction traction.
 *
 * Slip of the point relative to the balloon's membrane over the increment, with d = x - x_n:
 *   q = d - (d.e - R'(xi) d.a) e,   s = q - (q.n) n,
 * where a is the lobe's axis, e the radial direction and R' the profile's slope. The membrane is taken to move
 * only radially as the balloon inflates (its material points keep xi and the azimuth), so a point that rides
 * with it (d along e on a cylinder, or along the meridian a + R' e on a shoulder when the balloon is still) has
 * the slip 0 or its true meridian slip; s is that motion's part in the tangent plane.
 * The trial traction on the point is the converged one carried into the current tangent plane, minus the
 * tangential penalty times the slip, t* = (I - n n) t_n - eps_T s. Stick: |t*| <= mu p, t = t*. Slip: t = mu p
 * t* / |t*|. The point's residual gains -w t and its stiffness -w dt/dx, derived in friction_traction() and
 * checked against finite differences in kernels/tests/test_friction.cc. The tangent is not symmetric.
 */
#include <leafmech/kernels/contact/balloon_surface.h>

namespace leafmech::kernels
{
  struct FrictionTraction
  {
    double t[3];      ///< friction traction on the point (MPa, per deformed area), in its tangent plane
    double dt[9];     ///< row-major d t_i / d x_j
    double slip[3];   ///< the slip s of this increment (mm)
    bool   slipping;  ///< on the Coulomb cone
  };

  /**
   * @param d         the point's distance to the balloon (with the lobe's frame)
   * @param p, dp_dg  the normal contact pressure and its derivative with respect to the gap
   * @param mu, eps_t the friction coefficient and the tangential penalty (MPa/mm)
   */
  LEAFMECH_HOST_DEVICE inline FrictionTraction friction_traction(const SurfaceDistance &d, double p, double dp_dg,
                                                                 const double x[3], const double x_prev[3],
                                                                 const double t_prev[3], double mu, double eps_t)
  {
    const double *a = d.axis, *e = d.radial, *n = d.n, *Dn = d.dn;
    double        dx[3], De[9];
    for (int i = 0; i < 3; ++i)
      dx[i] = x[i] - x_prev[i];
    // d e / d x = (I - a a - e e) / rho, 0 on the axis (where e is arbitrary and nothing slides).
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j)
        De[3 * i + j] = d.rho > 1e-12 ? ((i == j ? 1.0 : 0.0) - a[i] * a[j] - e[i] * e[j]) / d.rho : 0.0;

    // q = dx - c e, c = dx.e - R' dx.a; dc/dx = e + De dx - R'' (dx.a) a - R' a.
    double de = 0, da = 0;
    for (int i = 0; i < 3; ++i)
      {
        de += dx[i] * e[i];
        da += dx[i] * a[i];
      }
    const double c = de - d.slope * da;
    double       Dc[3], q[3], Dq[9];
    for (int j = 0; j < 3; ++j)
      {
        double De_dx = 0;
        for (int k = 0; k < 3; ++k)
          De_dx += De[3 * j + k] * dx[k];
        Dc[j] = e[j] + De_dx - d.slope_rate * da * a[j] - d.slope * a[j];
      }
    for (int i = 0; i < 3; ++i)
      {
        q[i] = dx[i] - c * e[i];
        for (int j = 0; j < 3; ++j)
          Dq[3 * i + j] = (i == j ? 1.0 : 0.0) - e[i] * Dc[j] - c * De[3 * i + j];
      }

    // s = q - (q.n) n.
    double qn = 0, tn = 0;
    for (int i = 0; i < 3; ++i)
      {
        qn += q[i] * n[i];
        tn += t_prev[i] * n[i];
      }
    double Dqn[3], Dtn[3];
    for (int j = 0; j < 3; ++j)
      {
        Dqn[j] = 0;
        Dtn[j] = 0;
        for (int i = 0; i < 3; ++i)
          {
            Dqn[j] += n[i] * Dq[3 * i + j] + q[i] * Dn[3 * i + j];
            Dtn[j] += t_prev[i] * Dn[3 * i + j];
          }
      }
    FrictionTraction out;
    double           trial[3], Dtrial[9], norm2 = 0;
    for (int i = 0; i < 3; ++i)
      {
        out.slip[i] = q[i] - qn * n[i];
        trial[i]    = t_prev[i] - tn * n[i] - eps_t * out.slip[i];
        norm2 += trial[i] * trial[i];
        for (int j = 0; j < 3; ++j)
          {
            const double Ds = Dq[3 * i + j] - n[i] * Dqn[j] - qn * Dn[3 * i + j];
            Dtrial[3 * i + j] = -n[i] * Dtn[j] - tn * Dn[3 * i + j] - eps_t * Ds;
          }
      }
    const double norm = sqrt(norm2), limit = mu * p;
    out.slipping      = norm > limit;
    if (!out.slipping)
      {
        for (int i = 0; i < 3; ++i)
          out.t[i] = trial[i];
        for (int k = 0; k < 9; ++k)
          out.dt[k] = Dtrial[k];
        return out;
      }
    // Return map: t = mu p m, m = t* / |t*|; dt = mu m (dp/dg n)^T + mu p (I - m m) dt* / |t*|.
    double m[3];
    for (int i = 0; i < 3; ++i)
      {
        m[i]     = norm > 0 ? trial[i] / norm : 0.0;
        out.t[i] = limit * m[i];
      }
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j)
        {
          double projected = 0;
          for (int k = 0; k < 3; ++k)
            projected += ((i == k ? 1.0 : 0.0) - m[i] * m[k]) * Dtrial[3 * k + j];
          out.dt[3 * i + j] = mu * m[i] * dp_dg * n[j] + (norm > 0 ? limit / norm * projected : 0.0);
        }
    return out;
  }
} // namespace leafmech::kernels
