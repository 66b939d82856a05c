#pragma once
/**
 * @file
 * @brief Pointwise constitutive response of every leafmech material, host and device.
 *
 * A material is an isochoric part W_iso(C_bar) (one of the models in materials/models/, chosen at run time by
 * MaterialParameters::model) and a decoupled volumetric part U(J). The isochoric part is evaluated here; how U enters depends on the
 * finite-element formulation (pointwise, or through an element-projected pressure), so the volumetric
 * stress helpers take the pressure p explicitly. All stresses are Kirchhoff stresses tau = J sigma, and all
 * tangents are the spatial moduli J c that give the Lie derivative of tau.
 */
#include <leafmech/kernels/isochoric_models.h> // generated: every header of materials/models/
#include <leafmech/kernels/materials/isochoric_projection.h>
#include <leafmech/kernels/materials/volumetric.h>

#include <type_traits>

namespace leafmech::kernels
{
  /// Plain-data material description, copied as is to the device.
  struct MaterialParameters
  {
    int                model = 0; ///< index of the isochoric model in IsochoricModels (model_index<M>())
    double             constants[max_material_constants] = {}; ///< the model's, in its Constant order
    double             bulk_modulus = 0.0; ///< kappa, MPa
    VolumetricFunction volumetric   = VolumetricFunction::ogden_quadratic;
  };

  /// Position of model M in the list (what MaterialParameters::model holds).
  template <typename M, typename First, typename... Rest>
  constexpr int model_index(ModelList<First, Rest...>)
  {
    if constexpr (std::is_same_v<M, First>)
      return 0;
    else
      return 1 + model_index<M>(ModelList<Rest...>{});
  }
  template <typename M>
  constexpr int model_index()
  {
    return model_index<M>(IsochoricModels{});
  }

  /// Calls the fictitious response of the model at `index` (a chain of comparisons the compiler unrolls).
  template <int I, typename... Ms>
  struct IsochoricDispatch
  {
    LEAFMECH_HOST_DEVICE static double fictitious(int, const double *, const Mat3 &, double, const double *,
                                                  const Sym3 &, Sym3 &, Sym4 &)
    {
      return 0.0; // no model has this index: MaterialParameters::model comes from model_index()
    }
  };
  template <int I, typename M, typename... Ms>
  struct IsochoricDispatch<I, M, Ms...>
  {
    LEAFMECH_HOST_DEVICE static double fictitious(int index, const double *k, const Mat3 &F, double J,
                                                  const double *a0, const Sym3 &b_bar, Sym3 &tau_bar, Sym4 &c_bar)
    {
      return index == I ? M::fictitious(k, F, J, a0, b_bar, tau_bar, c_bar)
                        : IsochoricDispatch<I + 1, Ms...>::fictitious(index, k, F, J, a0, b_bar, tau_bar, c_bar);
    }
  };
  template <typename... Ms>
  LEAFMECH_HOST_DEVICE inline double dispatch_fictitious(ModelList<Ms...>, int index, const double *k,
                                                         const Mat3 &F, double J, const double *a0,
                                                         const Sym3 &b_bar, Sym3 &tau_bar, Sym4 &c_bar)
  {
    return IsochoricDispatch<0, Ms...>::fictitious(index, k, F, J, a0, b_bar, tau_bar, c_bar);
  }

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
    const double W = dispatch_fictitious(IsochoricModels{}, p.model, p.constants, F, J, a0, b_bar, tau_bar, c_bar);
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
