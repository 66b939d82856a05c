#pragma once
/**
 * @file
 * @brief Turns a fictitious (isochoric-variable) Kirchhoff stress and tangent into the isochoric parts.
 *
 * For W(C_bar) with C_bar = J^(-2/3) C (Holzapfel 2000, section 6.6):
 *   tau_iso = P : tau_bar,
 *   c_iso   = P : c_bar : P + (2/3) tr(tau_bar) P - (2/3) (tau_iso (x) I + I (x) tau_iso),
 * with P = I_sym - (1/3) I (x) I. Every isochoric model supplies tau_bar and c_bar only.
 */
#include <leafmech/kernels/mat3.h>

namespace leafmech::kernels
{
  LEAFMECH_HOST_DEVICE inline void project_isochoric(const Sym3 &tau_bar, const Sym4 &c_bar, Sym3 &tau_iso,
                                                     Sym4 &c_iso)
  {
    const double tr = trace(tau_bar);
    for (int I = 0; I < 6; ++I)
      tau_iso.v[I] = tau_bar.v[I] - (I < 3 ? tr / 3.0 : 0.0);

    // P : c_bar : P, using that contraction with I only picks normal components.
    double row[6], col[6], full = 0.0;
    for (int I = 0; I < 6; ++I)
      {
        row[I] = c_bar.c[I][0] + c_bar.c[I][1] + c_bar.c[I][2];
        col[I] = c_bar.c[0][I] + c_bar.c[1][I] + c_bar.c[2][I];
      }
    for (int I = 0; I < 3; ++I)
      full += row[I];
    for (int I = 0; I < 6; ++I)
      for (int J = 0; J < 6; ++J)
        {
          const double iI = I < 3 ? 1.0 : 0.0, iJ = J < 3 ? 1.0 : 0.0;
          const double pcp = c_bar.c[I][J] - (row[I] * iJ + iI * col[J]) / 3.0 + full * iI * iJ / 9.0;
          const double P   = sym_identity(I, J) - identity_dyad(I, J) / 3.0;
          c_iso.c[I][J]    = pcp + (2.0 / 3.0) * tr * P - (2.0 / 3.0) * (tau_iso.v[I] * iJ + iI * tau_iso.v[J]);
        }
  }

  /// Isochoric left Cauchy-Green tensor b_bar = J^(-2/3) F F^T.
  LEAFMECH_HOST_DEVICE inline Sym3 isochoric_left_cauchy_green(const Mat3 &F, double J)
  {
    Sym3         b      = left_cauchy_green(F);
    const double factor = cbrt(1.0 / (J * J));
    for (int I = 0; I < 6; ++I)
      b.v[I] *= factor;
    return b;
  }
} // namespace leafmech::kernels
