#include <solver/app/procedure.h>
#include <solver/models/balloon_model.h>
#include <solver/models/problem.h>

namespace leafmech
{
  std::vector<LoadPhase> run_phases(const RunParameters &parameters, const Problem &problem,
                                    const BalloonInflation &balloon)
  {
    const DynamicsSettings &dynamics = parameters.solver.dynamics;
    const auto duration = [&](double seconds) { return dynamics.enabled ? seconds : 0.0; };
    if (!balloon.enabled() || problem.valve() == nullptr)
      {
        LoadPhase only;
        only.duration = duration(dynamics.loading_time);
        return {only};
      }
    std::vector<LoadPhase> phases;
    phases.push_back({"diastolic loading", parameters.solver.n_preload_steps, [](double l) { return LoadState{l, 0.0, 1.0}; }});
    phases.back().duration = duration(dynamics.loading_time);
    phases.push_back({"inflation", parameters.solver.n_load_steps, [](double l) { return LoadState{1.0, l, 1.0}; }});
    phases.back().duration = duration(dynamics.inflation_time);
    // Deflation: the balloon is withdrawn and the valve recoils. The tissue is hyperelastic, so with every
    // load off it returns to its stress-free reference, and the only memory of the inflation is the
    // irreversible commissure damage (opened pairs carry no traction at zero opening). The phase therefore
    // starts from the reference with the damage kept and re-applies the diastolic loads; its end is the
    // post-procedure valve. (Following the deflating balloon instead drags the leaflets that the diastolic
    // pressure holds on its distal bulb, and the continuation stalls; docs/outcome.md.)
    const auto deflation = [&] {
      LoadPhase p{"deflation", parameters.solver.n_deflation_steps, [](double l) { return LoadState{l, 0.0, 0.0}; },
                  /*from_reference=*/true};
      p.duration = duration(dynamics.deflation_time);
      return p;
    };
    // The stepwise protocol: inflation and deflation again for every size, the damage carried over.
    for (const double d : parameters.stepwise.diameters)
      {
        phases.push_back(phases[1]);
        phases.back().balloon_diameter = d;
        phases.push_back(deflation());
        phases.back().balloon_diameter = d;
      }
    if (parameters.stepwise.enabled())
      phases.erase(phases.begin() + 1);
    else if (parameters.solver.n_deflation_steps > 0)
      phases.push_back(deflation());
    return phases;
  }
} // namespace leafmech
