#pragma once
/**
 * @file
 * @brief Leaflet tear measure: the largest principal Cauchy stress in the leaflet body (leaflet materials;
 * the commissural fusion and calcium excluded) against the tissue's strength in that direction.
 *
 * Valve tissue is several times stronger along its collagen fibres than across them, so the strength a
 * principal stress sigma_1 with unit direction v meets depends on the angle to the deformed fibre a = F a0 / |F a0|:
 *   1 / S^2 = c / S_f^2 + (1 - c) / S_r^2,  c = (v . a)^2
 * (a Tsai-Hill-type interpolation between the circumferential strength S_f and the radial strength S_r).
 * The tear index is max(sigma_1, 0) / S: 1 means the tissue's failure stress is reached.
 */
#include <deal.II/base/point.h>

#include <solver/solid_solver.h>
#include <string>
#include <vector>

namespace leafmech
{
  struct TearState
  {
    double             max_principal_stress = 0.0; ///< MPa, over the leaflet body
    double             tear_index           = 0.0; ///< the largest sigma_1 / S
    dealii::Point<dim> location;                   ///< reference position of the largest tear index (mm)
    std::string        leaflet;                    ///< "anterior" | "posterior" | "" (no leaflet cells)
    std::vector<float> cell_tear_index;            ///< per active cell (locally owned; 0 outside the body)
  };

  /// Evaluates the measure at the quadrature points of every locally owned leaflet cell, reduced over ranks.
  TearState assess_tear(SolidSolver &solver, const RunParameters &parameters, const TissueStrength &strength,
                        MPI_Comm comm);
} // namespace leafmech
