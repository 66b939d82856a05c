#pragma once
/**
 * @file
 * @brief The steps of `leafmech run`, in order: read_input, prepare_output, set_up, solve_phases, report.
 */
#include <deal.II/base/timer.h>

#include <leafmech/kernels/backend.h>
#include <fstream>
#include <memory>
#include <optional>
#include <solver/app/run_command.h>
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
    void prepare_output();
    /// 3. Mesh, force terms, post-processors and, when resuming, the checkpointed state (input errors throw).
    void set_up();
    /// 4. The procedure's phases from the first (or the checkpoint's) on.
    void solve_phases();
    /// After every converged step: measure, write fields and checkpoints, log; false to stop here.
    bool record_step(const StepRecord &step, unsigned int phase, double phase_start, double phase_from);
    /// 5. Timings, summary.json, history.csv, newton.csv, stepwise.csv and the final log lines.
    void report();
    void write_checkpoint_now(unsigned int phase);

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
    std::unique_ptr<TeeBuffer>   tee;
    std::unique_ptr<std::ostream> log;
    std::unique_ptr<dealii::TimerOutput> timer;

    std::unique_ptr<SolidSolver>        solver;
    std::unique_ptr<PostprocessManager> post;
    std::unique_ptr<OutputWriter>       writer;
    std::vector<LoadPhase>              phases;
    unsigned int                        written = 0;
    RunReport                           record;
    std::optional<std::pair<RunCheckpoint, SolverState>> checkpoint;
    bool                                stop_requested = false;
    int                                 exit_code      = 1;
  };
} // namespace leafmech
