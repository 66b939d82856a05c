#include <deal.II/base/parameter_handler.h>

#include <base/atomic_file.h>
#include <base/input_reader.h>
#include <base/output_directory.h>
#include <iostream>
#include <solver/app/report/sweep_page.h>
#include <solver/app/run_parameters.h>
#include <solver/app/sweep/local_runs.h>
#include <solver/app/sweep/slurm_script.h>
#include <solver/app/sweep/sweep_command.h>
#include <solver/app/sweep/sweep_grid.h>
#include <solver/app/sweep/sweep_table.h>

namespace leafmech
{
  namespace fs = std::filesystem;
  using Json   = nlohmann::json;

  namespace
  {
    /// The tables and the page of a sweep; the exit code (1 if a point did not complete).
    int finish(const fs::path &root)
    {
      const unsigned int failed = gather_sweep(root, std::cout);
      try
        {
          write_sweep_page(root.string());
          std::cout << "Sweep page: " << (root / "sweep.html").string() << "\n";
        }
      catch (const std::exception &e)
        {
          std::cout << "Note: sweep.html was not written: " << e.what() << "\n";
        }
      return failed == 0 ? 0 : 1;
    }
  } // namespace

  int sweep_command(const SweepRequest &request, const std::string &executable)
  {
    try
      {
        if (!request.gather.empty())
          return finish(request.gather);
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
        make_output_directory(root.string());
        const auto points   = sweep_grid(axes);
        Json       manifest = {{"input", fs::absolute(request.input_file).string()},
                               {"parameters", names},
                               {"overrides", request.overrides},
                               {"points", Json::array()}};
        for (const SweepPoint &p : points)
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

        run_locally(root, manifest, LocalRuns{request.jobs, request.ranks, executable});
        return finish(root);
      }
    catch (const std::exception &e)
      {
        std::cerr << "leafmech sweep: " << e.what() << "\n";
        return 2;
      }
  }
} // namespace leafmech
