#pragma once
/**
 * @file
 * @brief The regurgitation-risk call from the predicted state: a deterministic rule set (docs/outcome.md).
 *
 * Severe mitral regurgitation after valvuloplasty comes mostly from a tear in the leaflet body, most often when
 * the commissures do not split and the balloon force goes into the leaflet instead; a split that runs the whole
 * fused length reaches the commissural leaflet and can extend toward the annulus. The rules, in order:
 *   high      tear index >= 1 (the tissue's failure stress is reached);
 *   high      tear index >= 0.7 while a commissure split less than 20 % of its fused length;
 *   moderate  a split ran past the fused length, into the commissural leaflet toward the annulus;
 *   moderate  tear index >= 0.7;
 *   moderate  one-sided split: the split fractions differ by 0.5 or more;
 *   low       none of the above.
 * The category is the highest any rule gives; every rule that fires adds its reason.
 */
#include <string>
#include <vector>

namespace leafmech
{
  struct RiskAssessment
  {
    std::string              category; ///< "low" | "moderate" | "high"
    std::vector<std::string> reasons;
  };

  namespace RiskThresholds
  {
    constexpr double near_strength   = 0.7;  ///< tear index counted as near the tissue's strength
    constexpr double unsplit         = 0.2;  ///< split fraction below which a commissure counts as not split
    constexpr double past_fusion     = 1.0;  ///< split fraction beyond which the split has left the fusion
    constexpr double one_sided       = 0.5;  ///< difference of split fractions counted as one-sided
  } // namespace RiskThresholds

  /// `split_fractions[i]` is the split fraction of the commissure `names[i]`.
  RiskAssessment assess_risk(double tear_index, const std::vector<double> &split_fractions,
                             const std::vector<std::string> &names);
} // namespace leafmech
