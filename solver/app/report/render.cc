#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <solver/app/report/render.h>
#include <solver/app/shell_quote.h>
#include <solver/app/report/render_script.h> // generated from postprocess/render_state.py

extern char **environ;

namespace leafmech
{
  namespace fs = std::filesystem;

  namespace
  {
    bool on_path(const std::string &program)
    {
      const char *path = std::getenv("PATH");
      std::string list = path != nullptr ? path : "";
      for (std::size_t start = 0; start <= list.size();)
        {
          const std::size_t end = std::min(list.find(':', start), list.size());
          if (fs::exists(fs::path(list.substr(start, end - start)) / program))
            return true;
          start = end + 1;
        }
      return false;
    }

    /// `env -u` for the variables of the MPI launcher this run came from: pvbatch is an MPI program of its own
    /// and would try to join this run's MPI job.
    std::string without_mpi_environment()
    {
      std::string unset = "env";
      for (char **e = environ; *e != nullptr; ++e)
        {
          const std::string entry = *e, name = entry.substr(0, entry.find('='));
          const bool        mpi   = name.rfind("OMPI_", 0) == 0 || name.rfind("PMIX_", 0) == 0 ||
                           name.rfind("PMI_", 0) == 0 || name.rfind("OPAL_", 0) == 0 || name.rfind("ORTE_", 0) == 0;
          if (mpi && name.rfind("OMPI_ALLOW_RUN_AS_ROOT", 0) != 0)
            unset += " -u " + name;
        }
      return unset + " ";
    }
  } // namespace

  std::vector<Render> render_states(const std::string &directory, bool inflated, std::string &why)
  {
    if (!on_path("pvbatch") || !on_path("xvfb-run"))
      {
        why = "no renders: pvbatch and xvfb-run are needed (scripts/setup.sh installs ParaView and Xvfb)";
        return {};
      }
    const fs::path script = fs::path(directory) / ".render_state.py";
    {
      std::ofstream out(script);
      out << render_state_script;
    }
    const std::string log = (fs::path(directory) / ".render_state.log").string();
    // Xvfb resets when its last client disconnects, and pvbatch connects twice (a capability probe, then the
    // window): on a loaded machine the second connection meets the reset and pvbatch aborts ("bad X server
    // connection"; 3 of 6 renders with both cores busy). -noreset keeps the server up (8 of 8).
    // xvfb-run -a takes the first free display from its start number, and two runs started together (a sweep,
    // parallel tests) can both take it, so one loses the X server. Each attempt searches from its own start
    // number (from the process id), and a lost display is tried once more from another.
    const auto attempt = [&](unsigned int display) {
      const std::string cmd = without_mpi_environment() + "timeout 300 xvfb-run -a -n " + std::to_string(display) +
                              " -s '-screen 0 1280x1024x24 -noreset' pvbatch " + shell_quote(script.string()) +
                              " " + shell_quote(directory) + " --time " + (inflated ? "inflated last" : "last") +
                              " > " + shell_quote(log) + " 2>&1";
      return std::system(cmd.c_str());
    };
    const unsigned int first  = 100 + static_cast<unsigned int>(getpid()) % 4000 * 8;
    int                status = attempt(first);
    if (status != 0)
      status = attempt(first + 4);
    fs::remove(script);
    std::vector<Render> renders;
    if (inflated)
      renders.push_back({"On the balloon (the end of the last inflation)", directory + "/state_inflated.png"});
    renders.push_back({"The last state (after the deflation: the valve after the procedure)", directory + "/state_last.png"});
    for (const Render &r : renders)
      if (!fs::exists(r.png))
        {
          why = "no renders: pvbatch failed (exit " + std::to_string(status) + "; see " + log + ")";
          return {};
        }
    fs::remove(log);
    return renders;
  }
} // namespace leafmech
