#pragma once
/**
 * @file
 * @brief A run's summary.json read back into typed values (the sweep tables gather these): the inverse of
 * summary_json.cc for the keys a table needs, kept next to the writer so the two cannot drift apart.
 */
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
      std::optional<double> length_mm, fraction;
    };

    std::string           status = "failed";
    std::string           message;
    std::optional<double> wall_time_s, load_factor;
    std::vector<Split>    splits;
    bool                  has_leaflets = false; ///< the run assessed a tear (a valve)
    std::optional<double> tear_index;
    std::optional<bool>   torn;
    bool                  has_mva = false; ///< the run measured MVA
    std::optional<double> mva_pre_cm2, mva_post_cm2;
    std::optional<std::string> risk;
  };

  /// The summary.json at `path`, or nullopt if it is missing or unreadable (a run refused or killed).
  std::optional<RunSummary> read_run_summary(const std::string &path);
} // namespace leafmech
