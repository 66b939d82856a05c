#pragma once
/**
 * @file
 * @brief Cohesive traction-separation law with irreversible damage (commissure splitting): the polynomial law
 * of Needleman (1990) and Tvergaard (1990), extended to mixed mode with a damage history.
 *
 * The jump d = u_B - u_A across an interface with unit normal n (out of side A, into side B) splits into the
 * normal opening d_n = d.n and the shear part. Interpenetration (d_n < 0) is resisted by the undamaged
 * stiffness K0 always, and never damages the interface. The effective opening is
 * d_e = sqrt(max(d_n, 0)^2 + |d_s|^2) (one fracture energy for every mode). On monotonic opening the traction is
 *   T(d_e) = 27/4 strength (d_e / df) (1 - d_e / df)^2  (d_e < df),  0 beyond,
 * which peaks at the strength at d_e = df / 3 and vanishes with zero slope at df = 16 G / (9 strength): the
 * area under it is the fracture energy G, so separating a unit area dissipates G whatever the mesh. The
 * traction is smooth up to full separation (no corner at the peak, as a bilinear law has), which is what keeps
 * Newton converging while the crack grows. With kappa the largest d_e ever reached, unloading follows the
 * secant to the origin (no healing):
 *   s = f(kappa) * (d - min(d_n, 0) n) + K0 min(d_n, 0) n,  f(kappa) = K0 (1 - kappa / df)^2,  K0 = 27/4 strength / df,
 * so the damage is D = 1 - (1 - kappa / df)^2 and kappa is the history (with viscosity, also the damage in
 * force; see cohesive_response).
 */
#include <leafmech/kernels/host_device.h>

#include <cmath>

namespace leafmech::kernels
{
  struct CohesiveLaw
  {
    double strength        = 0.0; ///< peak traction (MPa)
    double fracture_energy = 0.0; ///< G, energy to separate a unit area (N/mm = mJ/mm^2)
    /// eta: relaxation time of the damage in units of the load factor (0: none). See cohesive_response.
    double viscosity = 0.0;

    /// df: the opening at which the interface has separated (mm).
    LEAFMECH_HOST_DEVICE double final_opening() const { return 16.0 * fracture_energy / (9.0 * strength); }
    /// K0: the intact interface's stiffness (MPa/mm).
    LEAFMECH_HOST_DEVICE double stiffness() const { return 6.75 * strength / final_opening(); }
  };

  /// What a point of the interface remembers between load steps.
  struct CohesiveHistory
  {
    double kappa  = 0.0; ///< largest effective opening reached (mm)
    double damage = 0.0; ///< the damage in force, D_v (equal to D(kappa) without viscosity)
  };

  /// Damage D(kappa) in [0, 1]: the loss of secant stiffness.
  LEAFMECH_HOST_DEVICE inline double cohesive_damage(const CohesiveLaw &law, double kappa)
  {
    const double r = kappa / law.final_opening();
    return r >= 1.0 ? 1.0 : 1.0 - (1.0 - r) * (1.0 - r);
  }

  /**
   * @brief Energy per area (N/mm) the rate-independent law has dissipated once the opening reached kappa: the
   * work along the envelope, int_0^kappa T, less what unloading along the secant gives back, f(kappa) kappa^2 / 2.
   */
  LEAFMECH_HOST_DEVICE inline double cohesive_dissipated_energy(const CohesiveLaw &law, double kappa)
  {
    const double df = law.final_opening();
    if (kappa >= df)
      return law.fracture_energy;
    const double r    = kappa / df;
    const double work = 6.75 * law.strength * df * (r * r / 2 - 2 * r * r * r / 3 + r * r * r * r / 4);
    return work - 0.5 * law.stiffness() * (1 - r) * (1 - r) * kappa * kappa;
  }

  /**
   * @brief Traction s = dpsi/dd (MPa; the force per area on side B is -s, on side A +s) and its tangent
   * K = ds/dd (row-major 3x3) for the jump d, given the history of the last converged state and the load
   * increment dt since it.
   *
   * Viscous regularisation (Gao and Bower 2004): the damage in force relaxes towards D(kappa) as
   * D_v = D_v,old + dt / (eta + dt) (D(kappa) - D_v,old). The softening part of the tangent is scaled by
   * dt / (eta + dt), so a load step cut far below eta sees an interface that no longer softens and converges;
   * at steps much longer than eta the law is the rate-independent one. On the loading branch (d_e above the
   * history) the tangent includes the damage growth: it is the consistent tangent, symmetric and possibly
   * indefinite.
   * @return the trial history, which the caller keeps once the load step has converged.
   */
  LEAFMECH_HOST_DEVICE inline CohesiveHistory cohesive_response(const CohesiveLaw &law, const double d[3],
                                                                const double n[3], const CohesiveHistory &old,
                                                                double dt, double s[3], double K[9])
  {
    const double dn     = d[0] * n[0] + d[1] * n[1] + d[2] * n[2];
    const double closed = dn < 0.0 ? dn : 0.0; // the interpenetrating part of d_n
    double       open[3];                      // d without its interpenetration: the part that damages
    for (int a = 0; a < 3; ++a)
      open[a] = d[a] - closed * n[a];
    const double de       = sqrt(open[0] * open[0] + open[1] * open[1] + open[2] * open[2]);
    const double df       = law.final_opening(), K0 = law.stiffness();
    const double relax    = law.viscosity > 0.0 ? dt / (law.viscosity + dt) : 1.0;
    const bool   loading  = de > old.kappa && de < df;
    CohesiveHistory trial = {de > old.kappa ? de : old.kappa, 0.0};
    trial.damage          = old.damage + relax * (cohesive_damage(law, trial.kappa) - old.damage);
    const double f        = K0 * (1.0 - trial.damage);                          // secant stiffness
    const double dD       = loading ? relax * 2.0 * (1.0 - de / df) / df : 0.0; // d(D_v)/d(d_e)
    for (int a = 0; a < 3; ++a)
      {
        s[a] = f * open[a] + K0 * closed * n[a];
        for (int b = 0; b < 3; ++b)
          {
            const double nn        = dn < 0.0 ? n[a] * n[b] : 0.0;
            const double projector = (a == b ? 1.0 : 0.0) - nn;
            K[3 * a + b] = f * projector + K0 * nn - (loading ? K0 * dD * open[a] * open[b] / de : 0.0);
          }
      }
    return trial;
  }
} // namespace leafmech::kernels
