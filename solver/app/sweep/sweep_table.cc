#include <algorithm>
#include <base/atomic_file.h>
#include <fstream>
#include <sstream>
#include <solver/app/sweep/sweep_grid.h>
#include <solver/app/sweep/sweep_table.h>
#include <solver/postprocess/run_summary.h>

namespace leafmech
{
  namespace
  {
    namespace fs = std::filesystem;
    using Json   = nlohmann::json;

    /// ": <the run's own error message>" from a point's terminal.txt, or "".
    std::string first_error(const fs::path &dir)
    {
      std::ifstream in(dir / "terminal.txt");
      for (std::string line; std::getline(in, line);)
        if (line.rfind("leafmech: ", 0) == 0)
          return ": " + line.substr(10);
      return "";
    }

    std::string csv_field(const std::string &s)
    {
      if (s.find_first_of(",\"\n") == std::string::npos)
        return s;
      std::string q = "\"";
      for (const char c : s)
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
      return q + "\"";
    }

    std::string json_cell(const Json &v)
    {
      if (v.is_null())
        return "";
      if (v.is_string())
        return v.get<std::string>();
      if (v.is_number())
        return format_number(v.get<double>());
      return v.dump();
    }

  } // namespace

  /// Gathers every point's summary into sweep.csv and sweep.json; returns how many did not complete.
  unsigned int gather_sweep(const fs::path &root, std::ostream &log)
  {
    const Json manifest = read_json(root / "sweep_points.json");
    if (!manifest.is_object())
      throw std::invalid_argument("'" + root.string() + "' holds no sweep (sweep_points.json is missing); give "
                                  "the directory that `leafmech sweep` or --emit-slurm wrote");
    const auto names = manifest["parameters"].get<std::vector<std::string>>();
    Json       rows   = Json::array();
    std::vector<std::string> commissures;
    unsigned int failed = 0;
    const auto optional_json = [](const auto &v) { return v ? Json(*v) : Json(); };
    for (const SweepPoint &p : points_of(manifest))
      {
        const fs::path                  dir     = root / p.directory;
        const std::optional<RunSummary> summary = read_run_summary((dir / "summary.json").string());
        Json                            row;
        row["point"] = p.directory;
        for (std::size_t i = 0; i < names.size(); ++i)
          row[names[i]] = p.values[i];
        if (!summary)
          {
            row["status"]  = fs::exists(dir) ? "failed" : "not run";
            row["message"] = fs::exists(dir) ? "no summary.json: the input was refused or the run was killed "
                                               "(see " + p.directory + "/terminal.txt)" + first_error(dir)
                                             : "not run yet";
          }
        else
          {
            row["status"]      = summary->status;
            row["message"]     = summary->message;
            row["wall_time_s"] = optional_json(summary->wall_time_s);
            row["load_factor"] = optional_json(summary->load_factor);
            for (const RunSummary::Split &split : summary->splits)
              {
                row[split.commissure + "_split_length_mm"] = optional_json(split.length_mm);
                row[split.commissure + "_split_fraction"]  = optional_json(split.fraction);
                if (std::find(commissures.begin(), commissures.end(), split.commissure) == commissures.end())
                  commissures.push_back(split.commissure);
              }
            if (summary->has_leaflets)
              {
                row["tear_index"] = optional_json(summary->tear_index);
                row["torn"]       = optional_json(summary->torn);
              }
            if (summary->has_mva)
              {
                row["mva_pre_cm2"]  = optional_json(summary->mva_pre_cm2);
                row["mva_post_cm2"] = optional_json(summary->mva_post_cm2);
              }
            if (summary->risk)
              row["risk"] = *summary->risk;
            // The balloon's and the procedure's own figures (balloon runs; absent columns stay empty).
            row["balloon_target_diameter_mm"]   = optional_json(summary->balloon_target_mm);
            row["balloon_achieved_diameter_mm"] = optional_json(summary->balloon_achieved_mm);
            row["balloon_pressure_kPa"]         = optional_json(summary->balloon_pressure_kPa);
            row["contact_max_pressure_kPa"]     = optional_json(summary->max_contact_pressure_kPa);
            row["friction_work_mJ"]             = optional_json(summary->friction_work_mJ);
            row["annular_dilation_percent"]     = optional_json(summary->annular_dilation_percent);
            row["phase_end_kinetic_to_strain_max"] = optional_json(summary->phase_end_kinetic_to_strain_max);
            if (!summary->tear_leaflet.empty())
              row["tear_leaflet"] = summary->tear_leaflet;
            if (summary->tear_location_mm.size() == 3)
              for (unsigned int d = 0; d < 3; ++d)
                row[std::string("tear_location_") + "xyz"[d] + "_mm"] = summary->tear_location_mm[d];
            row["load_steps"]        = summary->load_steps;
            row["newton_iterations"] = summary->newton_iterations;
          }
        failed += row["status"] == "completed" ? 0 : 1;
        rows.push_back(row);
      }
    std::vector<std::string> columns{"point"};
    columns.insert(columns.end(), names.begin(), names.end());
    columns.insert(columns.end(), {"status", "wall_time_s", "load_factor"});
    for (const auto &c : commissures)
      columns.insert(columns.end(), {c + "_split_length_mm", c + "_split_fraction"});
    columns.insert(columns.end(), {"balloon_target_diameter_mm", "balloon_achieved_diameter_mm", "balloon_pressure_kPa",
                                   "contact_max_pressure_kPa", "tear_index", "tear_leaflet", "tear_location_x_mm",
                                   "tear_location_y_mm", "tear_location_z_mm", "torn", "mva_pre_cm2", "mva_post_cm2",
                                   "risk", "annular_dilation_percent", "friction_work_mJ",
                                   "phase_end_kinetic_to_strain_max", "load_steps", "newton_iterations", "message"});
    std::ostringstream csv;
    for (std::size_t i = 0; i < columns.size(); ++i)
      csv << (i ? "," : "") << csv_field(columns[i]);
    csv << "\n";
    for (const auto &row : rows)
      {
        for (std::size_t i = 0; i < columns.size(); ++i)
          csv << (i ? "," : "") << csv_field(row.contains(columns[i]) ? json_cell(row[columns[i]]) : "");
        csv << "\n";
      }
    write_file_atomically((root / "sweep.csv").string(), csv.str());
    write_file_atomically((root / "sweep.json").string(),
                          Json{{"input", manifest["input"]}, {"parameters", names}, {"points", rows}}.dump(2) + "\n");
    log << "Sweep table: " << (root / "sweep.csv").string() << " (" << rows.size() - failed << " completed, "
        << failed << " not completed)\n";
    return failed;
  }
} // namespace leafmech
