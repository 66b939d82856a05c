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
#include <solver/checkpoint.h>
#include <solver/input_reader.h>
#include <solver/output_writer.h>
#include <solver/run_driver.h>
#include <solver/run_report.h>
#include <solver/stepwise_protocol.h>

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
          if (name.rfind("solution", 0) == 0 || name.rfind("chordae", 0) == 0 || name.rfind("balloon", 0) == 0 || name == "summary.json" || name == "history.csv" || name == "stepwise.csv" ||
              name == "newton.csv" || name == "parameters.prm" || name == "log.txt")
            std::filesystem::remove(entry.path());
          else if (name.rfind("checkpoint", 0) == 0)
            std::filesystem::remove_all(entry.path());
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
    std::string progress_line(const StepRecord &step, double elapsed, double phase_elapsed, double phase_covered)
    {
      std::ostringstream line;
      line << "[" << step.phase << "] step " << step.step << std::fixed << std::setprecision(3) << ", load factor "
           << step.load_factor;
      // The waist the balloon reached against the valve (0 before it touches), and the size it is set to.
      double reached = -1.0, set_to = -1.0;
      for (const auto &[name, value] : step.measures)
        {
          if (name == "balloon_achieved_diameter_mm")
            reached = value;
          if (name == "balloon_free_diameter_mm")
            set_to = value;
        }
      if (set_to >= 0.0)
        line << ", balloon " << std::setprecision(2) << reached << " mm (set " << set_to << " mm)";
      line << ", " << step.newton_iterations << " Newton iterations, |R| " << std::scientific << std::setprecision(1)
           << step.residual_norm << " N, " << std::fixed << std::setprecision(1) << elapsed << " s elapsed";
      if (step.load_factor > 0.0 && step.load_factor < 1.0 - 1e-12)
        line << ", about " << phase_elapsed * (1.0 - step.load_factor) / std::max(phase_covered, 1e-12)
             << " s left in this phase";
      return line.str();
    }
  } // namespace

  namespace
  {
    /// The stepwise protocol's log line for a finished round.
    std::string round_line(std::size_t number, const StepwiseRound &round)
    {
      std::ostringstream line;
      line << std::setprecision(4) << "Round " << number << ": balloon " << round.diameter_mm << " mm (reached "
           << round.achieved_diameter_mm << " mm), MVA after " << round.mva_post_cm2 << " cm^2";
      for (const CommissureOutcome &c : round.outcome.commissures)
        line << ", " << c.name << " split " << c.split_length_mm << " mm";
      line << ", tear index " << round.outcome.tear_index << ", risk "
           << (round.outcome.risk ? round.outcome.risk->category : "low");
      if (!round.stop.empty())
        line << "; stop: " << round.stop;
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
    if (parameters.stepwise.enabled())
      {
        if (!balloon->enabled() || problem->valve() == nullptr)
          throw std::invalid_argument("Stepwise protocol/Balloon diameters is set, but the run has no balloon in a "
                                      "valve; set Balloon/Model and a valve problem, or leave the diameters empty");
        if (parameters.n_deflation_steps == 0)
          throw std::invalid_argument("a stepwise protocol withdraws the balloon after every inflation; set Load "
                                      "stepping/Deflation steps above 0");
        for (const double d : parameters.stepwise.diameters)
          balloon->set_target(d); // refuses pressure control and sizes at or below the deflated diameter
        balloon->set_target(parameters.stepwise.diameters.front()); // Balloon/Target diameter is not used
      }
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
    const auto deflation = [&] {
      return LoadPhase{"deflation", parameters.n_deflation_steps, [](double l) { return LoadState{l, 0.0, 0.0}; },
                       /*from_reference=*/true};
    };
    // The stepwise protocol: inflation and deflation again for every size, the damage carried over.
    for (const double d : parameters.stepwise.diameters)
      {
        phases.push_back(phases[1]);
        phases.back().balloon_diameter = d;
        phases.push_back(deflation());
        phases.back().balloon_diameter = d;
      }
    if (parameters.stepwise.enabled())
      phases.erase(phases.begin() + 1);
    else if (parameters.n_deflation_steps > 0)
      phases.push_back(deflation());
    return phases;
  }

  namespace
  {
    /// `--resume DIR`: the run's own parameters.prm is the input and DIR the output directory.
    RunRequest resumed_request(const RunRequest &request)
    {
      if (request.resume_directory.empty())
        return request;
      const std::string prm = request.resume_directory + "/parameters.prm";
      if (!std::filesystem::exists(prm))
        throw std::invalid_argument("--resume " + request.resume_directory + ": there is no parameters.prm there; "
                                    "give the output directory of the run to continue");
      if (!request.input_file.empty() || !request.overrides.empty() || !request.output_directory.empty())
        throw std::invalid_argument("--resume continues a run with its own parameters.prm in its own directory; "
                                    "it takes no input file, --set or --output");
      RunRequest r       = request;
      r.input_file       = prm;
      r.output_directory = request.resume_directory;
      return r;
    }
  } // namespace

  int run_command(const RunRequest &original_request, MPI_Comm comm)
  {
    const bool root = Utilities::MPI::this_mpi_process(comm) == 0;
    Timer      wall;

    // 1. Input: everything is checked before anything is computed or written.
    RunRequest                 request;
    ParameterHandler           prm;
    RunParameters              parameters;
    std::unique_ptr<Problem>   problem;
    std::unique_ptr<BalloonInflation> balloon;
    kernels::BackendSelection  backend;
    RunCheckpoint              checkpoint;
    SolverState                checkpoint_state;
    const bool                 resuming = !original_request.resume_directory.empty();
    try
      {
        request = resumed_request(original_request);
        load_input(request, prm, parameters, problem, balloon);
        backend = kernels::select_backend(parameters.backend);
        if (resuming)
          std::tie(checkpoint, checkpoint_state) = read_checkpoint(request.output_directory, comm);
      }
    catch (const std::exception &e)
      {
        if (root)
          std::cerr << "leafmech: " << e.what() << "\n";
        return 2;
      }
    std::ostringstream used_parameters;
    prm.print_parameters(used_parameters, ParameterHandler::ShortPRM);
    if (resuming && used_parameters.str() != checkpoint.parameters)
      {
        if (root)
          std::cerr << "leafmech: " << request.input_file << " differs from the parameters the checkpoint was "
                    << "written with; a resumed run continues the same input (start a new run to change it)\n";
        return 2;
      }

    // 2. Output directory, cleared of earlier results (kept when resuming); log.txt and parameters.prm.
    const std::string &dir = parameters.output_directory;
    if (root && !resuming)
      {
        std::filesystem::create_directories(dir);
        clear_previous_results(dir);
        write_file_atomically(dir + "/parameters.prm", used_parameters.str());
      }
    MPI_Barrier(comm);
    std::ofstream log_file;
    if (root)
      log_file.open(dir + "/log.txt", resuming ? std::ios::app : std::ios::out);
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
    report.stepwise  = parameters.stepwise;

    TimerOutput timer(comm, log, TimerOutput::never, TimerOutput::wall_times);
    int         exit_code = 1;
    try
      {
        SolidSolver solver(parameters, *problem, comm, log, timer);
        solver.set_balloon(balloon.get(), backend.kind);
        try
          {
            solver.setup();
            if (resuming && checkpoint.cells != solver.n_cells())
              throw std::runtime_error("the checkpoint was written for " + std::to_string(checkpoint.cells) +
                                       " cells and the input now builds " + std::to_string(solver.n_cells()) +
                                       " (has a mesh file changed?)");
            if (resuming)
              solver.restore(checkpoint_state);
          }
        catch (const std::exception &e)
          {
            // Mesh, probe or checkpoint problems are input errors: nothing has been computed.
            exit_code = 2;
            throw;
          }
        report.cells = solver.n_cells();
        report.dofs  = solver.n_dofs();
        if (problem->valve() != nullptr)
          report.mesh_metrics = problem->valve()->mesh->metrics;
        for (const auto &[name, value] : report.mesh_metrics)
          log << "  " << name << ": " << value << "\n";
        OutputWriter writer(dir, comm);
        unsigned int written = 0;
        const std::vector<LoadPhase> phases = run_phases(parameters, *problem, *balloon);
        unsigned int  first_phase = 0;
        PhaseProgress start;
        if (resuming)
          {
            report.initial_measures   = checkpoint.initial_measures;
            report.steps              = checkpoint.steps;
            report.phase_end_measures = checkpoint.phase_end_measures;
            report.resumed_from_step  = report.steps.empty() ? 0 : report.steps.back().step;
            writer.resume(checkpoint.outputs);
            written     = checkpoint.outputs_written;
            first_phase = checkpoint.phase;
            start       = checkpoint.progress;
            if (start.load_factor >= 1.0 - 1e-12)
              first_phase += 1, start = PhaseProgress{};
            log << "Resuming from the checkpoint after step " << report.resumed_from_step << " ("
                << phases[checkpoint.phase].name << " phase, load factor " << checkpoint.progress.load_factor << ")\n";
          }
        else
          {
            report.initial_measures = solver.measures(LoadState{});
            TimerOutput::Scope t(timer, "output");
            writer.write(solver, parameters, written++, 0.0, LoadState{});
          }
        if (resuming) // the checkpoint may hold the whole run already
          report.outcome = {true, false, "completed " + std::to_string(report.resumed_from_step) + " load steps", 1.0,
                            report.resumed_from_step};
        bool stop_requested = false;
        for (unsigned int k = first_phase; k < phases.size() && !stop_requested; ++k)
          {
            // A resumed stepwise run whose checkpoint is the end of its last round has nothing left to run.
            if (parameters.stepwise.enabled() && k == first_phase && resuming &&
                stepwise_result(parameters.stepwise, report.steps, report.mesh_metrics).finished)
              break;
            if (phases[k].balloon_diameter > 0.0)
              {
                balloon->set_target(phases[k].balloon_diameter);
                report.balloon.target_diameter_mm = phases[k].balloon_diameter;
              }
            if (phases.size() > 1)
              log << "Phase " << k + 1 << " of " << phases.size() << ": " << phases[k].name << "\n";
            const double phase_start = wall.wall_time();
            const double phase_from  = k == first_phase ? start.load_factor : 0.0;
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
              stop_requested = request.stop_at_step > 0 && step.step >= request.stop_at_step;
              if ((parameters.checkpoint_interval > 0 && step.step % parameters.checkpoint_interval == 0) || last ||
                  stop_requested)
                {
                  TimerOutput::Scope t(timer, "checkpoint");
                  write_checkpoint(dir,
                                   RunCheckpoint{used_parameters.str(), report.mpi_ranks, report.cells, k,
                                                 solver.progress(), written, writer.written(), report.steps,
                                                 report.initial_measures, report.phase_end_measures},
                                   solver.state(), comm);
                }
              if (root)
                {
                  write_history_csv(dir, report);
                  log << progress_line(step, step.wall_time, wall.wall_time() - phase_start,
                                       step.load_factor - phase_from)
                      << "\n    ";
                  const char *separator = "";
                  for (const auto &[name, value] : step.measures)
                    {
                      log << separator << name << " " << value;
                      separator = ", ";
                    }
                  log << "\n";
                }
              return !stop_requested;
            }, k == first_phase ? start : PhaseProgress{});
            if (!report.outcome.completed)
              break;
            if (parameters.stepwise.enabled() && phases[k].name == "deflation")
              {
                const StepwiseResult stepwise = stepwise_result(parameters.stepwise, report.steps, report.mesh_metrics);
                log << round_line(stepwise.rounds.size(), stepwise.rounds.back()) << "\n";
                if (stepwise.finished)
                  {
                    log << "Stepwise protocol: recommended balloon " << stepwise.recommendation << "\n";
                    report.outcome.message += "; stepwise protocol finished after round " +
                                              std::to_string(stepwise.rounds.size());
                    break;
                  }
              }
            if (stop_requested && k + 1 < phases.size())
              report.outcome = {false, true, "stopped as asked after step " + std::to_string(request.stop_at_step),
                                0.0, report.steps.back().step};
          }
        report.probe_values = solver.evaluate_probes();
        report.iterations   = solver.iterations();
        report.status       = report.outcome.completed ? "completed" : report.outcome.stopped ? "stopped" : "failed";
        report.message      = report.outcome.message;
        if (report.outcome.stopped)
          report.message += "; continue with: leafmech run --resume " + dir;
        exit_code           = report.outcome.completed ? 0 : report.outcome.stopped ? 3 : 1;
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
    report.wall_time_s = wall.wall_time() + (resuming ? checkpoint_state.elapsed_s : 0.0);
    if (root && exit_code == 2)
      log << "Input error: " << report.message << "\n";
    if (root && exit_code != 2)
      {
        write_history_csv(dir, report);
        write_newton_csv(dir, report);
        write_summary_json(dir, report);
        if (parameters.stepwise.enabled())
          write_stepwise_csv(dir, report);
        if (const auto e = stabilization_energy(report.steps))
          {
            log << "Viscous stabilisation dissipated " << e->dissipated_mJ << " mJ, " << 100.0 * e->fraction()
                << " % of the largest strain energy (" << e->max_strain_energy_mJ << " mJ)\n";
            if (e->fraction() > stabilization_warning_fraction)
              log << "Note: the viscous stabilisation dissipated more than " << 100.0 * stabilization_warning_fraction
                  << " % of the strain energy (a split running unstably releases energy that the damping takes, "
                     "or the coefficient is large): check that the answer does not depend on it by running "
                     "again with a smaller Nonlinear solver/Stabilization\n";
          }
        log << "Status: " << report.status << " (" << report.message << "), wall time " << report.wall_time_s
            << " s\n";
      }
    return exit_code;
  }
} // namespace leafmech
