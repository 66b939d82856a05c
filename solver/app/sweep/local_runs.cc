#include <spawn.h>
#include <sys/wait.h>

#include <base/atomic_file.h>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <iomanip>
#include <iostream>
#include <map>
#include <solver/app/sweep/local_runs.h>
#include <stdexcept>

extern char **environ;

namespace leafmech
{
  namespace
  {
    namespace fs = std::filesystem;
    using Json   = nlohmann::json;

    bool completed_with(const fs::path &dir, const SweepPoint &p)
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

  } // namespace

  void run_locally(const fs::path &root, const Json &manifest, const LocalRuns &how)
  {
    const auto points = points_of(manifest);
    const auto names  = manifest["parameters"].get<std::vector<std::string>>();
    // Local runs, how.jobs at a time.
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
        while (next < points.size() && running.size() < std::max(1u, how.jobs))
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
            if (how.ranks > 1)
              argv = {"mpirun", "-np", std::to_string(how.ranks)};
            argv.insert(argv.end(), {how.executable, "run", manifest["input"].get<std::string>()});
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
  }
} // namespace leafmech
