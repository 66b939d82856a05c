#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <solver/stepwise_protocol.h>
#include <solver/valve_outcome.h>
#include <solver/output_writer.h>
#include <solver/run_report.h>
#include <sstream>
#include <iomanip>

#ifndef LEAFMECH_VERSION
#define LEAFMECH_VERSION "unknown"
#endif

namespace leafmech
{
  std::string version() { return LEAFMECH_VERSION; }

  namespace
  {
    nlohmann::json probe_json(const Probe &probe, const ProbeValue &value)
    {
      nlohmann::json stress = nlohmann::json::array();
      for (unsigned int i = 0; i < dim; ++i)
        {
          nlohmann::json row = nlohmann::json::array();
          for (unsigned int j = 0; j < dim; ++j)
            row.push_back(value.cauchy_stress[i][j]);
          stress.push_back(row);
        }
      return {{"point_mm", {probe.point[0], probe.point[1], probe.point[2]}},
              {"displacement_mm", {value.displacement[0], value.displacement[1], value.displacement[2]}},
              {"cauchy_stress_MPa", stress}};
    }
  } // namespace

  namespace
  {
    /// Commissures, the leaflet tear measure at its worst over the run, and the regurgitation risk with its
    /// reasons (the rule set documented in docs/outcome.md).
    void add_valve_outcome(nlohmann::json &j, const RunReport &r)
    {
      const ValveOutcome o = valve_outcome(r.steps, r.steps.size(), r.mesh_metrics);
      for (const CommissureOutcome &c : o.commissures)
        j["commissures"][c.name] = {
          {"fused_length_mm", c.fused_length_mm},
          {"interface_length_mm", c.interface_length_mm},
          {"split_length_mm", c.split_length_mm},
          {"split_fraction", c.split_fraction},
          {"first_split_diameter_mm", c.first_split_diameter_mm ? nlohmann::json(*c.first_split_diameter_mm) : nlohmann::json()},
          {"max_opening_mm", c.max_opening_mm},
          {"dissipated_mJ", c.dissipated_mJ}};
      if (o.worst_tear != nullptr)
        {
          const StepRecord &w = *o.worst_tear;
          j["leaflets"] = {{"max_principal_stress_MPa", o.max_principal_stress_MPa},
                           {"tear_index", o.tear_index},
                           {"tear_location_mm",
                            {measure(w, "tear_location_x_mm"), measure(w, "tear_location_y_mm"),
                             measure(w, "tear_location_z_mm")}},
                           {"tear_leaflet", measure(w, "tear_leaflet_anterior") > 0.5 ? "anterior" : "posterior"},
                           {"tear_step", w.step},
                           {"torn", o.tear_index >= 1.0}};
        }
      if (o.risk)
        j["regurgitation_risk"] = {{"category", o.risk->category}, {"reasons", o.risk->reasons}};
    }
  } // namespace

  namespace
  {
    /// The round table of a stepwise protocol, its stop and the recommended balloon size with the reason.
    nlohmann::json stepwise_json(const RunReport &r)
    {
      const StepwiseResult result = stepwise_result(r.stepwise, r.steps, r.mesh_metrics);
      nlohmann::json       rounds = nlohmann::json::array();
      for (const StepwiseRound &round : result.rounds)
        {
          nlohmann::json row = {{"balloon_diameter_mm", round.diameter_mm},
                                {"achieved_diameter_mm", round.achieved_diameter_mm},
                                {"mva_post_cm2", round.mva_post_cm2},
                                {"tear_index", round.outcome.tear_index},
                                {"risk", round.outcome.risk ? round.outcome.risk->category : "low"},
                                {"risk_reasons", round.outcome.risk ? round.outcome.risk->reasons
                                                                    : std::vector<std::string>{}},
                                {"stop", round.stop.empty() ? nlohmann::json() : nlohmann::json(round.stop)}};
          for (const CommissureOutcome &c : round.outcome.commissures)
            row["commissures"][c.name] = {{"split_length_mm", c.split_length_mm}, {"split_fraction", c.split_fraction}};
          rounds.push_back(row);
        }
      return {{"balloon_diameters_mm", r.stepwise.diameters},
              {"target_mva_cm2", r.stepwise.target_mva_cm2},
              {"baseline_risk", result.baseline_risk},
              {"rounds", rounds},
              {"finished", result.finished},
              {"recommended_diameter_mm", result.recommended_mm ? nlohmann::json(*result.recommended_mm) : nlohmann::json()},
              {"recommendation", result.recommendation}};
    }
  } // namespace

  void write_stepwise_csv(const std::string &directory, const RunReport &r)
  {
    const StepwiseResult result = stepwise_result(r.stepwise, r.steps, r.mesh_metrics);
    std::ostringstream   out;
    out << std::setprecision(12) << "round,balloon_diameter_mm,achieved_diameter_mm";
    if (!result.rounds.empty())
      for (const CommissureOutcome &c : result.rounds.front().outcome.commissures)
        out << "," << c.name << "_split_mm," << c.name << "_split_fraction";
    out << ",tear_index,mva_post_cm2,risk,stop\n";
    for (std::size_t i = 0; i < result.rounds.size(); ++i)
      {
        const StepwiseRound &round = result.rounds[i];
        out << i + 1 << "," << round.diameter_mm << "," << round.achieved_diameter_mm;
        for (const CommissureOutcome &c : round.outcome.commissures)
          out << "," << c.split_length_mm << "," << c.split_fraction;
        out << "," << round.outcome.tear_index << "," << round.mva_post_cm2 << ","
            << (round.outcome.risk ? round.outcome.risk->category : "low") << ",\"" << round.stop << "\"\n";
      }
    write_file_atomically(directory + "/stepwise.csv", out.str());
  }

  std::optional<StabilizationEnergy> stabilization_energy(const std::vector<StepRecord> &steps)
  {
    if (steps.empty())
      return std::nullopt;
    StabilizationEnergy e;
    bool                found = false;
    for (const StepRecord &s : steps)
      for (const auto &[name, value] : s.measures)
        if (name == "strain_energy_mJ")
          e.max_strain_energy_mJ = std::max(e.max_strain_energy_mJ, value);
        else if (name == "stabilization_energy_mJ")
          {
            e.dissipated_mJ = value; // cumulative: the last step's is the run's
            found           = true;
          }
    return found ? std::optional<StabilizationEnergy>(e) : std::nullopt;
  }

  void write_summary_json(const std::string &directory, const RunReport &r)
  {
    nlohmann::json j;
    j["status"]      = r.status;
    j["message"]     = r.message;
    j["version"]     = version();
    j["wall_time_s"] = r.wall_time_s;
    j["mpi_ranks"]   = r.mpi_ranks;
    if (r.resumed_from_step > 0)
      j["resumed_from_step"] = r.resumed_from_step;
    j["backend"]     = r.backend;
    j["problem"]     = r.problem;
    j["mesh"]        = {{"cells", r.cells}, {"dofs", r.dofs}};
    for (const auto &[name, value] : r.mesh_metrics)
      j["mesh"]["geometry"][name] = value;
    j["load_factor"] = r.outcome.load_factor;
    j["load_steps"]  = r.outcome.steps;
    unsigned int newton = 0;
    for (const auto &s : r.steps)
      newton += s.newton_iterations;
    j["newton_iterations"] = newton;
    j["probes"]            = nlohmann::json::object();
    for (unsigned int p = 0; p < r.probes.size() && p < r.probe_values.size(); ++p)
      j["probes"][r.probes[p].name] = probe_json(r.probes[p], r.probe_values[p]);
    j["timings_s"] = r.timings_s;
    if (const auto s = stabilization_energy(r.steps))
      j["stabilization"] = {{"dissipated_mJ", s->dissipated_mJ},
                            {"max_strain_energy_mJ", s->max_strain_energy_mJ},
                            {"dissipated_fraction", s->fraction()}};
    // Valve measures: reference state, and the last converged state.
    if (!r.initial_measures.empty())
      {
        const auto as_json = [](const RunReport::Measures &m) {
          nlohmann::json o = nlohmann::json::object();
          for (const auto &[name, value] : m)
            o[name] = value;
          return o;
        };
        j["measures"]["reference"] = as_json(r.initial_measures);
        const nlohmann::json last  = r.steps.empty() ? j["measures"]["reference"] : as_json(r.steps.back().measures);
        j["measures"]["final"]     = last;
        if (last.contains("orifice_area_cm2"))
          {
            j["orifice_area_cm2"] = {{"reference", j["measures"]["reference"]["orifice_area_cm2"]},
                                     {"final", last["orifice_area_cm2"]}};
            // The intact valve under diastolic pressure (no balloon): the pre-procedure mitral valve area.
            if (r.status == "completed" && r.balloon.model.empty())
              j["mva_cm2"] = {{"pre", last["orifice_area_cm2"]}, {"post", nullptr}};
          }
        // A balloon in a valve: the balloon at its largest (the end of the inflation phase, or the last state
        // reached), MVA before (end of the diastolic loading) and after (end of the deflation).
        const auto phase_end = [&](const std::string &phase) -> nlohmann::json {
          const auto it = r.phase_end_measures.find(phase);
          return it == r.phase_end_measures.end() ? nlohmann::json() : as_json(it->second);
        };
        nlohmann::json peak = phase_end("inflation");
        if (peak.is_null())
          peak = last;
        if (!r.balloon.model.empty())
          j["balloon"] = {{"model", r.balloon.model},
                          {"control", r.balloon.control},
                          {"target_diameter_mm", r.balloon.target_diameter_mm},
                          {"free_diameter_mm", peak["balloon_free_diameter_mm"]},
                          {"achieved_diameter_mm", peak["balloon_achieved_diameter_mm"]},
                          {"pressure_kPa", peak["balloon_pressure_kPa"]},
                          {"max_contact_pressure_kPa", peak["contact_max_pressure_kPa"]},
                          {"contact_force_N", peak["contact_force_N"]}};
        if (!r.balloon.model.empty() && last.contains("orifice_area_cm2"))
          {
            const nlohmann::json pre = phase_end("diastolic loading"), post = phase_end("deflation");
            j["mva_cm2"] = {{"pre", pre.is_null() ? nlohmann::json() : pre["orifice_area_cm2"]},
                            {"post", post.is_null() ? nlohmann::json() : post["orifice_area_cm2"]}};
          }
        add_valve_outcome(j, r);
        if (r.stepwise.enabled())
          j["stepwise"] = stepwise_json(r);
        if (last.contains("chordae_max_tension_N"))
          j["chordae"] = {{"max_tension_N", last["chordae_max_tension_N"]},
                        {"total_tension_N", last["chordae_total_tension_N"]},
                        {"taut", last["chordae_taut"]}};
      }
    write_file_atomically(directory + "/summary.json", j.dump(2) + "\n");
  }

  void write_history_csv(const std::string &directory, const RunReport &r)
  {
    std::ostringstream out;
    out << std::setprecision(12)
        << "step,phase,load_factor,problem_factor,balloon_factor,newton_iterations,residual_norm_N,step_cuts,"
           "wall_time_s";
    for (const auto &p : r.probes)
      out << "," << p.name << "_ux_mm," << p.name << "_uy_mm," << p.name << "_uz_mm";
    for (const auto &m : r.initial_measures)
      out << "," << m.first;
    out << "\n";
    for (const auto &s : r.steps)
      {
        out << s.step << "," << s.phase << "," << s.load_factor << "," << s.state.problem << "," << s.state.balloon
            << "," << s.newton_iterations << "," << s.residual_norm << ","
            << s.cuts << "," << s.wall_time;
        for (const auto &v : s.probes)
          out << "," << v.displacement[0] << "," << v.displacement[1] << "," << v.displacement[2];
        for (const auto &m : s.measures)
          out << "," << m.second;
        out << "\n";
      }
    write_file_atomically(directory + "/history.csv", out.str());
  }

  void write_newton_csv(const std::string &directory, const RunReport &r)
  {
    std::ostringstream out;
    out << std::setprecision(12) << "step,load_factor,iteration,residual_norm_N,update_norm_mm,line_search_factor,"
                                    "linear_iterations\n";
    for (const auto &i : r.iterations)
      out << i.step << "," << i.load_factor << "," << i.iteration << "," << i.residual_norm << "," << i.update_norm
          << "," << i.step_length << "," << i.linear_iterations << "\n";
    write_file_atomically(directory + "/newton.csv", out.str());
  }
} // namespace leafmech
