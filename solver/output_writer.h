#pragma once
/**
 * @file
 * @brief ParaView output of the solid: solution.pvd -> solution-NNNN.pvtu -> solution-NNNN.R.vtu per rank.
 *
 * Point fields: displacement (mm), cauchy_stress (MPa, tensor), von_mises_stress and max_principal_stress
 * (MPa), J (volume ratio); cell fields: material_id, rank. Coordinates are the reference configuration (use
 * Warp By Vector on displacement). Every file is written under a temporary name and renamed when complete.
 */
#include <solver/solid_solver.h>

#include <string>
#include <utility>
#include <vector>

namespace leafmech
{
  class OutputWriter
  {
  public:
    OutputWriter(const std::string &directory, MPI_Comm comm);

    /// Writes the current state as output number `index` at pseudo-time `time` (the load factor).
    void write(SolidSolver &solver, const RunParameters &parameters, unsigned int index, double time);

  private:
    std::string                                directory;
    MPI_Comm                                   comm;
    std::vector<std::pair<double, std::string>> records;
  };

  /// Writes text to path atomically (temporary file, then rename).
  void write_file_atomically(const std::string &path, const std::string &contents);
} // namespace leafmech
