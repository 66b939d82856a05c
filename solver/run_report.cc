#include <nlohmann/json.hpp>
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
        if (!r.balloon.model.empty())
          j["balloon"] = {{"model", r.balloon.model},
                          {"control", r.balloon.control},
                          {"target_diameter_mm", r.balloon.target_diameter_mm},
                          {"free_diameter_mm", last["balloon_free_diameter_mm"]},
                          {"achieved_diameter_mm", last["balloon_achieved_diameter_mm"]},
                          {"pressure_kPa", last["balloon_pressure_kPa"]},
                          {"max_contact_pressure_kPa", last["contact_max_pressure_kPa"]},
                          {"contact_force_N", last["contact_force_N"]}};
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
    out << std::setprecision(12) << "step,load_factor,newton_iterations,residual_norm_N,step_cuts,wall_time_s";
    for (const auto &p : r.probes)
      out << "," << p.name << "_ux_mm," << p.name << "_uy_mm," << p.name << "_uz_mm";
    for (const auto &m : r.initial_measures)
      out << "," << m.first;
    out << "\n";
    for (const auto &s : r.steps)
      {
        out << s.step << "," << s.load_factor << "," << s.newton_iterations << "," << s.residual_norm << ","
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
