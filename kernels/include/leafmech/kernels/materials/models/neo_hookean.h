#pragma once
/**
 * @file
 * @brief Isotropic neo-Hookean matrix, W_iso = mu/2 (I1_bar - 3): the Cook's-membrane solid and the
 * commissure fusion and calcium of the valve.
 */
#include <leafmech/kernels/materials/isochoric_model.h>
#include <leafmech/kernels/materials/neo_hookean.h>

#include <vector>

namespace leafmech::kernels
{
  struct NeoHookean
  {
    static constexpr const char *name = "neo-Hookean"; ///< as the input names it (Materials/.../Model)

    enum Constant
    {
      mu, ///< shear modulus (MPa)
      n_constants
    };
    static constexpr int stress_like[] = {mu};

    LEAFMECH_HOST_DEVICE static double fictitious(const double *k, const Mat3 &, double, const double *,
                                                  const Sym3 &b_bar, Sym3 &tau_bar, Sym4 &)
    {
      return add_neo_hookean_fictitious(k[mu], b_bar, tau_bar);
    }

    static double small_strain_shear_modulus(const double *k) { return k[mu]; }

    /// tau_bar_i = mu bb_i.
    static void principal_fictitious_stress(const double *k, const double bb[3], double tb[3])
    {
      for (int i = 0; i < 3; ++i)
        tb[i] = k[mu] * bb[i];
    }

    static std::vector<std::vector<double>> test_constants() { return {{0.4225}}; }
  };
  LEAFMECH_ISOCHORIC_MODEL(NeoHookean);
} // namespace leafmech::kernels
