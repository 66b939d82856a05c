#include <algorithm>
#include <iomanip>
#include <solver/postprocess/regurgitation_risk.h>
#include <sstream>

namespace leafmech
{
  RiskAssessment assess_risk(double tear_index, const std::vector<double> &split_fractions,
                             const std::vector<std::string> &names)
  {
    using namespace RiskThresholds;
    RiskAssessment risk{"low", {}};
    int            level = 0;
    const auto     fire  = [&](int rule_level, const std::string &reason) {
      level = std::max(level, rule_level);
      risk.reasons.push_back(reason);
    };
    const auto number = [](double v) {
      std::ostringstream s;
      s << std::fixed << std::setprecision(2) << v;
      return s.str();
    };
    if (tear_index >= 1.0)
      fire(2, "predicted leaflet tear: tear index " + number(tear_index) + " >= 1 (leaflet stress reached the "
              "tissue's strength)");
    for (std::size_t i = 0; i < split_fractions.size(); ++i)
      if (tear_index >= near_strength && split_fractions[i] < unsplit)
        fire(2, "leaflet stress near strength (tear index " + number(tear_index) + ") while the " + names[i] +
                  " commissure split only " + number(split_fractions[i]) +
                  " of its fused length: the balloon force goes into the leaflet");
    for (std::size_t i = 0; i < split_fractions.size(); ++i)
      if (split_fractions[i] > past_fusion)
        fire(1, "the " + names[i] + " commissure split past its fused length (" + number(split_fractions[i]) +
                  " of it): the split runs into the commissural leaflet toward the annulus");
    if (tear_index >= near_strength && tear_index < 1.0)
      fire(1, "leaflet stress near strength: tear index " + number(tear_index) + " >= " + number(near_strength));
    if (split_fractions.size() >= 2)
      {
        const auto [lo, hi] = std::minmax_element(split_fractions.begin(), split_fractions.end());
        if (*hi - *lo >= one_sided)
          fire(1, "one-sided split: the " + names[hi - split_fractions.begin()] + " commissure split " +
                    number(*hi) + " of its fused length, the " + names[lo - split_fractions.begin()] + " " +
                    number(*lo));
      }
    if (level == 0)
      {
        std::string splits;
        for (std::size_t i = 0; i < split_fractions.size(); ++i)
          splits += (i ? ", " : "") + names[i] + " " + number(split_fractions[i]);
        risk.reasons.push_back("no rule fired: tear index " + number(tear_index) + " < " + number(near_strength) +
                               ", split fractions " + splits + " (neither absent next to a stressed leaflet, nor "
                               "past the fusion, nor one-sided)");
      }
    risk.category = level == 2 ? "high" : level == 1 ? "moderate" : "low";
    return risk;
  }
} // namespace leafmech
