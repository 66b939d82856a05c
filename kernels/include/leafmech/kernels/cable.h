#pragma once
/**
 * @file
 * @brief Tension-only cable (chordae tendineae): tension from the engineering strain e = l / L0 - 1, and the
 * cable's force and stiffness on the node it pulls towards a fixed anchor.
 *
 * Collagen cables are slack in compression, stiffen through a toe region while their crimp straightens, then
 * behave linearly:  T = 0 (e <= 0),  EA e^2 / (2 e_toe) (0 < e < e_toe),  EA (e - e_toe / 2) (e >= e_toe).
 * T and dT/de are continuous, which keeps Newton quadratic as a cable goes taut.
 */
#include <leafmech/kernels/host_device.h>

#include <cmath>

namespace leafmech::kernels
{
  struct CableLaw
  {
    double stiffness  = 0.0;  ///< EA (N)
    double toe_strain = 0.03; ///< strain at the end of the toe region (dimensionless, > 0)
  };

  /// Tension T (N) and its slope dT/de (N) at engineering strain e.
  LEAFMECH_HOST_DEVICE inline void cable_tension(const CableLaw &law, double e, double &T, double &dT)
  {
    if (e <= 0.0)
      {
        T  = 0.0;
        dT = 0.0;
      }
    else if (e < law.toe_strain)
      {
        T  = 0.5 * law.stiffness * e * e / law.toe_strain;
        dT = law.stiffness * e / law.toe_strain;
      }
    else
      {
        T  = law.stiffness * (e - 0.5 * law.toe_strain);
        dT = law.stiffness;
      }
  }

  /**
   * @brief Force f (N, the internal force on the node: f = T n, n the unit vector from anchor to node) and
   * stiffness K = df/dx = dT/de / L0 n n^T + T / l (I - n n^T) of a cable of rest length L0 from the fixed
   * anchor to the node at x.
   * @return the tension T (N).
   */
  LEAFMECH_HOST_DEVICE inline double cable_response(const CableLaw &law, const double x[3], const double anchor[3],
                                                    double rest_length, double f[3], double K[9])
  {
    double d[3] = {x[0] - anchor[0], x[1] - anchor[1], x[2] - anchor[2]};
    const double l = sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
    double       T, dT;
    cable_tension(law, l / rest_length - 1.0, T, dT);
    for (int a = 0; a < 3; ++a)
      d[a] /= l;
    for (int a = 0; a < 3; ++a)
      {
        f[a] = T * d[a];
        for (int b = 0; b < 3; ++b)
          K[3 * a + b] = dT / rest_length * d[a] * d[b] + T / l * ((a == b ? 1.0 : 0.0) - d[a] * d[b]);
      }
    return T;
  }
} // namespace leafmech::kernels
