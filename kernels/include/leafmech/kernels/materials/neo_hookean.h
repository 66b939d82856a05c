#pragma once
/**
 * @file
 * @brief Isochoric neo-Hookean matrix: W_iso = mu/2 (I1_bar - 3).
 *
 * Fictitious Kirchhoff stress tau_bar = mu b_bar, fictitious tangent c_bar = 0. Combined with a volumetric
 * term U(J) this is the compressible neo-Hookean solid of the Cook's-membrane benchmark.
 */
#include <leafmech/kernels/mat3.h>

namespace leafmech::kernels
{
  /// Adds the neo-Hookean fictitious stress (c_bar unchanged: zero contribution). Returns the energy.
  LEAFMECH_HOST_DEVICE inline double add_neo_hookean_fictitious(double mu, const Sym3 &b_bar, Sym3 &tau_bar)
  {
    for (int I = 0; I < 6; ++I)
      tau_bar.v[I] += mu * b_bar.v[I];
    return 0.5 * mu * (trace(b_bar) - 3.0);
  }
} // namespace leafmech::kernels
