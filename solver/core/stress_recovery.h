#pragma once
/**
 * @file
 * @brief Cauchy stress at a point from the deformation gradient, for output and probes.
 */
#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/base/tensor.h>

#include <solver/core/cell_integrator.h>
#include <solver/models/material_model.h>

namespace leafmech
{
  /**
   * @brief sigma = tau / J. In the three-field formulation the volumetric part uses the cell's projected
   * pressure p (MPa); in the displacement formulation p is ignored and U'(J) is used pointwise.
   */
  dealii::SymmetricTensor<2, dim> cauchy_stress(const MaterialDescription &material, const dealii::Tensor<2, dim> &F,
                                                const dealii::Tensor<1, dim> &fibre, VolumetricFormulation formulation,
                                                double three_field_pressure);

  /// von Mises equivalent stress (MPa).
  double von_mises(const dealii::SymmetricTensor<2, dim> &sigma);

  /// Largest principal value (MPa).
  double max_principal(const dealii::SymmetricTensor<2, dim> &sigma);
} // namespace leafmech
