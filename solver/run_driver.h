#pragma once
/**
 * @file
 * @brief The `leafmech run` command: read and check the input, prepare the output directory, solve, report.
 *
 * Exit codes: 0 completed; 1 the simulation failed (summary.json says why, the last converged state is kept);
 * 2 invalid input or usage (nothing is computed and no result files are written); 3 stopped as asked
 * (RunRequest::stop_at_step) with a checkpoint to resume from.
 */
#include <deal.II/base/parameter_handler.h>

#include <memory>
#include <mpi.h>
#include <solver/balloon_model.h>
#include <solver/problem.h>
#include <solver/run_parameters.h>
#include <solver/solid_solver.h>
#include <string>
#include <vector>

namespace leafmech
{
  struct RunRequest
  {
    std::string              input_file;
    std::vector<std::string> overrides;        ///< "Section/Name=value"
    std::string              output_directory; ///< overrides Output/Directory when not empty
    std::string              resume_directory; ///< continue the run in this directory from its last checkpoint
    unsigned int             stop_at_step = 0; ///< stop (resumably, with a checkpoint) after this step; 0: never
  };

  int run_command(const RunRequest &request, MPI_Comm comm);

  /**
   * @brief The phases of a run. A balloon in a valve: diastolic loading (the valve's loads ramp on, balloon
   * deflated; its end gives the pre-procedure MVA), inflation, and deflation (the balloon withdrawn, the
   * valve recoils to its reference shape with its damage kept and the diastolic loads reopen it; its end
   * gives the post-procedure MVA). Anything else: one phase in which
   * the loads and the balloon follow the load factor together.
   */
  std::vector<LoadPhase> run_phases(const RunParameters &parameters, const Problem &problem,
                                    const BalloonInflation &balloon);

  /**
   * @brief `leafmech mesh`: builds the input's geometry and writes mesh.pvtu (material ids, fibres),
   * mesh_boundary.vtu (boundary ids), chordae.vtu and mesh_report.json; prints cells, DoFs, quality and
   * orifice area. Exit codes as for run (2: the geometry is refused).
   */
  int mesh_command(const RunRequest &request, MPI_Comm comm);

  /// Reads and checks the input deck; throws std::exception with a message naming the cause.
  void load_input(const RunRequest &request, dealii::ParameterHandler &prm, RunParameters &parameters,
                  std::unique_ptr<Problem> &problem, std::unique_ptr<BalloonInflation> &balloon);

  /// Prints every parameter with its default, allowed values and documentation (units included).
  void print_parameters(std::ostream &out);
} // namespace leafmech
