#pragma once
/**
 * @file
 * @brief Pointwise constitutive response of every leafmech material, host and device.
 *
 * A material is an isochoric part W_iso(C_bar) (neo-Hookean matrix, optionally plus a fibre term) and a
 * decoupled volumetric part U(J). The isochoric part is evaluated here; how U enters depends on the
 * finite-element formulation (pointwise, or through an element-projected pressure), so the volumetric
 * stress helpers take the pressure p explicitly. All stresses are Kirchhoff stresses tau = J sigma, and all
 * tangents are the spatial moduli J c that give the Lie derivative of tau.
 */
#include <leafmech/kernels/materials/hgo_fibre.h>
#include <leafmech/kernels/materials/isochoric_projection.h>
#include <leafmech/kernels/materials/neo_hookean.h>
#include <leafmech/kernels/materials/volumetric.h>

namespace leafmech::kernels
{
  enum class IsochoricModel : int
  {
    neo_hookean   = 0,
    hgo_leaflet   = 1
  };

  /// Plain-data material description, copied as is to the device.
  struct MaterialParameters
  {
    IsochoricModel     model        = IsochoricModel::neo_hookean;
    double             shear_modulus = 0.0; ///< mu of the matrix, MPa
    FibreParameters    fibre        = {0.0, 1.0, 0.0};
    double             bulk_modulus = 0.0; ///< kappa, MPa
    VolumetricFunction volumetric   = VolumetricFunction::ogden_quadratic;
  };

  /// Isochoric Kirchhoff stress and tangent at deformation gradient F (det F > 0), fibre direction a0.
  /// Returns the isochoric strain energy per reference volume.
  LEAFMECH_HOST_DEVICE inline double isochoric_response(const MaterialParameters &p, const Mat3 &F,
                                                        const double a0[3], Sym3 &tau, Sym4 &c)
  {
    const double J     = determinant(F);
    const Sym3   b_bar = isochoric_left_cauchy_green(F, J);
    Sym3         tau_bar = zero_sym3();
    Sym4         c_bar;
    set_zero(c_bar);
    double W = add_neo_hookean_fictitious(p.shear_modulus, b_bar, tau_bar);
    if (p.model == IsochoricModel::hgo_leaflet)
      W += add_hgo_fibre_fictitious(p.fibre, F, J, a0, b_bar, tau_bar, c_bar);
    project_isochoric(tau_bar, c_bar, tau, c);
    return W;
  }

  /// Adds tau_vol = J p I and, at fixed p, its tangent J p (I (x) I - 2 I_sym).
  LEAFMECH_HOST_DEVICE inline void add_pressure_stress(double J, double p, Sym3 &tau, Sym4 &c)
  {
    for (int I = 0; I < 3; ++I)
      tau.v[I] += J * p;
    for (int I = 0; I < 6; ++I)
      for (int K = 0; K < 6; ++K)
        c.c[I][K] += J * p * (identity_dyad(I, K) - 2.0 * sym_identity(I, K));
  }

  /// Full one-field response: isochoric part plus U(J) evaluated pointwise (p = U'(J)).
  /// Returns the total strain energy per reference volume.
  LEAFMECH_HOST_DEVICE inline double total_response(const MaterialParameters &p, const Mat3 &F,
                                                    const double a0[3], Sym3 &tau, Sym4 &c)
  {
    const double             J = determinant(F);
    const double             W = isochoric_response(p, F, a0, tau, c);
    const VolumetricResponse v = volumetric_response(p.volumetric, p.bulk_modulus, J);
    add_pressure_stress(J, v.dU, tau, c);
    // d(J p)/dJ at fixed F direction: the pressure's own variation, J^2 U'' I (x) I.
    for (int I = 0; I < 3; ++I)
      for (int K = 0; K < 3; ++K)
        c.c[I][K] += J * J * v.d2U;
    return W + v.U;
  }

  /**
   * @brief The part of the response evaluated pointwise: everything in the one-field formulation
   * (include_volumetric = true), the isochoric part only when the pressure comes from an element projection.
   */
  LEAFMECH_HOST_DEVICE inline double pointwise_response(const MaterialParameters &p, const Mat3 &F,
                                                        const double a0[3], bool include_volumetric, Sym3 &tau,
                                                        Sym4 &c)
  {
    return include_volumetric ? total_response(p, F, a0, tau, c) : isochoric_response(p, F, a0, tau, c);
  }
} // namespace leafmech::kernels
