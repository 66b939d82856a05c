#pragma once
/**
 * @file
 * @brief Bilinear cohesive traction-separation law with irreversible damage (commissure splitting).
 *
 * The jump d = u_B - u_A across an interface with unit normal n (out of side A, into side B) splits into the
 * normal opening d_n = d.n and the shear part. Interpenetration (d_n < 0) is resisted by the undamaged penalty
 * K0 always, and never damages the interface. The effective opening is d_e = sqrt(max(d_n, 0)^2 + |d_s|^2)
 * (one fracture energy for every mode). With kappa the largest d_e ever reached, the free energy per area is
 *   psi = (1 - D(kappa)) K0 d_e^2 / 2 + K0 min(d_n, 0)^2 / 2,
 *   D = 0 (kappa <= d0),  D = df (kappa - d0) / (kappa (df - d0)) (d0 < kappa < df),  D = 1 (kappa >= df),
 * with d0 = strength / K0 and df = 2 G / strength: the traction rises with slope K0 to the strength at d0 and
 * falls linearly to zero at df, so separating a unit area dissipates the fracture energy G whatever the mesh.
 * Unloading goes back to the origin on the damaged secant (no healing); kappa is the only history.
 */
#include <leafmech/kernels/host_device.h>

#include <cmath>

namespace leafmech::kernels
{
  struct CohesiveLaw
  {
    double stiffness       = 0.0; ///< K0, undamaged penalty stiffness (MPa/mm)
    double strength        = 0.0; ///< peak traction (MPa)
    double fracture_energy = 0.0; ///< G, energy to separate a unit area (N/mm = mJ/mm^2)

    LEAFMECH_HOST_DEVICE double onset_opening() const { return strength / stiffness; }
    LEAFMECH_HOST_DEVICE double final_opening() const { return 2.0 * fracture_energy / strength; }
  };

  /// Damage D(kappa) of the bilinear law.
  LEAFMECH_HOST_DEVICE inline double cohesive_damage(const CohesiveLaw &law, double kappa)
  {
    const double d0 = law.onset_opening(), df = law.final_opening();
    if (kappa <= d0)
      return 0.0;
    if (kappa >= df)
      return 1.0;
    return df * (kappa - d0) / (kappa * (df - d0));
  }

  /**
   * @brief Traction s = dpsi/dd (MPa; the force per area on side B is -s, on side A +s) and its tangent
   * K = ds/dd (row-major 3x3) for the jump d, given the history kappa of the last converged state.
   * On the loading branch (d_e above the history) the tangent includes the damage growth, so it is the
   * consistent (softening, possibly indefinite) tangent of the incremental problem; it stays symmetric.
   * @return the trial history max(kappa, d_e), which the caller keeps once the load step has converged.
   */
  LEAFMECH_HOST_DEVICE inline double cohesive_response(const CohesiveLaw &law, const double d[3], const double n[3],
                                                       double kappa, double s[3], double K[9])
  {
    const double dn     = d[0] * n[0] + d[1] * n[1] + d[2] * n[2];
    const double closed = dn < 0.0 ? dn : 0.0; // the interpenetrating part of d_n
    double       open[3];                      // d without its interpenetration: the part that damages
    for (int a = 0; a < 3; ++a)
      open[a] = d[a] - closed * n[a];
    const double de      = sqrt(open[0] * open[0] + open[1] * open[1] + open[2] * open[2]);
    const bool   loading = de > kappa && de > law.onset_opening() && de < law.final_opening();
    const double trial   = de > kappa ? de : kappa;
    const double D       = cohesive_damage(law, trial);
    const double k       = law.stiffness * (1.0 - D);
    // d(D)/d(kappa) on the softening branch; the extra tangent is -K0 D' open (x) open / d_e.
    const double dD =
      loading ? law.final_opening() * law.onset_opening() / (de * de * (law.final_opening() - law.onset_opening()))
              : 0.0;
    for (int a = 0; a < 3; ++a)
      {
        s[a] = k * open[a] + law.stiffness * closed * n[a];
        for (int b = 0; b < 3; ++b)
          {
            const double projector = (a == b ? 1.0 : 0.0) - (dn < 0.0 ? n[a] * n[b] : 0.0);
            K[3 * a + b] = k * projector + (dn < 0.0 ? law.stiffness * n[a] * n[b] : 0.0) -
                           (loading ? law.stiffness * dD * open[a] * open[b] / de : 0.0);
          }
      }
    return trial;
  }
} // namespace leafmech::kernels
