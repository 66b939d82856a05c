// summary.json read back (the keys are summary_json.cc's, the output contract of DESIGN.md section 4).
#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <solver/postprocess/run_summary.h>

namespace leafmech
{
  using Json = nlohmann::json;

  std::optional<RunSummary> read_run_summary(const std::string &path)
  {
    std::ifstream in(path);
    Json          j;
    try
      {
        if (!in)
          return std::nullopt;
        j = Json::parse(in);
      }
    catch (const std::exception &)
      {
        return std::nullopt; // a file being written by a run that was killed: treated as absent
      }
    if (!j.is_object())
      return std::nullopt;
    const auto number = [](const Json &o, const char *key) {
      return o.contains(key) && o[key].is_number() ? std::optional<double>(o[key].get<double>()) : std::nullopt;
    };
    RunSummary r;
    r.status      = j.value("status", "failed");
    r.message     = j.value("message", "");
    r.wall_time_s = number(j, "wall_time_s");
    r.load_factor = number(j, "load_factor");
    r.problem           = j.value("problem", "");
    r.cells             = j.contains("mesh") ? j["mesh"].value("cells", 0ull) : 0;
    r.dofs              = j.contains("mesh") ? j["mesh"].value("dofs", 0ull) : 0;
    r.mpi_ranks         = j.value("mpi_ranks", 1ull);
    r.load_steps        = j.value("load_steps", 0ull);
    r.newton_iterations = j.value("newton_iterations", 0ull);
    if (j.contains("mesh") && j["mesh"].contains("geometry"))
      for (const auto &[name, v] : j["mesh"]["geometry"].items())
        if (v.is_number())
          r.geometry[name] = v.get<double>();
    if (j.contains("timings_s"))
      for (const auto &[name, v] : j["timings_s"].items())
        if (v.is_number())
          r.timings_s[name] = v.get<double>();
    if (j.contains("commissures"))
      for (const auto &[name, c] : j["commissures"].items())
        r.splits.push_back({name, number(c, "split_length_mm"), number(c, "split_fraction"),
                            number(c, "fused_length_mm"), number(c, "first_split_diameter_mm")});
    if (j.contains("leaflets"))
      {
        const Json &l              = j["leaflets"];
        r.has_leaflets             = true;
        r.tear_index               = number(l, "tear_index");
        r.max_principal_stress_MPa = number(l, "max_principal_stress_MPa");
        r.tear_leaflet             = l.value("tear_leaflet", "");
        if (l.contains("tear_location_mm") && l["tear_location_mm"].is_array())
          for (const auto &x : l["tear_location_mm"])
            r.tear_location_mm.push_back(x.is_number() ? x.get<double>() : 0.0);
        if (l.contains("torn") && l["torn"].is_boolean())
          r.torn = l["torn"].get<bool>();
      }
    if (j.contains("balloon"))
      {
        const Json &b          = j["balloon"];
        r.balloon_model        = b.value("model", "");
        r.balloon_control      = b.value("control", "");
        r.balloon_target_mm    = number(b, "target_diameter_mm");
        r.balloon_achieved_mm  = number(b, "achieved_diameter_mm");
        r.balloon_pressure_kPa = number(b, "pressure_kPa");
        r.max_contact_pressure_kPa = number(b, "max_contact_pressure_kPa");
        r.friction_work_mJ         = number(b, "friction_work_mJ");
      }
    if (j.contains("annulus") && j["annulus"].is_object())
      r.annular_dilation_percent = number(j["annulus"], "dilation_percent");
    if (j.contains("dynamics") && j["dynamics"].contains("phase_ends"))
      for (const auto &end : j["dynamics"]["phase_ends"])
        if (const auto ratio = number(end, "kinetic_to_strain_energy"))
          r.phase_end_kinetic_to_strain_max = std::max(r.phase_end_kinetic_to_strain_max.value_or(0.0), *ratio);
    if (j.contains("stabilization"))
      r.stabilization_fraction = number(j["stabilization"], "dissipated_fraction");
    if (j.contains("mva_cm2"))
      {
        r.has_mva      = true;
        r.mva_pre_cm2  = number(j["mva_cm2"], "pre");
        r.mva_post_cm2 = number(j["mva_cm2"], "post");
      }
    if (j.contains("regurgitation_risk"))
      {
        r.risk = j["regurgitation_risk"].value("category", "");
        for (const auto &reason : j["regurgitation_risk"].value("reasons", Json::array()))
          if (reason.is_string())
            r.risk_reasons.push_back(reason.get<std::string>());
      }
    return r;
  }
} // namespace leafmech
