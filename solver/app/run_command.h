#pragma once
/**
 * @file
 * @brief The `leafmech run` command: read and check the input, prepare the output directory, set up the
 * solver and its post-processors, solve the procedure's phases, report.
 *
 * Exit codes: 0 completed; 1 the simulation failed (summary.json says why, the last converged state is kept);
 * 2 invalid input or usage (nothing is computed and no result files are written); 3 stopped as asked
 * (RunRequest::stop_at_step) with a checkpoint to resume from.
 */
#include <mpi.h>
#include <solver/app/run_input.h>

namespace leafmech
{
  int run_command(const RunRequest &request, MPI_Comm comm);

  /**
   * @brief `leafmech mesh`: builds the input's geometry and writes mesh.pvtu (material ids, fibres),
   * mesh_boundary.vtu (boundary ids), chordae.vtu and mesh_report.json; prints cells, DoFs, quality and
   * orifice area. Exit codes as for run (2: the geometry is refused).
   */
  int mesh_command(const RunRequest &request, MPI_Comm comm);
} // namespace leafmech
