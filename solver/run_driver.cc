#include <deal.II/base/mpi.h>
#include <deal.II/base/timer.h>

#include <leafmech/kernels/backend.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <solver/input_reader.h>
#include <solver/output_writer.h>
#include <solver/run_driver.h>
#include <solver/run_report.h>

namespace leafmech
{
  using namespace dealii;

  namespace
  {
    /// Rank 0 writes to the terminal and to log.txt; other ranks are silent.
    class TeeBuffer : public std::streambuf
    {
    public:
      TeeBuffer(std::streambuf *a, std::streambuf *b) : a(a), b(b) {}

    protected:
      int overflow(int c) override
      {
        if (c == EOF)
          return !EOF;
        const int r1 = a ? a->sputc(c) : c, r2 = b ? b->sputc(c) : c;
        return (r1 == EOF || r2 == EOF) ? EOF : c;
      }
      int sync() override { return ((a ? a->pubsync() : 0) == 0 && (b ? b->pubsync() : 0) == 0) ? 0 : -1; }

    private:
      std::streambuf *a, *b;
    };

    /// Removes the result files of an earlier run so nothing stale can pass for this run's output.
    void clear_previous_results(const std::string &directory)
    {
      for (const auto &entry : std::filesystem::directory_iterator(directory))
        {
          const std::string name = entry.path().filename().string();
          if (name.rfind("solution", 0) == 0 || name == "summary.json" || name == "history.csv" ||
              name == "newton.csv" || name == "parameters.prm" || name == "log.txt")
            std::filesystem::remove(entry.path());
        }
    }
  } // namespace

  void print_parameters(std::ostream &out)
  {
    ParameterHandler prm;
    declare_run_parameters(prm);
    out << "# leafmech " << version() << " parameters: name = default, allowed values, and documentation (units).\n"
        << "# Units: mm, N, MPa, s.\n";
    prm.print_parameters(out, ParameterHandler::Description);
  }

  int run_command(const RunRequest &request, MPI_Comm comm)
  {
    const bool root = Utilities::MPI::this_mpi_process(comm) == 0;
    Timer      wall;

    // 1. Input: everything is checked before anything is computed or written.
    ParameterHandler prm;
    declare_run_parameters(prm);
    RunParameters              parameters;
    std::unique_ptr<Problem>   problem;
    kernels::BackendSelection  backend;
    try
      {
        read_input(prm, request.input_file, request.overrides);
        parameters = parse_run_parameters(prm);
        if (!request.output_directory.empty())
          parameters.output_directory = request.output_directory;
        problem = create_problem(prm);
        backend = kernels::select_backend(parameters.backend);
      }
    catch (const std::exception &e)
      {
        if (root)
          std::cerr << "leafmech: " << e.what() << "\n";
        return 2;
      }

    // 2. Output directory, cleared of earlier results; log.txt and parameters.prm.
    const std::string &dir = parameters.output_directory;
    if (root)
      {
        std::filesystem::create_directories(dir);
        clear_previous_results(dir);
        std::ofstream used(dir + "/parameters.prm");
        prm.print_parameters(used, ParameterHandler::ShortPRM);
      }
    MPI_Barrier(comm);
    std::ofstream log_file;
    if (root)
      log_file.open(dir + "/log.txt");
    TeeBuffer    tee(root ? std::cout.rdbuf() : nullptr, root ? log_file.rdbuf() : nullptr);
    std::ostream log(&tee);
    prm.enter_subsection("Geometry");
    const std::string problem_name = prm.get("Problem");
    prm.leave_subsection();
    log << "leafmech " << version() << ": " << problem_name << " from " << request.input_file << "\n"
        << backend.note << "\n";

    RunReport report;
    report.mpi_ranks = Utilities::MPI::n_mpi_processes(comm);
    report.backend   = kernels::backend_name(backend.kind);
    report.problem   = problem_name;
    report.probes    = parameters.probes;

    TimerOutput timer(comm, log, TimerOutput::never, TimerOutput::wall_times);
    int         exit_code = 1;
    try
      {
        SolidSolver solver(parameters, *problem, comm, log, timer);
        solver.setup();
        report.cells = solver.n_cells();
        report.dofs  = solver.n_dofs();
        OutputWriter writer(dir, comm);
        unsigned int written = 0;
        {
          TimerOutput::Scope t(timer, "output");
          writer.write(solver, parameters, written++, 0.0);
        }
        report.outcome = solver.run([&](const StepRecord &step) {
          report.steps.push_back(step);
          const bool last = step.load_factor >= 1.0 - 1e-12;
          if ((parameters.output_interval > 0 && step.step % parameters.output_interval == 0) || last)
            {
              TimerOutput::Scope t(timer, "output");
              writer.write(solver, parameters, written++, step.load_factor);
            }
          if (root)
            {
              write_history_csv(dir, report);
              log << "  converged: step " << step.step << ", load factor " << step.load_factor << ", "
                  << step.newton_iterations << " Newton iterations, " << step.wall_time << " s\n";
            }
        });
        report.probe_values = solver.evaluate_probes();
        report.iterations   = solver.iterations();
        report.status       = report.outcome.completed ? "completed" : "failed";
        report.message      = report.outcome.message;
        exit_code           = report.outcome.completed ? 0 : 1;
      }
    catch (const std::exception &e)
      {
        report.status  = "failed";
        report.message = e.what();
        if (root)
          std::cerr << "leafmech: " << e.what() << "\n";
      }
    timer.print_wall_time_statistics(comm);
    for (const auto &[section, seconds] : timer.get_summary_data(TimerOutput::total_wall_time))
      report.timings_s[section] = seconds;
    report.wall_time_s = wall.wall_time();
    if (root)
      {
        write_history_csv(dir, report);
        write_newton_csv(dir, report);
        write_summary_json(dir, report);
        log << "Status: " << report.status << " (" << report.message << "), wall time " << report.wall_time_s
            << " s\n";
      }
    return exit_code;
  }
} // namespace leafmech
