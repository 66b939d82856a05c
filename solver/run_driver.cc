#include <deal.II/base/mpi.h>
#include <deal.II/base/timer.h>

#include <leafmech/kernels/backend.h>
#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <filesystem>
#include <iomanip>
#include <sstream>
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
          if (name.rfind("solution", 0) == 0 || name.rfind("chordae", 0) == 0 || name.rfind("balloon", 0) == 0 || name == "summary.json" || name == "history.csv" ||
              name == "newton.csv" || name == "parameters.prm" || name == "log.txt")
            std::filesystem::remove(entry.path());
        }
    }
  } // namespace

  namespace
  {
    void print_tree(std::ostream &out, const boost::property_tree::ptree &tree, const std::string &indent)
    {
      for (const auto &[key, child] : tree)
        {
          if (child.get_child_optional("default_value"))
            out << indent << "set " << key << " = "
                << child.get<std::string>("default_value") << "\n"
                << indent << "    # allowed: " << child.get<std::string>("pattern_description") << "\n"
                << indent << "    # " << child.get<std::string>("documentation") << "\n";
          else if (!child.empty())
            {
              out << indent << "subsection " << key << "\n";
              print_tree(out, child, indent + "  ");
              out << indent << "end\n";
            }
        }
    }
  } // namespace

  namespace
  {
    /// One line per converged step: phase, load factor, balloon diameter, Newton figures, elapsed time and the
    /// time the phase still needs at its average rate so far.
    std::string progress_line(const StepRecord &step, double elapsed, double phase_elapsed)
    {
      std::ostringstream line;
      line << "[" << step.phase << "] step " << step.step << std::fixed << std::setprecision(3) << ", load factor "
           << step.load_factor;
      for (const auto &[name, value] : step.measures)
        if (name == "balloon_free_diameter_mm")
          line << ", balloon " << std::setprecision(2) << value << " mm";
      line << ", " << step.newton_iterations << " Newton iterations, |R| " << std::scientific << std::setprecision(1)
           << step.residual_norm << " N, " << std::fixed << std::setprecision(1) << elapsed << " s elapsed";
      if (step.load_factor > 0.0 && step.load_factor < 1.0 - 1e-12)
        line << ", about " << phase_elapsed * (1.0 - step.load_factor) / step.load_factor << " s left in this phase";
      return line.str();
    }
  } // namespace

  void print_parameters(std::ostream &out)
  {
    ParameterHandler prm;
    declare_run_parameters(prm);
    std::stringstream json;
    prm.print_parameters(json, ParameterHandler::JSON);
    boost::property_tree::ptree tree;
    boost::property_tree::read_json(json, tree);
    out << "# leafmech " << version() << ": every parameter as 'set Name = default', with its allowed values and\n"
        << "# documentation. Units: mm, N, MPa, s (each entry's documentation names its unit).\n";
    print_tree(out, tree, "");
  }

  void load_input(const RunRequest &request, ParameterHandler &prm, RunParameters &parameters,
                  std::unique_ptr<Problem> &problem, std::unique_ptr<BalloonInflation> &balloon)
  {
    declare_run_parameters(prm);
    read_input(prm, request.input_file, request.overrides);
    parameters = parse_run_parameters(prm);
    if (!request.output_directory.empty())
      parameters.output_directory = request.output_directory;
    problem = create_problem(prm);
    balloon = std::make_unique<BalloonInflation>(prm);
    if (balloon->enabled() && problem->contact_surfaces().empty())
      throw std::invalid_argument("Balloon/Model = " + balloon->model_name() + ", but the problem has no surface a "
                                  "balloon can touch; set Balloon/Model = none or choose a valve or tube problem");
  }

  std::vector<LoadPhase> run_phases(const RunParameters &parameters, const Problem &problem,
                                    const BalloonInflation &balloon)
  {
    if (!balloon.enabled() || problem.valve() == nullptr)
      return {LoadPhase{}};
    std::vector<LoadPhase> phases;
    phases.push_back({"diastolic loading", parameters.n_preload_steps, [](double l) { return LoadState{l, 0.0, 1.0}; }});
    phases.push_back({"inflation", parameters.n_load_steps, [](double l) { return LoadState{1.0, l, 1.0}; }});
    // Deflation: the balloon is withdrawn and the valve recoils. The tissue is hyperelastic, so with every
    // load off it returns to its stress-free reference, and the only memory of the inflation is the
    // irreversible commissure damage (opened pairs carry no traction at zero opening). The phase therefore
    // starts from the reference with the damage kept and re-applies the diastolic loads; its end is the
    // post-procedure valve. (Following the deflating balloon instead drags the leaflets that the diastolic
    // pressure holds on its distal bulb, and the continuation stalls; docs/outcome.md.)
    if (parameters.n_deflation_steps > 0)
      phases.push_back({"deflation", parameters.n_deflation_steps,
                        [](double l) { return LoadState{l, 0.0, 0.0}; }, /*from_reference=*/true});
    return phases;
  }

  int run_command(const RunRequest &request, MPI_Comm comm)
  {
    const bool root = Utilities::MPI::this_mpi_process(comm) == 0;
    Timer      wall;

    // 1. Input: everything is checked before anything is computed or written.
    ParameterHandler           prm;
    RunParameters              parameters;
    std::unique_ptr<Problem>   problem;
    std::unique_ptr<BalloonInflation> balloon;
    kernels::BackendSelection  backend;
    try
      {
        load_input(request, prm, parameters, problem, balloon);
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
        std::ostringstream used;
        prm.print_parameters(used, ParameterHandler::ShortPRM);
        write_file_atomically(dir + "/parameters.prm", used.str());
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
    if (balloon->enabled())
      report.balloon = {balloon->model_name(), balloon->pressure_limited() ? "pressure" : "diameter",
                        balloon->target_diameter()};
    report.probes    = parameters.probes;

    TimerOutput timer(comm, log, TimerOutput::never, TimerOutput::wall_times);
    int         exit_code = 1;
    try
      {
        SolidSolver solver(parameters, *problem, comm, log, timer);
        solver.set_balloon(balloon.get(), backend.kind);
        try
          {
            solver.setup();
          }
        catch (const std::exception &e)
          {
            // Mesh or probe problems are input errors: nothing has been computed.
            exit_code = 2;
            throw;
          }
        report.cells = solver.n_cells();
        report.dofs  = solver.n_dofs();
        if (problem->valve() != nullptr)
          report.mesh_metrics = problem->valve()->mesh->metrics;
        for (const auto &[name, value] : report.mesh_metrics)
          log << "  " << name << ": " << value << "\n";
        report.initial_measures = solver.measures(LoadState{});
        OutputWriter writer(dir, comm);
        unsigned int written = 0;
        {
          TimerOutput::Scope t(timer, "output");
          writer.write(solver, parameters, written++, 0.0, LoadState{});
        }
        const std::vector<LoadPhase> phases = run_phases(parameters, *problem, *balloon);
        for (unsigned int k = 0; k < phases.size(); ++k)
          {
            if (phases.size() > 1)
              log << "Phase " << k + 1 << " of " << phases.size() << ": " << phases[k].name << "\n";
            const double phase_start = wall.wall_time();
            report.outcome = solver.run(phases[k], [&](const StepRecord &step) {
              report.steps.push_back(step);
              const bool last = step.load_factor >= 1.0 - 1e-12;
              if ((parameters.output_interval > 0 && step.step % parameters.output_interval == 0) || last)
                {
                  TimerOutput::Scope t(timer, "output");
                  writer.write(solver, parameters, written++, k + step.load_factor, step.state);
                }
              if (last)
                report.phase_end_measures[step.phase] = step.measures;
              if (root)
                {
                  write_history_csv(dir, report);
                  log << progress_line(step, wall.wall_time(), wall.wall_time() - phase_start) << "\n    ";
                  const char *separator = "";
                  for (const auto &[name, value] : step.measures)
                    {
                      log << separator << name << " " << value;
                      separator = ", ";
                    }
                  log << "\n";
                }
            });
            if (!report.outcome.completed)
              break;
          }
        report.probe_values = solver.evaluate_probes();
        report.iterations   = solver.iterations();
        report.status       = report.outcome.completed ? "completed" : "failed";
        report.message      = report.outcome.message;
        exit_code           = report.outcome.completed ? 0 : 1;
      }
    catch (const std::exception &e)
      {
        exit_code      = std::max(exit_code, 1);
        report.status  = "failed";
        report.message = e.what();
        if (root)
          std::cerr << "leafmech: " << e.what() << "\n";
      }
    timer.print_wall_time_statistics(comm);
    for (const auto &[section, seconds] : timer.get_summary_data(TimerOutput::total_wall_time))
      report.timings_s[section] = seconds;
    report.wall_time_s = wall.wall_time();
    if (root && exit_code == 2)
      log << "Input error: " << report.message << "\n";
    if (root && exit_code != 2)
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
