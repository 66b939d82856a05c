#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <solver/regurgitation_risk.h>
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
    /// Value of a measure in a step, or NaN if the step does not have it.
    double measure(const StepRecord &s, const std::string &name)
    {
      for (const auto &[key, value] : s.measures)
        if (key == name)
          return value;
      return std::numeric_limits<double>::quiet_NaN();
    }

    /**
     * Commissures (split per cohesive group), the leaflet tear measure at its worst over the run, and the
     * regurgitation risk with its reasons (the rule set documented in docs/outcome.md).
     */
    void add_valve_outcome(nlohmann::json &j, const RunReport &r)
    {
      if (r.steps.empty())
        return;
      const StepRecord &last = r.steps.back();
      std::vector<std::string> groups;
      for (const auto &[key, value] : last.measures)
        if (const auto at = key.rfind("_split_length_mm"); at != std::string::npos && at + 16 == key.size())
          groups.push_back(key.substr(0, at));
      std::vector<double> fractions;
      for (const std::string &g : groups)
        {
          // The fused length the geometry was built with; the interface runs further, over the commissural
          // leaflet to the annulus, so a split can run past the fusion (fraction > 1).
          double fused = measure(last, g + "_interface_length_mm");
          for (const auto &[name, value] : r.mesh_metrics)
            if (name == g + " fused length (mm)")
              fused = value;
          const double split = measure(last, g + "_split_length_mm");
          nlohmann::json first = nullptr;
          for (const StepRecord &s : r.steps)
            if (measure(s, g + "_split_length_mm") > 0)
              {
                const double d = measure(s, "balloon_achieved_diameter_mm");
                first          = std::isnan(d) ? nlohmann::json() : nlohmann::json(d);
                break;
              }
          const double fraction = fused > 0 ? split / fused : 0.0;
          fractions.push_back(fraction);
          j["commissures"][g] = {{"fused_length_mm", fused},
                                 {"interface_length_mm", measure(last, g + "_interface_length_mm")},
                                 {"split_length_mm", split},
                                 {"split_fraction", fraction},
                                 {"first_split_diameter_mm", first},
                                 {"max_opening_mm", measure(last, g + "_max_opening_mm")},
                                 {"dissipated_mJ", measure(last, g + "_dissipated_mJ")}};
        }
      // The tear measure at its worst step (the tissue is not damaged by it, so the peak is what matters).
      const StepRecord *worst = nullptr;
      for (const StepRecord &s : r.steps)
        if (!std::isnan(measure(s, "leaflet_tear_index")) &&
            (worst == nullptr || measure(s, "leaflet_tear_index") > measure(*worst, "leaflet_tear_index")))
          worst = &s;
      double tear = 0.0;
      if (worst != nullptr)
        {
          tear = measure(*worst, "leaflet_tear_index");
          double max_stress = 0.0;
          for (const StepRecord &s : r.steps)
            max_stress = std::max(max_stress, measure(s, "leaflet_max_principal_stress_MPa"));
          j["leaflets"] = {{"max_principal_stress_MPa", max_stress},
                           {"tear_index", tear},
                           {"tear_location_mm",
                            {measure(*worst, "tear_location_x_mm"), measure(*worst, "tear_location_y_mm"),
                             measure(*worst, "tear_location_z_mm")}},
                           {"tear_leaflet", measure(*worst, "tear_leaflet_anterior") > 0.5 ? "anterior" : "posterior"},
                           {"tear_step", worst->step},
                           {"torn", tear >= 1.0}};
        }
      if (worst == nullptr || groups.empty())
        return;
      const RiskAssessment risk = assess_risk(tear, fractions, groups);
      j["regurgitation_risk"]   = {{"category", risk.category}, {"reasons", risk.reasons}};
    }
  } // namespace

  void write_summary_json(const std::string &directory, const RunReport &r)
  {
    nlohmann::json j;
    j["status"]      = r.status;
    j["message"]     = r.message;
    j["version"]     = version();
    j["wall_time_s"] = r.wall_time_s;
    j["mpi_ranks"]   = r.mpi_ranks;
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
