#pragma once
/**
 * @file
 * @brief Anisotropic leaflet tissue: neo-Hookean matrix plus one tension-only exponential collagen-fibre
 * family with dispersion (Holzapfel-Gasser-Ogden, Gasser 2006; materials/hgo_fibre.h).
 */
#include <leafmech/kernels/materials/hgo_fibre.h>
#include <leafmech/kernels/materials/isochoric_model.h>
#include <leafmech/kernels/materials/neo_hookean.h>

#include <cmath>
#include <vector>

namespace leafmech::kernels
{
  struct HgoLeaflet
  {
    static constexpr const char *name = "HGO leaflet"; ///< as the input names it (Materials/.../Model)

    enum Constant
    {
      mu,         ///< matrix shear modulus (MPa)
      k1,         ///< fibre stress-like parameter (MPa)
      k2,         ///< fibre exponent (dimensionless)
      dispersion, ///< kappa in [0, 1/3] (dimensionless)
      n_constants
    };
    static constexpr int stress_like[] = {mu, k1};

    LEAFMECH_HOST_DEVICE static double fictitious(const double *k, const Mat3 &F, double J, const double *a0,
                                                  const Sym3 &b_bar, Sym3 &tau_bar, Sym4 &c_bar)
    {
      const double W = add_neo_hookean_fictitious(k[mu], b_bar, tau_bar);
      return W + add_hgo_fibre_fictitious(FibreParameters{k[k1], k[k2], k[dispersion]}, F, J, a0, b_bar, tau_bar,
                                          c_bar);
    }

    /// The fibres carry nothing at the reference state (E = 0).
    static double small_strain_shear_modulus(const double *k) { return k[mu]; }

    /// tau_bar_i = mu bb_i + 2 psi1 (kappa bb_i + (1 - 3 kappa) bb_1 delta_i1), psi1 = k1 E exp(k2 E^2) for
    /// E = kappa (bb_1 + bb_2 + bb_3 - 3) + (1 - 3 kappa)(bb_1 - 1) > 0.
    static void principal_fictitious_stress(const double *k, const double bb[3], double tb[3])
    {
      const double kap  = k[dispersion];
      const double E    = kap * (bb[0] + bb[1] + bb[2] - 3.0) + (1 - 3 * kap) * (bb[0] - 1.0);
      const double psi1 = E > 0 ? k[k1] * E * std::exp(k[k2] * E * E) : 0.0;
      for (int i = 0; i < 3; ++i)
        tb[i] = k[mu] * bb[i] + 2 * psi1 * (kap * bb[i] + (i == 0 ? (1 - 3 * kap) * bb[0] : 0.0));
    }

    /// FEBio's HGO verification set (mu = 2 c), aligned and dispersed.
    static std::vector<std::vector<double>> test_constants()
    {
      return {{0.00764 * 2.0, 0.9966, 524.6, 0.0}, {0.00764 * 2.0, 0.9966, 524.6, 0.1}};
    }
  };
  LEAFMECH_ISOCHORIC_MODEL(HgoLeaflet);
} // namespace leafmech::kernels
