// leafmech: finite-element leaflet mechanics for balloon valvuloplasty. Thin command-line front end.
#include <deal.II/base/mpi.h>

#include <petscsys.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <base/version.h>
#include <solver/app/collective.h>
#include <solver/app/report/report_command.h>
#include <solver/app/run_command.h>
#include <solver/app/run_control.h>
#include <solver/app/sweep/sweep_command.h>
#include <string>
#include <vector>

namespace
{
  void usage(std::ostream &out)
  {
    out << "Usage:\n"
           "  leafmech run FILE.prm [--set \"Section/Name=value\"]... [--output DIR] [--stop-at-step N] [--verbose]\n"
           "  leafmech run --resume DIR [--stop-at-step N] [--verbose]\n"
           "  leafmech mesh FILE.prm [--set \"Section/Name=value\"]... [--output DIR]\n"
           "  leafmech sweep FILE.prm --param \"Section/Name\" --values LIST [--param ... --values ...]...\n"
           "                 [--set \"Section/Name=value\"]... [--jobs N] [--ranks R] [--output DIR]\n"
           "  leafmech sweep FILE.prm ... --emit-slurm DIR\n"
           "  leafmech sweep --gather DIR\n"
           "  leafmech report DIR [--no-renders]\n"
           "  leafmech print-parameters\n"
           "  leafmech --help | --version\n\n"
           "run               solve the input deck; results in DIR (Output/Directory by default): solution.pvd,\n"
           "                  solution-NNNN.pvtu, summary.json, history.csv, newton.csv, parameters.prm, log.txt,\n"
           "                  checkpoint/ (every Output/Checkpoint interval steps). --resume DIR continues the run\n"
           "                  in DIR from its last checkpoint (same number of MPI ranks) to the same result;\n"
           "                  --stop-at-step N stops after step N with a checkpoint (exit code 3). The terminal\n"
           "                  shows one line per converged step and a final table (--verbose: every Newton\n"
           "                  iteration and measure too, which log.txt always holds). SIGTERM or SIGINT (a SLURM\n"
           "                  time limit, Ctrl-C) drops the step in hand and stops with a checkpoint (exit code 3)\n"
           "mesh              build the input's geometry only: mesh.pvtu (material_id, fibre_direction),\n"
           "                  mesh_boundary.vtu (boundary_id), chordae.vtu, mesh_report.json; prints cells, DoFs,\n"
           "                  minimum scaled Jacobian and orifice area\n"
           "sweep             one run per point of the grid of the swept values (LIST: 24,25,26 or 24:1:30 or\n"
           "                  both), each in DIR/point_NNN, N at a time, R MPI ranks each; then DIR/sweep.csv and\n"
           "                  sweep.json (one row per point: status, wall time, split per commissure, waist set\n"
           "                  and reached, balloon and contact pressure, tear index and where, MVA pre/post, risk,\n"
           "                  annular dilation, friction work, kinetic/strain energy at the phase ends, steps and\n"
           "                  Newton iterations). Points already completed in DIR are kept, so running the same\n"
           "                  command again completes only the missing or failed ones. --emit-slurm writes a\n"
           "                  SLURM job array (DIR/sweep.slurm) instead; --gather builds the tables from DIR\n"
           "report            DIR's report page: report.html of a run (verdict, inputs, plots, ParaView renders\n"
           "                  where pvbatch is installed), sweep.html of a sweep (table, plots); a run writes its\n"
           "                  report.html itself at its end\n"
           "print-parameters  every parameter with its default, allowed values and unit\n"
           "Exit codes: 0 completed, 1 simulation failed (see summary.json: Newton, a stall, Run/Time limit),\n"
           "2 invalid input or usage (nothing computed, no result files), 3 stopped with a checkpoint by\n"
           "--stop-at-step, SIGTERM or SIGINT (resume it with --resume DIR).\n"
           "Parallel: mpirun -np N leafmech run FILE.prm\n";
  }
} // namespace

namespace
{
  /// `leafmech sweep ...`: a driver of child runs, so it runs without MPI.
  int sweep(const std::vector<std::string> &args)
  {
    leafmech::SweepRequest request;
    auto fail = [](const std::string &msg) {
      std::cerr << "leafmech sweep: " << msg << "\n\n";
      usage(std::cerr);
      return 2;
    };
    for (std::size_t i = 1; i < args.size(); ++i)
      {
        const std::string &a = args[i];
        if (a.rfind("--", 0) == 0)
          {
            if (i + 1 >= args.size())
              return fail(a + " needs a value");
            const std::string v = args[++i];
            if (a == "--param")
              request.parameters.emplace_back(v, "");
            else if (a == "--values")
              {
                if (request.parameters.empty() || !request.parameters.back().second.empty())
                  return fail("--values " + v + " must follow its --param");
                request.parameters.back().second = v;
              }
            else if (a == "--set")
              request.overrides.push_back(v);
            else if (a == "--output")
              request.output_directory = v;
            else if (a == "--emit-slurm")
              request.emit_slurm = v;
            else if (a == "--gather")
              request.gather = v;
            else if (a == "--jobs" || a == "--ranks")
              {
                const int n = std::atoi(v.c_str());
                if (n < 1 || n > 4096)
                  return fail(a + " " + v + ": give a whole number from 1 to 4096");
                (a == "--jobs" ? request.jobs : request.ranks) = n;
              }
            else
              return fail("unknown option '" + a + "'");
          }
        else if (request.input_file.empty())
          request.input_file = a;
        else
          return fail("more than one input file given ('" + request.input_file + "', '" + a + "')");
      }
    for (const auto &[name, values] : request.parameters)
      if (values.empty())
        return fail("--param " + name + " has no --values");
    if (request.gather.empty() && request.input_file.empty())
      return fail("sweep needs an input file (or --gather DIR)");
    return leafmech::sweep_command(request, std::filesystem::canonical("/proc/self/exe").string());
  }
} // namespace

namespace
{
  int report(const std::vector<std::string> &args)
  {
    std::string directory;
    bool        renders = true;
    for (std::size_t i = 1; i < args.size(); ++i)
      if (args[i] == "--no-renders")
        renders = false;
      else if (directory.empty() && args[i].rfind("--", 0) != 0)
        directory = args[i];
      else
        {
          std::cerr << "leafmech report: unexpected argument '" << args[i] << "'\n\n";
          usage(std::cerr);
          return 2;
        }
    if (directory.empty())
      {
        std::cerr << "leafmech report: give a run's or a sweep's output directory\n\n";
        usage(std::cerr);
        return 2;
      }
    return leafmech::report_command(directory, renders);
  }

  int run_main(int argc, char **argv);
} // namespace

int main(int argc, char **argv)
{
  // No exception may end the program with std::terminate's abort (and, under mpirun, a backtrace).
  try
    {
      return run_main(argc, argv);
    }
  catch (const std::exception &e)
    {
      std::cerr << "leafmech: " << leafmech::error_text(e) << "\n";
    }
  catch (...)
    {
      std::cerr << "leafmech: an unexpected error\n";
    }
  return 1;
}

namespace
{
  int run_main(int argc, char **argv)
{
  if (argc > 1 && std::string(argv[1]) == "sweep")
    return sweep(std::vector<std::string>(argv + 1, argv + argc));
  if (argc > 1 && std::string(argv[1]) == "report")
    return report(std::vector<std::string>(argv + 1, argv + argc));
  dealii::Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  // PETSc's failures come back as error codes that leafmech translates; its own wall of messages is not printed.
  PetscPushErrorHandler(PetscReturnErrorHandler, nullptr);
  // PETSc (and MPI) install signal handlers of their own: SIGTERM and SIGINT are leafmech's, to stop cleanly.
  PetscPopSignalHandler();
  leafmech::RunControl::install_signal_handlers();
  const bool               root = dealii::Utilities::MPI::this_mpi_process(MPI_COMM_WORLD) == 0;
  std::vector<std::string> args(argv + 1, argv + argc);
  auto                     fail = [&](const std::string &msg) {
    if (root)
      {
        std::cerr << "leafmech: " << msg << "\n\n";
        usage(std::cerr);
      }
    return 2;
  };
  if (args.empty())
    return fail("no command given");
  const std::string command = args[0];
  if (command == "--help" || command == "-h" || command == "help")
    {
      if (root)
        usage(std::cout);
      return 0;
    }
  if (command == "--version")
    {
      if (root)
        std::cout << "leafmech " << leafmech::version() << "\n";
      return 0;
    }
  if (command == "print-parameters")
    {
      if (root)
        leafmech::print_parameters(std::cout);
      return 0;
    }
  if (command != "run" && command != "mesh")
    return fail("unknown command '" + command + "'");

  leafmech::RunRequest request;
  for (std::size_t i = 1; i < args.size(); ++i)
    {
      if (args[i] == "--verbose" && command == "run")
        request.verbose = true;
      else if (args[i] == "--set" || args[i] == "--output" || args[i] == "--resume" || args[i] == "--stop-at-step")
        {
          if (i + 1 >= args.size())
            return fail(args[i] + " needs a value");
          const std::string &value = args[++i];
          if (args[i - 1] == "--set")
            request.overrides.push_back(value);
          else if (args[i - 1] == "--output")
            request.output_directory = value;
          else if (args[i - 1] == "--resume" && command == "run")
            request.resume_directory = value;
          else if (args[i - 1] == "--stop-at-step" && command == "run")
            {
              const long n = std::atol(value.c_str());
              if (n < 1 || std::to_string(n) != value)
                return fail("--stop-at-step " + value + ": give a step number from 1");
              request.stop_at_step = static_cast<unsigned int>(n);
            }
          else
            return fail(args[i - 1] + " is an option of leafmech run only");
        }
      else if (args[i].rfind("--", 0) == 0)
        return fail("unknown option '" + args[i] + "'");
      else if (request.input_file.empty())
        request.input_file = args[i];
      else
        return fail("more than one input file given ('" + request.input_file + "', '" + args[i] + "')");
    }
  if (request.input_file.empty() && request.resume_directory.empty())
    return fail(command + " needs an input file");
  return command == "run" ? leafmech::run_command(request, MPI_COMM_WORLD)
                          : leafmech::mesh_command(request, MPI_COMM_WORLD);
}
} // namespace
