#pragma once
/**
 * @file
 * @brief Leaflet tear measure: the principal Cauchy stresses in the leaflet body (leaflet materials; the
 * commissural fusion and calcium excluded) against the tissue's strength in their directions.
 *
 * Valve tissue is several times stronger along its collagen fibres than across them, so the strength a
 * principal stress sigma_i with unit direction v_i meets depends on the angle to the deformed fibre
 * a = F a0 / |F a0|:
 *   1 / S^2 = c / S_f^2 + (1 - c) / S_r^2,  c = (v_i . a)^2
 * (a Tsai-Hill-type interpolation between the circumferential strength S_f and the radial strength S_r).
 * The tear index is max_i max(sigma_i, 0) / S(v_i): 1 means the tissue's failure stress is reached in some
 * direction (not always that of the largest principal stress: a smaller stress across the fibres can govern).
 */
#include <deal.II/base/point.h>
#include <deal.II/base/symmetric_tensor.h>

#include <solver/solid_solver.h>
#include <string>
#include <vector>

namespace leafmech
{
  struct TearState
  {
    double             max_principal_stress = 0.0; ///< MPa, over the leaflet body
    double             tear_index           = 0.0; ///< the largest index over the points
    dealii::Point<dim> location;                   ///< reference position of the largest tear index (mm)
    std::string        leaflet;                    ///< "anterior" | "posterior" | "" (no leaflet cells)
    std::vector<float> cell_tear_index;            ///< per active cell (locally owned; 0 outside the body)
  };

  /// Tear index max_i max(sigma_i, 0) / S(v_i) at one point; `fibre` is the unit deformed fibre direction.
  double tear_index(const dealii::SymmetricTensor<2, dim> &sigma, const dealii::Tensor<1, dim> &fibre,
                    const TissueStrength &strength);

  /**
   * @brief Evaluates the measure at the quadrature points of every locally owned leaflet cell, reduced over
   * ranks; `pressure` is the solver's pressure_fields() of the current state (computed once by the caller).
   */
  TearState assess_tear(SolidSolver &solver, const std::vector<CellPressureField> &pressure,
                        const RunParameters &parameters, const TissueStrength &strength, MPI_Comm comm);
} // namespace leafmech
