#pragma once
/**
 * @file
 * @brief What a valvuloplasty did to the valve, read from the step records of a run (or of its first n steps):
 * the split of every commissure, the leaflet tear measure at its worst, and the regurgitation risk.
 */
#include <optional>
#include <solver/regurgitation_risk.h>
#include <solver/solid_solver.h>
#include <string>
#include <utility>
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
    const StepRecord              *worst_tear = nullptr; ///< the step of the largest tear index, if any
    double                         tear_index = 0;
    double                         max_principal_stress_MPa = 0;
    std::optional<RiskAssessment>  risk; ///< when both commissures and a tear measure are known
  };

  /// Value of a measure in a step, or NaN if the step does not have it.
  double measure(const StepRecord &step, const std::string &name);

  /// The outcome after the first `n_steps` steps (commissures from the last of them, the tear at its worst).
  ValveOutcome valve_outcome(const std::vector<StepRecord> &steps, std::size_t n_steps,
                             const std::vector<std::pair<std::string, double>> &mesh_metrics);
} // namespace leafmech
