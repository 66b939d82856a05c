#include <cmath>
#include <limits>
#include <solver/valve_outcome.h>

namespace leafmech
{
  double measure(const StepRecord &s, const std::string &name)
  {
    for (const auto &[key, value] : s.measures)
      if (key == name)
        return value;
    return std::numeric_limits<double>::quiet_NaN();
  }

  ValveOutcome valve_outcome(const std::vector<StepRecord> &steps, std::size_t n_steps,
                             const std::vector<std::pair<std::string, double>> &mesh_metrics)
  {
    ValveOutcome o;
    n_steps = std::min(n_steps, steps.size());
    if (n_steps == 0)
      return o;
    const StepRecord &last = steps[n_steps - 1];
    for (const auto &[key, value] : last.measures)
      if (const auto at = key.rfind("_split_length_mm"); at != std::string::npos && at + 16 == key.size())
        {
          CommissureOutcome c;
          c.name = key.substr(0, at);
          // The fused length the geometry was built with; the interface runs further, over the commissural
          // leaflet to the annulus, so a split can run past the fusion (fraction > 1).
          c.interface_length_mm = measure(last, c.name + "_interface_length_mm");
          c.fused_length_mm     = c.interface_length_mm;
          for (const auto &[name, metric] : mesh_metrics)
            if (name == c.name + " fused length (mm)")
              c.fused_length_mm = metric;
          c.split_length_mm = value;
          c.split_fraction  = c.fused_length_mm > 0 ? c.split_length_mm / c.fused_length_mm : 0.0;
          c.max_opening_mm  = measure(last, c.name + "_max_opening_mm");
          c.dissipated_mJ   = measure(last, c.name + "_dissipated_mJ");
          for (std::size_t k = 0; k < n_steps; ++k)
            if (measure(steps[k], key) > 0)
              {
                const double d = measure(steps[k], "balloon_achieved_diameter_mm");
                if (!std::isnan(d))
                  c.first_split_diameter_mm = d;
                break;
              }
          o.commissures.push_back(c);
        }
    // The tear measure at its worst step (the tissue is not damaged by it, so the peak is what matters).
    for (std::size_t k = 0; k < n_steps; ++k)
      {
        const double t = measure(steps[k], "leaflet_tear_index");
        if (!std::isnan(t) && (o.worst_tear == nullptr || t > o.tear_index))
          o.worst_tear = &steps[k], o.tear_index = t;
        const double s = measure(steps[k], "leaflet_max_principal_stress_MPa");
        if (!std::isnan(s))
          o.max_principal_stress_MPa = std::max(o.max_principal_stress_MPa, s);
      }
    if (o.worst_tear != nullptr && !o.commissures.empty())
      {
        std::vector<double>      fractions;
        std::vector<std::string> names;
        for (const CommissureOutcome &c : o.commissures)
          fractions.push_back(c.split_fraction), names.push_back(c.name);
        o.risk = assess_risk(o.tear_index, fractions, names);
      }
    return o;
  }
} // namespace leafmech
