#include <solver/postprocess/postprocessors/balloon_status.h>
#include <solver/postprocess/postprocessors/commissure_splits.h>
#include <solver/postprocess/valve_outcome.h>

namespace leafmech
{
  const StepReport *phase_end(const std::vector<StepReport> &steps, const std::string &phase)
  {
    const StepReport *end = nullptr;
    for (const StepReport &s : steps)
      if (s.record.phase == phase && s.record.load_factor >= 1.0 - 1e-12)
        end = &s;
    return end;
  }

  ValveOutcome valve_outcome(const std::vector<StepReport> &steps, std::size_t n_steps)
  {
    ValveOutcome o;
    n_steps = std::min(n_steps, steps.size());
    if (n_steps == 0)
      return o;
    if (const SplitResult *splits = steps[n_steps - 1].results.find<SplitResult>())
      for (std::size_t g = 0; g < splits->commissures.size(); ++g)
        {
          const CommissureSplit &s = splits->commissures[g];
          CommissureOutcome      c;
          c.name                = s.name;
          c.interface_length_mm = s.interface_length_mm;
          // The interface runs further than the fusion, over the commissural leaflet to the annulus, so a split
          // can run past the fusion (fraction > 1).
          c.fused_length_mm = s.fused_length_mm;
          c.split_length_mm = s.split_length_mm;
          c.split_fraction  = c.fused_length_mm > 0 ? c.split_length_mm / c.fused_length_mm : 0.0;
          c.max_opening_mm  = s.max_opening_mm;
          c.dissipated_mJ   = s.dissipated_mJ;
          for (std::size_t k = 0; k < n_steps; ++k)
            {
              const SplitResult *at = steps[k].results.find<SplitResult>();
              if (at != nullptr && g < at->commissures.size() && at->commissures[g].split_length_mm > 0)
                {
                  if (const BalloonResult *b = steps[k].results.find<BalloonResult>())
                    c.first_split_diameter_mm = b->achieved_diameter_mm;
                  break;
                }
            }
          o.commissures.push_back(c);
        }
    // The tear measure at its worst step (the tissue is not damaged by it, so the peak is what matters).
    for (std::size_t k = 0; k < n_steps; ++k)
      if (const TearResult *t = steps[k].results.find<TearResult>())
        {
          if (o.worst_tear == nullptr || t->tear_index > o.tear.tear_index)
            o.worst_tear = &steps[k], o.tear = *t;
          o.max_principal_stress_MPa = std::max(o.max_principal_stress_MPa, t->max_principal_stress_MPa);
        }
    if (o.worst_tear != nullptr && !o.commissures.empty())
      {
        std::vector<double>      fractions;
        std::vector<std::string> names;
        for (const CommissureOutcome &c : o.commissures)
          fractions.push_back(c.split_fraction), names.push_back(c.name);
        o.risk = assess_risk(o.tear.tear_index, fractions, names);
      }
    return o;
  }
} // namespace leafmech
