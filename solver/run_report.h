#pragma once
/**
 * @file
 * @brief The machine-readable record of a run: summary.json (DESIGN.md section 4), history.csv (one row per
 * converged load step) and newton.csv (one row per Newton iteration). Rank 0 writes; files are atomic.
 */
#include <map>
#include <optional>
#include <solver/solid_solver.h>
#include <solver/stepwise_settings.h>
#include <string>
#include <vector>

namespace leafmech
{
  struct RunReport
  {
    std::string                   status = "failed"; ///< "completed" | "failed" | "stopped" (resumable)
    std::string                   message;
    double                        wall_time_s = 0.0;
    unsigned int                  mpi_ranks   = 1;
    unsigned int                  resumed_from_step = 0; ///< the checkpoint's step when resumed, else 0
    std::string                   backend;
    std::string                   problem;
    unsigned long long            cells = 0, dofs = 0;
    RunOutcome                    outcome;
    std::vector<Probe>            probes;
    std::vector<ProbeValue>       probe_values;
    std::vector<StepRecord>       steps;
    std::vector<IterationRecord>  iterations;
    std::map<std::string, double> timings_s;
    using Measures = std::vector<std::pair<std::string, double>>;
    Measures mesh_metrics;     ///< valve geometry figures (units in the names)
    struct Balloon
    {
      std::string model;   ///< empty without a balloon
      std::string control; ///< "diameter" | "pressure"
      double      target_diameter_mm = 0;
    } balloon;
    Measures initial_measures; ///< state measures of the reference configuration
    std::map<std::string, Measures> phase_end_measures; ///< state measures at the end of each completed phase
    StepwiseSettings                stepwise;           ///< the stepwise protocol, if the run is one
  };

  /// What the viscous stabilisation dissipated over a run, against the largest strain energy it reached.
  struct StabilizationEnergy
  {
    double dissipated_mJ = 0.0, max_strain_energy_mJ = 0.0;
    double fraction() const { return max_strain_energy_mJ > 0.0 ? dissipated_mJ / max_strain_energy_mJ : 0.0; }
  };
  /// Above this fraction of the strain energy the log asks for a check that the damping does not change the answer.
  constexpr double stabilization_warning_fraction = 0.05;
  /// Read from the step records; nullopt when the run was not stabilised.
  std::optional<StabilizationEnergy> stabilization_energy(const std::vector<StepRecord> &steps);

  void write_summary_json(const std::string &directory, const RunReport &report);
  void write_history_csv(const std::string &directory, const RunReport &report);
  void write_newton_csv(const std::string &directory, const RunReport &report);
  /// stepwise.csv: one row per round of a stepwise protocol (balloon size, splits, tear index, MVA, risk, stop).
  void write_stepwise_csv(const std::string &directory, const RunReport &report);

  /// leafmech's version string.
  std::string version();
} // namespace leafmech
