#pragma once
/**
 * @file
 * @brief Exponential collagen-fibre term of Holzapfel-Gasser-Ogden type with dispersion (Gasser 2006).
 *
 * W_f = k1 / (2 k2) [exp(k2 E^2) - 1],  E = kappa (I1_bar - 3) + (1 - 3 kappa) (I4_bar - 1),
 * active only while E > 0 (fibres carry no compression; with kappa = 0 this is I4_bar > 1).
 * With H = kappa b_bar + (1 - 3 kappa) a_bar (x) a_bar and a_bar = F_bar a0:
 *   tau_bar += 2 psi1 H,   c_bar += 4 psi2 H (x) H,
 * psi1 = dW/dE = k1 E exp(k2 E^2),  psi2 = d2W/dE2 = k1 (1 + 2 k2 E^2) exp(k2 E^2).
 */
#include <leafmech/kernels/mat3.h>

namespace leafmech::kernels
{
  struct FibreParameters
  {
    double k1;         ///< MPa
    double k2;         ///< dimensionless
    double dispersion; ///< kappa in [0, 1/3]; 0 = perfectly aligned fibres
  };

  /// Adds the fibre term for unit reference direction a0; F_bar = J^(-1/3) F. Returns the energy.
  LEAFMECH_HOST_DEVICE inline double add_hgo_fibre_fictitious(const FibreParameters &p, const Mat3 &F, double J,
                                                              const double a0[3], const Sym3 &b_bar,
                                                              Sym3 &tau_bar, Sym4 &c_bar)
  {
    const double s = cbrt(1.0 / J);
    double       a[3];
    for (int i = 0; i < 3; ++i)
      a[i] = s * (F(i, 0) * a0[0] + F(i, 1) * a0[1] + F(i, 2) * a0[2]);
    const double I4 = a[0] * a[0] + a[1] * a[1] + a[2] * a[2];
    const double E  = p.dispersion * (trace(b_bar) - 3.0) + (1.0 - 3.0 * p.dispersion) * (I4 - 1.0);
    if (!(E > 0.0))
      return 0.0;
    const double ex   = exp(p.k2 * E * E);
    const double psi1 = p.k1 * E * ex;
    const double psi2 = p.k1 * (1.0 + 2.0 * p.k2 * E * E) * ex;
    Sym3         H;
    for (int i = 0; i < 3; ++i)
      for (int j = i; j < 3; ++j)
        {
          const int I = voigt_index(i, j);
          H.v[I]      = p.dispersion * b_bar.v[I] + (1.0 - 3.0 * p.dispersion) * a[i] * a[j];
        }
    for (int I = 0; I < 6; ++I)
      {
        tau_bar.v[I] += 2.0 * psi1 * H.v[I];
        for (int J2 = 0; J2 < 6; ++J2)
          c_bar.c[I][J2] += 4.0 * psi2 * H.v[I] * H.v[J2];
      }
    return p.k1 / (2.0 * p.k2) * (ex - 1.0);
  }
} // namespace leafmech::kernels
