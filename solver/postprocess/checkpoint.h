#pragma once
/**
 * @file
 * @brief Checkpoint and restart of a run. DIR/checkpoint/ holds rank_NNNN.bin (each rank's SolverState) and
 * run.bin (rank 0: where the run stands and its record so far). A checkpoint is written into checkpoint.new/
 * and renamed into place, so a run killed at any moment leaves its last whole checkpoint.
 *
 * The mesh is not stored: it is never adapted, so the same input and the same number of ranks rebuild it with
 * the same cells and DoF numbering, and the checkpoint checks that they do (cells, DoFs, the owned range of
 * every rank) before anything is restored.
 */
#include <mpi.h>
#include <solver/postprocess/output_writer.h>
#include <solver/postprocess/postprocess_manager.h>
#include <solver/postprocess/run_record.h>
#include <string>
#include <vector>

namespace leafmech
{
  /// Rank 0's part of a checkpoint: where the run stands and what it has recorded.
  struct RunCheckpoint
  {
    std::string        parameters; ///< the text of parameters.prm the run was started with
    unsigned int       ranks = 0;
    unsigned long long cells = 0;
    unsigned int       phase = 0; ///< index into the run's phases
    PhaseProgress      progress;  ///< of that phase (load factor 1: it is complete)
    unsigned int       outputs_written = 0;
    OutputSeries       outputs;
    std::vector<StepRecord>        records;
    std::vector<std::vector<char>> results; ///< each step's post-processing results (PostprocessManager::save)
    std::vector<char>              initial; ///< the reference configuration's

    /// The steps so far and the reference results, as the run's post-processors give them.
    RunCheckpoint(const std::string &parameters, unsigned int ranks, unsigned long long cells, unsigned int phase,
                  const PhaseProgress &progress, unsigned int outputs_written, const OutputSeries &outputs,
                  const std::vector<StepReport> &steps, const Results &initial, const PostprocessManager &post);
    RunCheckpoint() = default;
    /// The recorded steps with their results (the same input gives the same post-processors).
    std::vector<StepReport> steps(const PostprocessManager &post) const;

    template <class Archive>
    void serialize(Archive &ar, unsigned int)
    {
      ar &parameters &ranks &cells &phase &progress &outputs_written &outputs &records &results &initial;
    }
  };

  /// Writes DIR/checkpoint (collective; rank 0's `run` is the one kept).
  void write_checkpoint(const std::string &directory, const RunCheckpoint &run, const SolverState &state,
                        MPI_Comm comm);

  /**
   * @brief Reads DIR's last whole checkpoint (collective). Throws std::runtime_error naming what is missing or
   * does not match this launch (the number of ranks).
   */
  std::pair<RunCheckpoint, SolverState> read_checkpoint(const std::string &directory, MPI_Comm comm);
} // namespace leafmech
