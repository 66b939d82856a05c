#include <deal.II/base/mpi.h>

#include <base/atomic_file.h>
#include <base/output_directory.h>
#include <base/version.h>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <solver/app/collective.h>
#include <solver/app/procedure.h>
#include <solver/app/report/run_page.h>
#include <solver/app/run_driver.h>
#include <solver/postprocess/postprocessors/balloon_status.h>
#include <solver/postprocess/postprocessors/kinetic_energy.h>
#include <solver/postprocess/postprocessors/probes.h>
#include <solver/postprocess/stepwise_protocol.h>

namespace leafmech
{
  using namespace dealii;

  namespace
  {
    /// Removes the result files of an earlier run so nothing stale can pass for this run's output.
    void clear_previous_results(const std::string &directory)
    {
      for (const auto &entry : std::filesystem::directory_iterator(directory))
        {
          const std::string name = entry.path().filename().string();
          if (name.rfind("solution", 0) == 0 || name.rfind("chordae", 0) == 0 || name.rfind("balloon", 0) == 0 ||
              name == "summary.json" || name == "history.csv" || name == "stepwise.csv" || name == "newton.csv" ||
              name == "parameters.prm" || name == "log.txt" || name == "report.html")
            std::filesystem::remove(entry.path());
          else if (name.rfind("checkpoint", 0) == 0)
            std::filesystem::remove_all(entry.path());
        }
    }

    constexpr bool phase_complete(double load_factor) { return load_factor >= 1.0 - 1e-12; }
  } // namespace

  int run_command(const RunRequest &request, MPI_Comm comm) { return RunDriver(request, comm).run(); }

  RunDriver::RunDriver(const RunRequest &request, MPI_Comm comm)
    : original_request(request), comm(comm), root(Utilities::MPI::this_mpi_process(comm) == 0),
      resuming(!request.resume_directory.empty())
  {}

  int RunDriver::run()
  {
    if (!read_input() || !prepare_output())
      return 2;
    // Mesh, probe or checkpoint problems are input errors: nothing has been computed, and a new run leaves no
    // files (a resumed run keeps its directory as it was).
    std::string setup_failure;
    try
      {
        set_up();
      }
    catch (const std::exception &e)
      {
        setup_failure = error_text(e);
      }
    if (setup_failure = agree(comm, setup_failure); !setup_failure.empty())
      {
        if (root)
          std::cerr << "leafmech: " << setup_failure << "\n";
        remove_started_output();
        return 2;
      }
    try
      {
        solve_phases();
      }
    catch (const std::exception &e)
      {
        // Collective failures (every rank threw) end cleanly; a rank that failed alone ends all of them.
        const std::string message = error_text(e);
        end_all_ranks_unless_shared(comm, message);
        record.status  = "failed";
        record.message = message;
        exit_code      = 1;
        if (root)
          std::cerr << "leafmech: " << message << "\n";
      }
    report();
    return exit_code;
  }

  bool RunDriver::read_input()
  {
    // The input is the same on every rank; a checkpoint has a file per rank, which may be damaged on one.
    const std::string failure = agree_on_failure(comm, [&] {
      request = resumed_request(original_request);
      load_input(request, input);
      backend = kernels::select_backend(input.parameters.backend);
      if (resuming)
        checkpoint = read_checkpoint(request.output_directory, comm);
    });
    if (!failure.empty())
      {
        if (root)
          std::cerr << "leafmech: " << failure << "\n";
        return false;
      }
    std::ostringstream text;
    input.prm.print_parameters(text, ParameterHandler::ShortPRM);
    used_parameters = text.str();
    if (resuming && used_parameters != checkpoint->first.parameters)
      {
        if (root)
          std::cerr << "leafmech: " << request.input_file << " differs from the parameters the checkpoint was "
                    << "written with; a resumed run continues the same input (start a new run to change it)\n";
        return false;
      }
    return true;
  }

  void RunDriver::remove_started_output()
  {
    if (!root || resuming)
      return;
    log_file.close();
    const std::string &dir = input.parameters.output.directory;
    std::error_code    ec;
    for (const char *name : {"/parameters.prm", "/log.txt"})
      std::filesystem::remove(dir + name, ec);
    if (created_directory && std::filesystem::is_empty(dir, ec))
      std::filesystem::remove(dir, ec);
  }

  bool RunDriver::prepare_output()
  {
    const std::string &dir     = input.parameters.output.directory;
    created_directory          = !std::filesystem::exists(dir);
    const std::string  failure = agree_on_failure(
      comm,
      [&] {
        make_output_directory(dir);
        if (!resuming)
          {
            clear_previous_results(dir);
            write_file_atomically(dir + "/parameters.prm", used_parameters);
          }
      },
      /*root_only=*/true);
    if (!failure.empty())
      {
        if (root)
          std::cerr << "leafmech: " << failure << "\n";
        return false;
      }
    if (root)
      log_file.open(dir + "/log.txt", resuming ? std::ios::app : std::ios::out);
    std::streambuf *terminal = root ? std::cout.rdbuf() : nullptr, *file = root ? log_file.rdbuf() : nullptr;
    out_buffer    = std::make_unique<TeeBuffer>(terminal, file);
    detail_buffer = std::make_unique<TeeBuffer>(request.verbose ? terminal : nullptr, file);
    out           = std::make_unique<std::ostream>(out_buffer.get());
    detail        = std::make_unique<std::ostream>(detail_buffer.get());
    input.prm.enter_subsection("Geometry");
    record.problem = input.prm.get("Problem");
    input.prm.leave_subsection();
    *out << "leafmech " << version() << ": " << record.problem << " from " << request.input_file << "\n"
         << backend.note << "\n";
    record.mpi_ranks = Utilities::MPI::n_mpi_processes(comm);
    record.backend   = kernels::backend_name(backend.kind);
    const BalloonInflation &balloon = *input.balloon;
    if (balloon.enabled())
      record.balloon = {balloon.model_name(), balloon.pressure_limited() ? "pressure" : "diameter",
                        balloon.target_diameter()};
    record.probes   = input.parameters.output.probes;
    record.stepwise = input.parameters.stepwise;
    timer           = std::make_unique<TimerOutput>(comm, *detail, TimerOutput::never, TimerOutput::wall_times);
    return true;
  }

  void RunDriver::set_up()
  {
    solver = std::make_unique<SolidSolver>(input.parameters.solver, *input.problem, comm, *detail, *timer);
    solver->set_balloon(input.balloon->enabled() ? input.balloon.get() : nullptr, backend.kind);
    solver->setup();
    post = std::make_unique<PostprocessManager>(*solver, input.parameters.output, *timer);
    post->initialize();
    if (resuming)
      {
        const RunCheckpoint &saved = checkpoint->first;
        if (saved.cells != solver->n_cells())
          throw std::runtime_error("the checkpoint was written for " + std::to_string(saved.cells) +
                                   " cells and the input now builds " + std::to_string(solver->n_cells()) +
                                   " (has a mesh file changed?)");
        solver->restore(checkpoint->second);
        record.steps   = saved.steps(*post);
        record.initial = post->load(saved.initial);
      }
    record.cells = solver->n_cells();
    record.dofs  = solver->n_dofs();
    *out << "Mesh: " << record.cells << " cells, " << record.dofs << " DoFs, " << record.mpi_ranks << " MPI rank(s)\n";
    if (const ValveFeatures *valve = input.problem->valve())
      record.mesh_metrics = valve->mesh->metrics;
    for (const auto &[name, value] : record.mesh_metrics)
      *detail << "  " << name << ": " << value << "\n";
    writer  = std::make_unique<OutputWriter>(input.parameters.output.directory, comm);
    phases  = run_phases(input.parameters, *input.problem, *input.balloon);
    control = std::make_unique<RunControl>(comm, input.parameters.limits,
                                           resuming ? checkpoint->second.elapsed_s : 0.0);
    solver->set_interrupt([this] { return control->poll(); });
  }

  void RunDriver::write_checkpoint_now(unsigned int phase)
  {
    TimerOutput::Scope t(*timer, "checkpoint");
    write_checkpoint(input.parameters.output.directory,
                     RunCheckpoint(used_parameters, record.mpi_ranks, record.cells, phase, solver->progress(), written,
                                   writer->written(), record.steps, record.initial, *post),
                     solver->state(), comm);
  }

  std::string RunDriver::where() const
  {
    std::ostringstream at;
    if (record.steps.empty())
      return "before the first step";
    const StepReport &last = record.steps.back();
    at << std::setprecision(4) << "in the " << last.record.phase << " phase at its load factor "
       << last.record.load_factor;
    if (const BalloonResult *b = last.results.find<BalloonResult>())
      at << ", a " << std::setprecision(3) << b->achieved_diameter_mm << " mm waist (set "
         << b->free_diameter_mm << " mm)";
    at << ", step " << last.record.step;
    return at.str();
  }

  bool RunDriver::record_step(const StepRecord &step, unsigned int phase)
  {
    const OutputSettings &output  = input.parameters.output;
    PostprocessContext    context = post->context(step.state);
    record.steps.push_back({step, post->evaluate(context)});
    const bool last = phase_complete(step.load_factor);
    if ((output.interval > 0 && step.step % output.interval == 0) || last)
      {
        TimerOutput::Scope t(*timer, "output");
        writer->write(context, *post, written++, phase + step.load_factor);
      }
    stop_requested = request.stop_at_step > 0 && step.step >= request.stop_at_step;
    const KineticResult *kinetic = record.steps.back().results.find<KineticResult>();
    if (const std::string stall = control->after_step(step, kinetic != nullptr ? kinetic->kinetic_to_strain : 0.0);
        !stall.empty() && !last)
      {
        early_end            = stall;
        early_end_is_failure = true;
        stop_requested       = true;
      }
    if ((output.checkpoint_interval > 0 && step.step % output.checkpoint_interval == 0) || last || stop_requested)
      write_checkpoint_now(phase);
    const double left = phase_clock.step(wall.wall_time(), step.load_factor);
    if (root)
      {
        write_history_csv(output.directory, record, *post);
        *out << progress_line(record.steps.back(), step.wall_time, left) << "\n";
        *detail << "    ";
        const char *separator = "";
        for (const auto &[name, value] : post->measures(record.steps.back().results))
          {
            *detail << separator << name << " " << value;
            separator = ", ";
          }
        *detail << "\n";
      }
    return !stop_requested;
  }

  void RunDriver::end_early(unsigned int phase)
  {
    // The solver is back at its last converged state; keep it for --resume.
    write_checkpoint_now(phase);
    const std::string continuation = "; continue with: leafmech run --resume " + input.parameters.output.directory;
    record.outcome.completed       = false;
    record.outcome.stopped         = !early_end_is_failure;
    record.outcome.message         = early_end + ", " + where() +
                             (early_end_is_failure ? ". The last converged state is kept (checkpoint/)" : "");
    if (early_end_is_failure)
      record.outcome.message += ". Fix: more time (Run/Time limit), a smaller load step, or the viscous "
                                "stabilisation (Nonlinear solver/Stabilization) where a stall comes from a nearly "
                                "singular state";
    else
      record.outcome.message += continuation;
  }

  void RunDriver::solve_phases()
  {
    const RunParameters &parameters  = input.parameters;
    unsigned int         first_phase = 0;
    PhaseProgress        start;
    if (resuming)
      {
        const RunCheckpoint &saved = checkpoint->first;
        record.resumed_from_step   = record.steps.empty() ? 0 : record.steps.back().record.step;
        writer->resume(saved.outputs);
        written     = saved.outputs_written;
        first_phase = saved.phase;
        start       = saved.progress;
        if (phase_complete(start.load_factor))
          first_phase += 1, start = PhaseProgress{};
        *out << "Resuming from the checkpoint after step " << record.resumed_from_step << " ("
             << phases[saved.phase].name << " phase, load factor " << saved.progress.load_factor << ")\n";
        // The checkpoint may hold the whole run already.
        record.outcome = {true, false, "completed " + std::to_string(record.resumed_from_step) + " load steps", 1.0,
                          record.resumed_from_step};
      }
    else
      {
        PostprocessContext context = post->context(LoadState{});
        record.initial             = post->evaluate(context);
        TimerOutput::Scope t(*timer, "output");
        writer->write(context, *post, written++, 0.0);
      }
    for (unsigned int k = first_phase; k < phases.size() && !stop_requested; ++k)
      {
        // A resumed stepwise run whose checkpoint is the end of its last round has nothing left to run.
        if (parameters.stepwise.enabled() && k == first_phase && resuming &&
            stepwise_result(parameters.stepwise, record.steps).finished)
          break;
        if (phases[k].balloon_diameter > 0.0)
          {
            input.balloon->set_target(phases[k].balloon_diameter);
            record.balloon.target_diameter_mm = phases[k].balloon_diameter;
          }
        if (phases.size() > 1)
          *out << "Phase " << k + 1 << " of " << phases.size() << ": " << phases[k].name << "\n";
        phase_clock.start(wall.wall_time(), k == first_phase ? start.load_factor : 0.0);
        record.outcome = solver->run(
          phases[k], [&](const StepRecord &step) { return record_step(step, k); },
          k == first_phase ? start : PhaseProgress{});
        if (record.outcome.stopped && early_end.empty() && !stop_requested)
          {
            // The solver was interrupted inside an increment: a signal or the time limit.
            early_end            = record.outcome.message;
            early_end_is_failure = !control->stopped_by_signal();
          }
        if (!early_end.empty())
          {
            end_early(k);
            break;
          }
        if (!record.outcome.completed)
          break;
        if (parameters.stepwise.enabled() && phases[k].name == "deflation")
          {
            const StepwiseResult stepwise = stepwise_result(parameters.stepwise, record.steps);
            *out << round_line(stepwise.rounds.size(), stepwise.rounds.back()) << "\n";
            if (stepwise.finished)
              {
                *out << "Stepwise protocol: recommended balloon " << stepwise.recommendation << "\n";
                record.outcome.message +=
                  "; stepwise protocol finished after round " + std::to_string(stepwise.rounds.size());
                break;
              }
          }
        if (stop_requested && k + 1 < phases.size())
          record.outcome = {false, true, "stopped as asked after step " + std::to_string(request.stop_at_step), 0.0,
                            record.steps.back().record.step};
      }
    PostprocessContext context = post->context(LoadState{});
    record.final_probes        = post->evaluate_only<ProbeResult>(context).value_or(ProbeResult{});
    record.iterations          = solver->iterations();
    record.status  = record.outcome.completed ? "completed" : record.outcome.stopped ? "stopped" : "failed";
    record.message = record.outcome.message;
    if (record.outcome.stopped && early_end.empty())
      record.message += "; continue with: leafmech run --resume " + input.parameters.output.directory;
    exit_code = record.outcome.completed ? 0 : record.outcome.stopped ? 3 : 1;
  }

  void RunDriver::report()
  {
    const std::string &dir = input.parameters.output.directory;
    timer->print_wall_time_statistics(comm);
    for (const auto &[section, seconds] : timer->get_summary_data(TimerOutput::total_wall_time))
      record.timings_s[section] = seconds;
    record.wall_time_s = wall.wall_time() + (resuming ? checkpoint->second.elapsed_s : 0.0);
    if (!root)
      return;
    write_history_csv(dir, record, *post);
    write_newton_csv(dir, record);
    write_summary_json(dir, record, *post);
    if (input.parameters.stepwise.enabled())
      write_stepwise_csv(dir, record);
    if (const auto e = stabilization_energy(record.steps))
      {
        *out << "Viscous stabilisation dissipated " << e->dissipated_mJ << " mJ, " << 100.0 * e->fraction()
             << " % of the largest strain energy (" << e->max_strain_energy_mJ << " mJ)\n";
        if (e->fraction() > stabilization_warning_fraction)
          *out << "Note: the viscous stabilisation dissipated more than " << 100.0 * stabilization_warning_fraction
               << " % of the strain energy (a split running unstably releases energy that the damping takes, "
                  "or the coefficient is large): check that the answer does not depend on it by running "
                  "again with a smaller Nonlinear solver/Stabilization\n";
      }
    *out << final_table(dir);
    try
      {
        write_run_page(dir, input.parameters.output.report_renders);
      }
    catch (const std::exception &e)
      {
        *out << "Note: report.html was not written: " << e.what() << "\n";
      }
    *out << "Status: " << record.status << " (" << record.message << "), wall time " << record.wall_time_s
         << " s\n";
  }
} // namespace leafmech
