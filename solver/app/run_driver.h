#pragma once
/**
 * @file
 * @brief The steps of `leafmech run`, in order: read_input, prepare_output, set_up, solve_phases, report.
 *
 * The terminal gets one progress line per converged step and a final table; the Newton iterations and the
 * per-step measures go to log.txt (and newton.csv), and to the terminal too with --verbose.
 */
#include <deal.II/base/timer.h>

#include <leafmech/kernels/backend.h>
#include <deque>
#include <fstream>
#include <memory>
#include <optional>
#include <solver/app/run_command.h>
#include <solver/app/run_control.h>
#include <solver/app/run_log.h>
#include <solver/postprocess/checkpoint.h>
#include <solver/postprocess/run_report.h>
#include <sstream>

namespace leafmech
{
  class RunDriver
  {
  public:
    RunDriver(const RunRequest &request, MPI_Comm comm);
    /// The whole run; returns its exit code.
    int run();

  private:
    /// 1. Everything is checked before anything is computed or written; false: an input error (printed).
    bool read_input();
    /// 2. The output directory, cleared of earlier results (kept when resuming); log.txt and parameters.prm.
    bool prepare_output();
    /// After an input error found in set_up: the files prepare_output wrote are removed again (a new run only).
    void remove_started_output();
    /// 3. Mesh, force terms, post-processors and, when resuming, the checkpointed state (input errors throw).
    void set_up();
    /// 4. The procedure's phases from the first (or the checkpoint's) on.
    void solve_phases();
    /// After every converged step: measure, write fields and checkpoints, log; false to stop here.
    bool record_step(const StepRecord &step, unsigned int phase);
    /// How the run ended early (a signal, the time limit, a stall), with a checkpoint of its last state.
    void end_early(unsigned int phase);
    /// 5. Timings, summary.json, history.csv, newton.csv, stepwise.csv, report.html and the final table.
    void report();
    void write_checkpoint_now(unsigned int phase);
    /// Where the run stands, for messages: the phase, its load factor and the balloon's waist.
    std::string where() const;

    const RunRequest original_request;
    MPI_Comm         comm;
    const bool       root;
    const bool       resuming;
    dealii::Timer    wall;

    RunRequest                request;
    RunInput                  input;
    kernels::BackendSelection backend;
    std::string               used_parameters;
    std::ofstream             log_file;
    std::unique_ptr<TeeBuffer>           out_buffer, detail_buffer;
    std::unique_ptr<std::ostream>        out, detail; ///< terminal and log.txt; log.txt (and --verbose)
    std::unique_ptr<dealii::TimerOutput> timer;

    std::unique_ptr<SolidSolver>        solver;
    std::unique_ptr<PostprocessManager> post;
    std::unique_ptr<OutputWriter>       writer;
    std::unique_ptr<RunControl>         control;
    std::vector<LoadPhase>              phases;
    unsigned int                        written = 0;
    RunReport                           record;
    std::optional<std::pair<RunCheckpoint, SolverState>> checkpoint;
    PhaseClock                          phase_clock;
    bool                                stop_requested = false;
    std::string                         early_end; ///< why the run ended before its load was through
    bool                                early_end_is_failure = false;
    int                                 exit_code = 1;
    bool                                created_directory = false;
  };
} // namespace leafmech
