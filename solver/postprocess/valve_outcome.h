#pragma once
/**
 * @file
 * @brief What a valvuloplasty did to the valve, read from the typed results of a run's steps (or of its first
 * n steps): the split of every commissure, the leaflet tear measure at its worst, and the regurgitation risk.
 */
#include <optional>
#include <solver/postprocess/postprocessors/tear_index.h>
#include <solver/postprocess/regurgitation_risk.h>
#include <solver/postprocess/run_record.h>
#include <string>
#include <vector>

namespace leafmech
{
  struct CommissureOutcome
  {
    std::string           name;
    double                fused_length_mm     = 0; ///< the fusion the geometry was built with
    double                interface_length_mm = 0; ///< the interface runs on over the commissural leaflet
    double                split_length_mm     = 0;
    double                split_fraction      = 0; ///< split / fused: beyond 1 the split has left the fusion
    double                max_opening_mm      = 0;
    double                dissipated_mJ       = 0;
    std::optional<double> first_split_diameter_mm; ///< balloon diameter at the first step with a split
  };

  struct ValveOutcome
  {
    std::vector<CommissureOutcome> commissures;
    const StepReport              *worst_tear = nullptr; ///< the step of the largest tear index, if any
    TearResult                     tear;                 ///< at that step
    double                         max_principal_stress_MPa = 0; ///< over all steps
    std::optional<RiskAssessment>  risk; ///< when both commissures and a tear measure are known
  };

  /// The outcome after the first `n_steps` steps (commissures from the last of them, the tear at its worst).
  ValveOutcome valve_outcome(const std::vector<StepReport> &steps, std::size_t n_steps);
} // namespace leafmech
