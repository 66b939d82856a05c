#include <deal.II/base/utilities.h>

#include <cmath>
#include <limits>
#include <iomanip>
#include <base/parsing.h>
#include <solver/postprocess/postprocessors/balloon_status.h>
#include <solver/postprocess/postprocessors/orifice_area.h>
#include <solver/postprocess/stepwise_protocol.h>
#include <sstream>
#include <stdexcept>

namespace leafmech
{
  using namespace dealii;

  void declare_stepwise_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Stepwise protocol");
    prm.declare_entry("Balloon diameters", "", Patterns::Anything(),
                      "Waist diameters (mm) of successive inflations on the same valve, increasing, e.g. '13, 13.5, "
                      "14, 14.5'. Each inflation is followed by the withdrawal and the diastolic reopening, with the "
                      "commissure damage carried to the next. Empty: one inflation to Balloon/Target diameter. Needs "
                      "Balloon/Control = diameter and Load stepping/Deflation steps > 0.");
    prm.declare_entry("Target MVA", "1.5", Patterns::Double(0.0, 10.0),
                      "Stop once the post-procedure mitral valve area of a round reaches this (cm^2).");
    prm.declare_entry("Stop at full split", "true", Patterns::Bool(),
                      "Stop once a commissure is split along its whole fused length.");
    prm.declare_entry("Stop when risk rises", "true", Patterns::Bool(),
                      "Stop once the regurgitation risk category rises, and recommend the size before.");
    prm.leave_subsection();
  }

  StepwiseSettings parse_stepwise_parameters(ParameterHandler &prm)
  {
    StepwiseSettings s;
    prm.enter_subsection("Stepwise protocol");
    for (const std::string &item : Utilities::split_string_list(prm.get("Balloon diameters"), ','))
      {
        double d = 0;
        try
          {
            d = parse_number(item, "Stepwise protocol/Balloon diameters");
          }
        catch (const std::invalid_argument &)
          {
            d = 0;
          }
        if (!(d > 0))
          throw std::invalid_argument("Stepwise protocol/Balloon diameters: '" + excerpt(item) +
                                      "' is not a diameter in mm; give increasing numbers, e.g. 13, 13.5, 14");
        if (!s.diameters.empty() && !(d > s.diameters.back()))
          throw std::invalid_argument("Stepwise protocol/Balloon diameters must increase: " + item + " mm follows " +
                                      Utilities::to_string(s.diameters.back()) + " mm");
        s.diameters.push_back(d);
      }
    s.target_mva_cm2     = prm.get_double("Target MVA");
    s.stop_on_full_split = prm.get_bool("Stop at full split");
    s.stop_on_risk_rise  = prm.get_bool("Stop when risk rises");
    prm.leave_subsection();
    return s;
  }

  namespace
  {
    int risk_rank(const std::string &category) { return category == "high" ? 2 : category == "moderate" ? 1 : 0; }

    std::string risk_of(const ValveOutcome &o) { return o.risk ? o.risk->category : "low"; }

    std::string mm(double d)
    {
      std::ostringstream s;
      s << std::setprecision(4) << d << " mm";
      return s.str();
    }

    /// Applies the rules to the last round; fills its stop reason and the recommendation when one fires.
    void decide(const StepwiseSettings &settings, StepwiseResult &r)
    {
      StepwiseRound     &round = r.rounds.back();
      const std::size_t  i     = r.rounds.size() - 1;
      const std::string  now = risk_of(round.outcome), before = i == 0 ? r.baseline_risk : risk_of(r.rounds[i - 1].outcome);
      std::ostringstream why;
      if (settings.stop_on_risk_rise && risk_rank(now) > risk_rank(before))
        {
          why << "the regurgitation risk rose from " << before << " to " << now << " at " << mm(round.diameter_mm);
          if (round.outcome.risk)
            for (const std::string &reason : round.outcome.risk->reasons)
              why << "; " << reason;
          round.stop = why.str();
          if (i > 0)
            {
              r.recommended_mm = r.rounds[i - 1].diameter_mm;
              r.recommendation = mm(*r.recommended_mm) + ", the last size before " + round.stop;
            }
          else
            r.recommendation = "none of the sizes tried: already the smallest, " + round.stop +
                               "; try smaller sizes";
          return;
        }
      for (const CommissureOutcome &c : round.outcome.commissures)
        if (settings.stop_on_full_split && c.split_fraction >= 1.0)
          {
            why << "the " << c.name << " commissure split along its whole fused length (" << std::setprecision(3)
                << c.split_length_mm << " of " << c.fused_length_mm << " mm) at " << mm(round.diameter_mm);
            round.stop       = why.str();
            r.recommended_mm = round.diameter_mm;
            r.recommendation = mm(round.diameter_mm) + ": " + round.stop;
            return;
          }
      if (round.mva_post_cm2 >= settings.target_mva_cm2)
        {
          why << "the MVA reached " << std::setprecision(3) << round.mva_post_cm2 << " cm^2 (target "
              << settings.target_mva_cm2 << ") at " << mm(round.diameter_mm);
          round.stop       = why.str();
          r.recommended_mm = round.diameter_mm;
          r.recommendation = mm(round.diameter_mm) + ": " + round.stop;
          return;
        }
      if (r.rounds.size() == settings.diameters.size())
        {
          why << mm(round.diameter_mm) << ", the largest size tried: no rule stopped the protocol and the MVA, "
              << std::setprecision(3) << round.mva_post_cm2 << " cm^2, stayed below the target "
              << settings.target_mva_cm2 << " cm^2";
          r.recommended_mm = round.diameter_mm;
          r.recommendation = why.str();
        }
    }
  } // namespace

  StepwiseResult stepwise_result(const StepwiseSettings &settings, const std::vector<StepReport> &steps)
  {
    StepwiseResult r;
    r.baseline_risk = "low";
    const StepReport *inflated = nullptr;
    const double      nan      = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t k = 0; k < steps.size() && !r.finished; ++k)
      {
        const StepRecord &s   = steps[k].record;
        const bool        end = s.load_factor >= 1.0 - 1e-12;
        if (end && s.phase == "diastolic loading")
          r.baseline_risk = risk_of(valve_outcome(steps, k + 1));
        if (end && s.phase == "inflation")
          inflated = &steps[k];
        if (!end || s.phase != "deflation" || inflated == nullptr)
          continue;
        StepwiseRound        round;
        const BalloonResult *balloon = inflated->results.find<BalloonResult>();
        const OrificeResult *orifice = steps[k].results.find<OrificeResult>();
        round.diameter_mm          = balloon != nullptr ? balloon->free_diameter_mm : nan;
        round.achieved_diameter_mm = balloon != nullptr ? balloon->achieved_diameter_mm : nan;
        round.mva_post_cm2         = orifice != nullptr ? orifice->area_cm2 : nan;
        round.outcome              = valve_outcome(steps, k + 1);
        r.rounds.push_back(round);
        decide(settings, r);
        r.finished = !r.rounds.back().stop.empty() || r.rounds.size() == settings.diameters.size();
      }
    return r;
  }
} // namespace leafmech
