#include <deal.II/base/parameter_handler.h>
#include <deal.II/base/utilities.h>

#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <cmath>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <solver/input_reader.h>
#include <solver/output_writer.h>
#include <solver/run_parameters.h>
#include <solver/sweep_command.h>
#include <sstream>
#include <stdexcept>

extern char **environ;

namespace leafmech
{
  namespace
  {
    namespace fs = std::filesystem;
    using Json   = nlohmann::json;

    std::string trim(const std::string &s)
    {
      const auto a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
      return a == std::string::npos ? "" : s.substr(a, b - a + 1);
    }

    std::string format_number(double v)
    {
      std::ostringstream out;
      out << std::setprecision(12) << (std::abs(v) < 1e-12 ? 0.0 : v);
      return out.str();
    }

    struct Point
    {
      std::string              directory; ///< relative to the sweep directory
      std::vector<std::string> values;    ///< one per swept parameter
    };

    std::vector<Point> grid(const std::vector<std::vector<std::string>> &values)
    {
      std::vector<Point> points{Point{}};
      for (const auto &axis : values)
        {
          std::vector<Point> next;
          for (const auto &p : points)
            for (const auto &v : axis)
              {
                Point q = p;
                q.values.push_back(v);
                next.push_back(q);
              }
          points = next;
        }
      for (std::size_t k = 0; k < points.size(); ++k)
        {
          std::ostringstream name;
          name << "point_" << std::setw(3) << std::setfill('0') << k;
          points[k].directory = name.str();
        }
      return points;
    }

    /// The `leafmech run` arguments of a point (after the input file).
    std::vector<std::string> run_arguments(const Json &manifest, const Point &p, const std::string &dir)
    {
      std::vector<std::string> args;
      for (const auto &o : manifest["overrides"])
        args.insert(args.end(), {"--set", o.get<std::string>()});
      for (std::size_t i = 0; i < p.values.size(); ++i)
        args.insert(args.end(), {"--set", manifest["parameters"][i].get<std::string>() + "=" + p.values[i]});
      args.insert(args.end(), {"--output", dir});
      return args;
    }

    std::vector<Point> points_of(const Json &manifest)
    {
      std::vector<Point> points;
      for (const auto &p : manifest["points"])
        points.push_back({p["directory"], p["values"].get<std::vector<std::string>>()});
      return points;
    }

    Json read_json(const fs::path &path)
    {
      std::ifstream in(path);
      if (!in)
        return Json();
      try
        {
          return Json::parse(in);
        }
      catch (const std::exception &)
        {
          return Json(); // a file being written by a run that was killed: treated as absent
        }
    }

    bool completed_with(const fs::path &dir, const Point &p)
    {
      const Json summary = read_json(dir / "summary.json"), point = read_json(dir / "point.json");
      return summary.is_object() && summary.value("status", "") == "completed" && point.is_object() &&
             point.value("values", std::vector<std::string>()) == p.values;
    }

    /// Starts `argv` with stdout and stderr into `log`; returns the child's pid.
    pid_t spawn(const std::vector<std::string> &argv, const fs::path &log)
    {
      posix_spawn_file_actions_t actions;
      posix_spawn_file_actions_init(&actions);
      posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      posix_spawn_file_actions_adddup2(&actions, 1, 2);
      std::vector<char *> c_argv;
      for (const auto &a : argv)
        c_argv.push_back(const_cast<char *>(a.c_str()));
      c_argv.push_back(nullptr);
      pid_t      pid = 0;
      const int  err = posix_spawnp(&pid, c_argv[0], &actions, nullptr, c_argv.data(), environ);
      posix_spawn_file_actions_destroy(&actions);
      if (err != 0)
        throw std::runtime_error("cannot start '" + argv[0] + "': " + std::strerror(err));
      return pid;
    }

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

    /// Gathers every point's summary into sweep.csv and sweep.json; returns how many did not complete.
    unsigned int gather(const fs::path &root, std::ostream &log)
    {
      const Json manifest = read_json(root / "sweep_points.json");
      if (!manifest.is_object())
        throw std::invalid_argument("'" + root.string() + "' holds no sweep (sweep_points.json is missing); give "
                                    "the directory that `leafmech sweep` or --emit-slurm wrote");
      const auto names = manifest["parameters"].get<std::vector<std::string>>();
      Json       rows   = Json::array();
      std::vector<std::string> commissures;
      unsigned int failed = 0;
      for (const Point &p : points_of(manifest))
        {
          const fs::path dir     = root / p.directory;
          const Json     summary = read_json(dir / "summary.json");
          Json           row;
          row["point"] = p.directory;
          for (std::size_t i = 0; i < names.size(); ++i)
            row[names[i]] = p.values[i];
          if (!summary.is_object())
            {
              row["status"]  = fs::exists(dir) ? "failed" : "not run";
              row["message"] = fs::exists(dir) ? "no summary.json: the input was refused or the run was killed "
                                                 "(see " + p.directory + "/terminal.txt)" + first_error(dir)
                                               : "not run yet";
            }
          else
            {
              row["status"]      = summary.value("status", "failed");
              row["message"]     = summary.value("message", "");
              row["wall_time_s"] = summary.value("wall_time_s", Json());
              row["load_factor"] = summary.value("load_factor", Json());
              if (summary.contains("commissures"))
                for (const auto &[name, c] : summary["commissures"].items())
                  {
                    row[name + "_split_length_mm"] = c.value("split_length_mm", Json());
                    row[name + "_split_fraction"]  = c.value("split_fraction", Json());
                    if (std::find(commissures.begin(), commissures.end(), name) == commissures.end())
                      commissures.push_back(name);
                  }
              if (summary.contains("leaflets"))
                {
                  row["tear_index"] = summary["leaflets"].value("tear_index", Json());
                  row["torn"]       = summary["leaflets"].value("torn", Json());
                }
              if (summary.contains("mva_cm2"))
                {
                  row["mva_pre_cm2"]  = summary["mva_cm2"].value("pre", Json());
                  row["mva_post_cm2"] = summary["mva_cm2"].value("post", Json());
                }
              if (summary.contains("regurgitation_risk"))
                row["risk"] = summary["regurgitation_risk"].value("category", "");
            }
          failed += row["status"] == "completed" ? 0 : 1;
          rows.push_back(row);
        }
      std::vector<std::string> columns{"point"};
      columns.insert(columns.end(), names.begin(), names.end());
      columns.insert(columns.end(), {"status", "wall_time_s", "load_factor"});
      for (const auto &c : commissures)
        columns.insert(columns.end(), {c + "_split_length_mm", c + "_split_fraction"});
      columns.insert(columns.end(), {"tear_index", "torn", "mva_pre_cm2", "mva_post_cm2", "risk", "message"});
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

    std::string shell_quote(const std::string &s)
    {
      std::string q = "'";
      for (const char c : s)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
      return q + "'";
    }

    void emit_slurm(const fs::path &root, const Json &manifest, const std::string &executable, unsigned int ranks)
    {
      const auto         points = points_of(manifest);
      std::ostringstream s;
      s << "#!/bin/bash\n"
        << "# leafmech sweep of " << manifest["input"].get<std::string>() << ": one array task per point.\n"
        << "# Submit: sbatch " << (root / "sweep.slurm").string() << "\n"
        << "# When the tasks have finished: " << executable << " sweep --gather " << root.string() << "\n"
        << "#SBATCH --job-name=leafmech-sweep\n"
        << "#SBATCH --array=0-" << points.size() - 1 << "\n"
        << "#SBATCH --ntasks=" << ranks << "\n"
        << "#SBATCH --output=" << (root / "slurm-%A_%a.out").string() << "\n"
        << "set -euo pipefail\n"
        << "points=(\n";
      for (const Point &p : points)
        s << "  " << shell_quote(p.directory) << "\n";
      s << ")\n"
        << "directory=" << shell_quote(root.string()) << "/${points[$SLURM_ARRAY_TASK_ID]}\n"
        << "mkdir -p \"$directory\"\n"
        << "cp \"$directory.point.json\" \"$directory/point.json\"\n"
        << "mapfile -t arguments < \"$directory.args\"\n"
        << "srun " << shell_quote(executable) << " run " << shell_quote(manifest["input"].get<std::string>())
        << " \"${arguments[@]}\" > \"$directory/terminal.txt\" 2>&1\n";
      for (const Point &p : points)
        {
          // One argument per line (values may hold spaces), read back with mapfile.
          std::ostringstream args;
          for (const auto &a : run_arguments(manifest, p, (root / p.directory).string()))
            args << a << "\n";
          write_file_atomically((root / (p.directory + ".args")).string(), args.str());
          write_file_atomically((root / (p.directory + ".point.json")).string(),
                                Json{{"values", p.values}}.dump() + "\n");
        }
      write_file_atomically((root / "sweep.slurm").string(), s.str());
    }
  } // namespace

  std::vector<std::string> expand_values(const std::string &text)
  {
    std::vector<std::string> values;
    for (const std::string &raw : dealii::Utilities::split_string_list(text, ','))
      {
        const std::string item = trim(raw);
        if (item.empty())
          continue;
        const auto parts = dealii::Utilities::split_string_list(item, ':');
        if (parts.size() == 1)
          {
            values.push_back(item);
            continue;
          }
        double start, step, stop;
        try
          {
            if (parts.size() != 3)
              throw std::invalid_argument("");
            start = std::stod(parts[0]), step = std::stod(parts[1]), stop = std::stod(parts[2]);
          }
        catch (const std::exception &)
          {
            throw std::invalid_argument("the range '" + item + "' is not start:step:stop (e.g. 24:1:30)");
          }
        if (step == 0.0 || (stop - start) * step < 0.0 || std::abs((stop - start) / step) > 10000)
          throw std::invalid_argument("the range '" + item + "' has a step that does not lead from " + parts[0] +
                                      " to " + parts[2] + " in at most 10000 values");
        const long n = std::lround(std::floor((stop - start) / step + 1e-9));
        for (long k = 0; k <= n; ++k)
          values.push_back(format_number(start + k * step));
      }
    if (values.empty())
      throw std::invalid_argument("--values '" + text + "' gives no value");
    return values;
  }

  int sweep_command(const SweepRequest &request, const std::string &executable)
  {
    try
      {
        if (!request.gather.empty())
          return gather(request.gather, std::cout) == 0 ? 0 : 1;
        if (request.parameters.empty())
          throw std::invalid_argument("sweep needs at least one --param NAME --values LIST");
        std::vector<std::vector<std::string>> axes;
        std::vector<std::string>              names, first;
        for (const auto &[name, text] : request.parameters)
          {
            axes.push_back(expand_values(text));
            names.push_back(name);
            first.push_back(name + "=" + axes.back().front());
          }
        // The deck, the common overrides and every swept name are checked once here (misspellings with a
        // suggestion); a value a run refuses makes that point fail, not the sweep.
        dealii::ParameterHandler prm;
        declare_run_parameters(prm);
        std::vector<std::string> overrides = request.overrides;
        overrides.insert(overrides.end(), first.begin(), first.end());
        read_input(prm, request.input_file, overrides);

        const fs::path root = fs::absolute(!request.emit_slurm.empty()       ? request.emit_slurm
                                           : !request.output_directory.empty() ? request.output_directory
                                                                              : "output/sweep-" +
                                                                                  fs::path(request.input_file).stem().string());
        fs::create_directories(root);
        const auto points   = grid(axes);
        Json       manifest = {{"input", fs::absolute(request.input_file).string()},
                               {"parameters", names},
                               {"overrides", request.overrides},
                               {"points", Json::array()}};
        for (const Point &p : points)
          manifest["points"].push_back({{"directory", p.directory}, {"values", p.values}});
        const Json previous = read_json(root / "sweep_points.json");
        if (previous.is_object() && (previous["parameters"] != manifest["parameters"] ||
                                     previous["input"] != manifest["input"] || previous["overrides"] != manifest["overrides"]))
          throw std::invalid_argument("'" + root.string() + "' holds a different sweep (input, swept parameters "
                                      "or --set overrides differ); choose another --output");
        write_file_atomically((root / "sweep_points.json").string(), manifest.dump(2) + "\n");

        if (!request.emit_slurm.empty())
          {
            emit_slurm(root, manifest, executable, request.ranks);
            std::cout << "SLURM job array for " << points.size() << " points: " << (root / "sweep.slurm").string()
                      << "\nSubmit it with sbatch; gather the finished runs with: " << executable
                      << " sweep --gather " << root.string() << "\n";
            return 0;
          }

        // Local runs, request.jobs at a time.
        using Clock = std::chrono::steady_clock;
        std::map<pid_t, std::pair<std::size_t, Clock::time_point>> running;
        std::size_t next = 0, done = 0;
        const auto  label = [&](std::size_t k) {
          std::string s;
          for (std::size_t i = 0; i < names.size(); ++i)
            s += (i ? ", " : "") + names[i] + " = " + points[k].values[i];
          return s;
        };
        while (next < points.size() || !running.empty())
          {
            while (next < points.size() && running.size() < std::max(1u, request.jobs))
              {
                const std::size_t k   = next++;
                const fs::path    dir = root / points[k].directory;
                if (completed_with(dir, points[k]))
                  {
                    std::cout << "[" << ++done << "/" << points.size() << "] " << points[k].directory << " ("
                              << label(k) << "): already completed, kept\n";
                    continue;
                  }
                fs::create_directories(dir);
                write_file_atomically((dir / "point.json").string(), Json{{"values", points[k].values}}.dump() + "\n");
                std::vector<std::string> argv;
                if (request.ranks > 1)
                  argv = {"mpirun", "-np", std::to_string(request.ranks)};
                argv.insert(argv.end(), {executable, "run", manifest["input"].get<std::string>()});
                const auto args = run_arguments(manifest, points[k], dir.string());
                argv.insert(argv.end(), args.begin(), args.end());
                running[spawn(argv, dir / "terminal.txt")] = {k, Clock::now()};
              }
            if (running.empty())
              break;
            int         status = 0;
            const pid_t pid    = waitpid(-1, &status, 0);
            if (pid < 0 || running.count(pid) == 0)
              continue;
            const auto [k, start] = running[pid];
            running.erase(pid);
            const int    code    = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
            std::cout << "[" << ++done << "/" << points.size() << "] " << points[k].directory << " (" << label(k)
                      << "): " << (code == 0 ? "completed" : "FAILED, exit code " + std::to_string(code)) << " in "
                      << std::fixed << std::setprecision(1) << seconds << " s" << std::endl;
          }
        return gather(root, std::cout) == 0 ? 0 : 1;
      }
    catch (const std::exception &e)
      {
        std::cerr << "leafmech sweep: " << e.what() << "\n";
        return 2;
      }
  }
} // namespace leafmech
