// summary.json: the machine-readable result of a run (DESIGN.md section 4; keys may grow, never change meaning).
#include <base/atomic_file.h>
#include <base/version.h>
#include <nlohmann/json.hpp>
#include <solver/postprocess/postprocessors/annular_dilation.h>
#include <solver/postprocess/postprocessors/balloon_status.h>
#include <solver/postprocess/postprocessors/chordae_tension.h>
#include <solver/postprocess/postprocessors/energies.h>
#include <solver/postprocess/postprocessors/kinetic_energy.h>
#include <solver/postprocess/postprocessors/orifice_area.h>
#include <solver/postprocess/run_report.h>
#include <solver/postprocess/stepwise_protocol.h>

namespace leafmech
{
  namespace
  {
    using Json = nlohmann::json;

    Json probe_json(const Probe &probe, const ProbeValue &value)
    {
      Json stress = Json::array();
      for (unsigned int i = 0; i < dim; ++i)
        {
          Json row = Json::array();
          for (unsigned int j = 0; j < dim; ++j)
            row.push_back(value.cauchy_stress[i][j]);
          stress.push_back(row);
        }
      return {{"point_mm", {probe.point[0], probe.point[1], probe.point[2]}},
              {"displacement_mm", {value.displacement[0], value.displacement[1], value.displacement[2]}},
              {"cauchy_stress_MPa", stress}};
    }

    /// Commissures, the leaflet tear measure at its worst over the run, and the regurgitation risk with its
    /// reasons (the rule set documented in docs/outcome.md).
    void add_valve_outcome(Json &j, const RunReport &r)
    {
      const ValveOutcome o = valve_outcome(r.steps, r.steps.size());
      for (const CommissureOutcome &c : o.commissures)
        j["commissures"][c.name] = {
          {"fused_length_mm", c.fused_length_mm},
          {"interface_length_mm", c.interface_length_mm},
          {"split_length_mm", c.split_length_mm},
          {"split_fraction", c.split_fraction},
          {"first_split_diameter_mm", c.first_split_diameter_mm ? Json(*c.first_split_diameter_mm) : Json()},
          {"max_opening_mm", c.max_opening_mm},
          {"dissipated_mJ", c.dissipated_mJ}};
      if (o.worst_tear != nullptr)
        j["leaflets"] = {{"max_principal_stress_MPa", o.max_principal_stress_MPa},
                         {"tear_index", o.tear.tear_index},
                         {"tear_location_mm", {o.tear.location_mm[0], o.tear.location_mm[1], o.tear.location_mm[2]}},
                         {"tear_leaflet", o.tear.leaflet == Leaflet::anterior ? "anterior" : "posterior"},
                         {"tear_step", o.worst_tear->record.step},
                         {"torn", o.tear.tear_index >= 1.0}};
      if (o.risk)
        j["regurgitation_risk"] = {{"category", o.risk->category}, {"reasons", o.risk->reasons}};
    }

    /// The round table of a stepwise protocol, its stop and the recommended balloon size with the reason.
    Json stepwise_json(const RunReport &r)
    {
      const StepwiseResult result = stepwise_result(r.stepwise, r.steps);
      Json                 rounds = Json::array();
      for (const StepwiseRound &round : result.rounds)
        {
          Json row = {{"balloon_diameter_mm", round.diameter_mm},
                      {"achieved_diameter_mm", round.achieved_diameter_mm},
                      {"mva_post_cm2", round.mva_post_cm2},
                      {"tear_index", round.outcome.tear.tear_index},
                      {"risk", round.outcome.risk ? round.outcome.risk->category : "low"},
                      {"risk_reasons", round.outcome.risk ? round.outcome.risk->reasons : std::vector<std::string>{}},
                      {"stop", round.stop.empty() ? Json() : Json(round.stop)}};
          for (const CommissureOutcome &c : round.outcome.commissures)
            row["commissures"][c.name] = {{"split_length_mm", c.split_length_mm}, {"split_fraction", c.split_fraction}};
          rounds.push_back(row);
        }
      return {{"balloon_diameters_mm", r.stepwise.diameters},
              {"target_mva_cm2", r.stepwise.target_mva_cm2},
              {"baseline_risk", result.baseline_risk},
              {"rounds", rounds},
              {"finished", result.finished},
              {"recommended_diameter_mm", result.recommended_mm ? Json(*result.recommended_mm) : Json()},
              {"recommendation", result.recommendation}};
    }

    /// A dynamic run's time and, at the end of each phase run, the kinetic energy against the strain energy.
    Json dynamics_json(const std::vector<StepReport> &steps)
    {
      Json phases = Json::array();
      for (std::size_t i = 0; i < steps.size(); ++i)
        {
          const KineticResult *k = steps[i].results.find<KineticResult>();
          // A phase's end: its last step, where its load factor reached 1 (not the last state of a failed run).
          const bool last_of_phase = i + 1 == steps.size() || steps[i + 1].record.phase != steps[i].record.phase;
          if (k != nullptr && last_of_phase && steps[i].record.load_factor >= 1.0 - 1e-12)
            phases.push_back({{"phase", steps[i].record.phase},
                              {"load_factor", steps[i].record.load_factor},
                              {"time_s", k->time_s},
                              {"kinetic_energy_mJ", k->kinetic_mJ},
                              {"strain_energy_mJ", k->strain_mJ},
                              {"kinetic_to_strain_energy", k->kinetic_to_strain}});
        }
      return phases.empty() ? Json() : Json{{"phase_ends", phases}};
    }

    Json as_json(const Columns &columns)
    {
      Json o = Json::object();
      for (const auto &[name, value] : columns)
        o[name] = value;
      return o;
    }

    /// The balloon at its largest (the end of the inflation, or the last state), MVA before (end of the
    /// diastolic loading) and after (end of the deflation), the chordae at the last state.
    void add_state_results(Json &j, const RunReport &r, const Results &last)
    {
      if (const OrificeResult *now = last.find<OrificeResult>())
        {
          const OrificeResult *reference = r.initial.find<OrificeResult>();
          j["orifice_area_cm2"]          = {{"reference", reference != nullptr ? Json(reference->area_cm2) : Json()},
                                   {"final", now->area_cm2}};
          // The intact valve under diastolic pressure (no balloon): the pre-procedure mitral valve area.
          if (r.status == "completed" && r.balloon.model.empty())
            j["mva_cm2"] = {{"pre", now->area_cm2}, {"post", nullptr}};
        }
      const auto at_phase_end = [&](const std::string &phase) -> const Results * {
        const StepReport *end = phase_end(r.steps, phase);
        return end != nullptr ? &end->results : nullptr;
      };
      const Results *peak = at_phase_end("inflation");
      if (peak == nullptr)
        peak = &last;
      if (!r.balloon.model.empty())
        {
          const BalloonResult *b = peak->find<BalloonResult>();
          const auto           v = [&](double BalloonResult::*field) { return b != nullptr ? Json(b->*field) : Json(); };
          j["balloon"] = {{"model", r.balloon.model},
                          {"control", r.balloon.control},
                          {"target_diameter_mm", r.balloon.target_diameter_mm},
                          {"free_diameter_mm", v(&BalloonResult::free_diameter_mm)},
                          {"achieved_diameter_mm", v(&BalloonResult::achieved_diameter_mm)},
                          {"pressure_kPa", v(&BalloonResult::pressure_kPa)},
                          {"max_contact_pressure_kPa", v(&BalloonResult::max_contact_pressure_kPa)},
                          {"contact_force_N", v(&BalloonResult::contact_force_N)},
                          {"friction_force_N", v(&BalloonResult::friction_force_N)},
                          {"friction_work_mJ", v(&BalloonResult::friction_work_mJ)}};
        }
      if (!r.balloon.model.empty() && last.find<OrificeResult>() != nullptr)
        {
          const auto mva = [&](const std::string &phase) {
            const Results       *end = at_phase_end(phase);
            const OrificeResult *o   = end != nullptr ? end->find<OrificeResult>() : nullptr;
            return o != nullptr ? Json(o->area_cm2) : Json();
          };
          j["mva_cm2"] = {{"pre", mva("diastolic loading")}, {"post", mva("deflation")}};
        }
      add_valve_outcome(j, r);
      if (r.stepwise.enabled())
        j["stepwise"] = stepwise_json(r);
      if (const AnnulusResult *a = peak->find<AnnulusResult>())
        {
          double largest = a->dilation_percent;
          for (const StepReport &s : r.steps)
            if (const AnnulusResult *at = s.results.find<AnnulusResult>())
              largest = std::max(largest, at->dilation_percent);
          j["annulus"] = {{"support", "elastic"},
                          {"dilation_mm", a->dilation_mm},
                          {"dilation_percent", a->dilation_percent},
                          {"max_dilation_percent", largest},
                          {"radial_force_N", a->radial_force_N}};
        }
      if (const ChordaeResult *c = last.find<ChordaeResult>())
        j["chordae"] = {{"max_tension_N", c->max_tension_N}, {"total_tension_N", c->total_tension_N}, {"taut", c->taut}};
    }
  } // namespace

  std::optional<StabilizationEnergy> stabilization_energy(const std::vector<StepReport> &steps)
  {
    StabilizationEnergy e;
    bool                found = false;
    for (const StepReport &s : steps)
      if (const EnergyResult *r = s.results.find<EnergyResult>(); r != nullptr && r->stabilised)
        {
          e.max_strain_energy_mJ = std::max(e.max_strain_energy_mJ, r->strain_energy_mJ);
          e.dissipated_mJ        = r->stabilization_mJ; // cumulative: the last step's is the run's
          found                  = true;
        }
    return found ? std::optional<StabilizationEnergy>(e) : std::nullopt;
  }

  void write_summary_json(const std::string &directory, const RunReport &r, const PostprocessManager &post)
  {
    Json j;
    j["status"]      = r.status;
    j["message"]     = r.message;
    j["version"]     = version();
    j["wall_time_s"] = r.wall_time_s;
    j["mpi_ranks"]   = r.mpi_ranks;
    if (r.resumed_from_step > 0)
      j["resumed_from_step"] = r.resumed_from_step;
    j["backend"] = r.backend;
    j["problem"] = r.problem;
    j["mesh"]    = {{"cells", r.cells}, {"dofs", r.dofs}};
    for (const auto &[name, value] : r.mesh_metrics)
      j["mesh"]["geometry"][name] = value;
    j["load_factor"] = r.outcome.load_factor;
    j["load_steps"]  = r.outcome.steps;
    unsigned int newton = 0;
    for (const StepReport &s : r.steps)
      newton += s.record.newton_iterations;
    j["newton_iterations"] = newton;
    j["probes"]            = Json::object();
    for (unsigned int p = 0; p < r.probes.size() && p < r.final_probes.values.size(); ++p)
      j["probes"][r.probes[p].name] = probe_json(r.probes[p], r.final_probes.values[p]);
    j["timings_s"] = r.timings_s;
    if (const auto s = stabilization_energy(r.steps))
      j["stabilization"] = {{"dissipated_mJ", s->dissipated_mJ},
                            {"max_strain_energy_mJ", s->max_strain_energy_mJ},
                            {"dissipated_fraction", s->fraction()}};
    if (const Json d = dynamics_json(r.steps); !d.is_null())
      j["dynamics"] = d;
    // State measures of the reference and the last converged state, and what they say about the valve.
    const Columns reference = post.measures(r.initial);
    if (!reference.empty())
      {
        const Results &last                = r.steps.empty() ? r.initial : r.steps.back().results;
        j["measures"]["reference"] = as_json(reference);
        j["measures"]["final"]     = as_json(post.measures(last));
        add_state_results(j, r, last);
      }
    write_file_atomically(directory + "/summary.json", j.dump(2) + "\n");
  }
} // namespace leafmech
