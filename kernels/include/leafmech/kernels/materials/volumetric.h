#pragma once
/**
 * @file
 * @brief Decoupled volumetric energies U(J) with bulk modulus kappa (MPa), and their first two derivatives.
 *
 * Every form satisfies U(1) = U'(1) = 0 and U''(1) = kappa, so kappa is the small-strain bulk modulus.
 */
#include <leafmech/kernels/host_device.h>

#include <cmath>

namespace leafmech::kernels
{
  enum class VolumetricFunction : int
  {
    ogden_quadratic = 0, ///< U = kappa/4 (J^2 - 1 - 2 ln J)   (Simo-Taylor; step-44, Cook's gallery code)
    log_squared     = 1, ///< U = kappa/2 (ln J)^2
    quadratic       = 2  ///< U = kappa/2 (J - 1)^2
  };

  struct VolumetricResponse
  {
    double U, dU, d2U;
  };

  LEAFMECH_HOST_DEVICE inline VolumetricResponse volumetric_response(VolumetricFunction f, double kappa,
                                                                     double J)
  {
    switch (f)
      {
        case VolumetricFunction::log_squared:
          {
            const double l = log(J);
            return {0.5 * kappa * l * l, kappa * l / J, kappa * (1.0 - l) / (J * J)};
          }
        case VolumetricFunction::quadratic:
          return {0.5 * kappa * (J - 1.0) * (J - 1.0), kappa * (J - 1.0), kappa};
        case VolumetricFunction::ogden_quadratic:
        default:
          return {0.25 * kappa * (J * J - 1.0 - 2.0 * log(J)), 0.5 * kappa * (J - 1.0 / J),
                  0.5 * kappa * (1.0 + 1.0 / (J * J))};
      }
  }
} // namespace leafmech::kernels
