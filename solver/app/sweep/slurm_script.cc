#include <base/atomic_file.h>
#include <solver/app/shell_quote.h>
#include <solver/app/sweep/slurm_script.h>
#include <solver/app/sweep/sweep_grid.h>
#include <sstream>

namespace leafmech
{
  namespace
  {
    namespace fs = std::filesystem;
    using Json   = nlohmann::json;
  } // namespace

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
      << "# SIGTERM 5 min before the time limit: each run then stops with a checkpoint (exit code 3) that\n"
      << "# 'leafmech run --resume' continues, instead of being killed mid-step.\n"
      << "#SBATCH --signal=TERM@300\n"
      << "set -euo pipefail\n"
      << "points=(\n";
    for (const SweepPoint &p : points)
      s << "  " << shell_quote(p.directory) << "\n";
    s << ")\n"
      << "directory=" << shell_quote(root.string()) << "/${points[$SLURM_ARRAY_TASK_ID]}\n"
      << "mkdir -p \"$directory\"\n"
      << "cp \"$directory.point.json\" \"$directory/point.json\"\n"
      << "mapfile -t arguments < \"$directory.args\"\n"
      << "srun " << shell_quote(executable) << " run " << shell_quote(manifest["input"].get<std::string>())
      << " \"${arguments[@]}\" > \"$directory/terminal.txt\" 2>&1\n";
    for (const SweepPoint &p : points)
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
} // namespace leafmech
