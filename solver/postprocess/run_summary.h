#pragma once
/**
 * @file
 * @brief A run's summary.json read back into typed values (the sweep tables and the report pages gather
 * these): the inverse of summary_json.cc for the keys they need.
 */
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace leafmech
{
  struct RunSummary
  {
    struct Split
    {
      std::string           commissure;
      std::optional<double> length_mm, fraction, fused_length_mm, first_split_diameter_mm;
    };

    std::string           status = "failed";
    std::string           message;
    std::string           problem;
    std::optional<double> wall_time_s, load_factor;
    unsigned long long    cells = 0, dofs = 0, mpi_ranks = 1, load_steps = 0, newton_iterations = 0;
    std::vector<Split>    splits;
    bool                  has_leaflets = false; ///< the run assessed a tear (a valve)
    std::optional<double> tear_index, max_principal_stress_MPa;
    std::vector<double>   tear_location_mm;
    std::string           tear_leaflet;
    std::optional<bool>   torn;
    bool                  has_mva = false; ///< the run measured MVA
    std::optional<double> mva_pre_cm2, mva_post_cm2;
    std::optional<std::string> risk;
    std::vector<std::string>   risk_reasons;
    std::string                balloon_model, balloon_control;
    std::optional<double>      balloon_target_mm, balloon_achieved_mm, balloon_pressure_kPa;
    std::optional<double>      max_contact_pressure_kPa, friction_work_mJ;
    std::optional<double>      annular_dilation_percent; ///< an elastic annulus
    /// Dynamic runs: the largest kinetic over strain energy at the end of a phase (the quasi-static check).
    std::optional<double>      phase_end_kinetic_to_strain_max;
    std::optional<double>      stabilization_fraction;
    std::map<std::string, double> timings_s;
    std::map<std::string, double> geometry; ///< mesh/geometry figures (units in the names)
  };

  /// The summary.json at `path`, or nullopt if it is missing or unreadable (a run refused or killed).
  std::optional<RunSummary> read_run_summary(const std::string &path);
} // namespace leafmech
