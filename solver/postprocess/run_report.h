#pragma once
/**
 * @file
 * @brief The machine-readable record of a run: summary.json (DESIGN.md section 4; summary_json.cc),
 * history.csv (one row per converged load step), newton.csv (one row per Newton iteration) and stepwise.csv
 * (run_tables.cc). Rank 0 writes; files are atomic.
 */
#include <optional>
#include <solver/postprocess/postprocess_manager.h>
#include <solver/postprocess/run_record.h>
#include <string>

namespace leafmech
{
  /// What the viscous stabilisation dissipated over a run, against the largest strain energy it reached.
  struct StabilizationEnergy
  {
    double dissipated_mJ = 0.0, max_strain_energy_mJ = 0.0;
    double fraction() const { return max_strain_energy_mJ > 0.0 ? dissipated_mJ / max_strain_energy_mJ : 0.0; }
  };
  /// Above this fraction of the strain energy the log asks for a check that the damping does not change the answer.
  constexpr double stabilization_warning_fraction = 0.05;
  /// Read from the step records; nullopt when the run was not stabilised.
  std::optional<StabilizationEnergy> stabilization_energy(const std::vector<StepReport> &steps);

  void write_summary_json(const std::string &directory, const RunReport &report, const PostprocessManager &post);
  void write_history_csv(const std::string &directory, const RunReport &report, const PostprocessManager &post);
  void write_newton_csv(const std::string &directory, const RunReport &report);
  /// stepwise.csv: one row per round of a stepwise protocol (balloon size, splits, tear index, MVA, risk, stop).
  void write_stepwise_csv(const std::string &directory, const RunReport &report);
} // namespace leafmech
