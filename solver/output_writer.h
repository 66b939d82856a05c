#pragma once
#include <deal.II/base/data_out_base.h>
/**
 * @file
 * @brief ParaView output of the solid: solution.pvd -> solution-NNNN.pvtu -> solution-NNNN.R.vtu per rank.
 *
 * Point fields: displacement (mm), cauchy_stress (MPa, tensor), von_mises_stress and max_principal_stress
 * (MPa), J (volume ratio), fibre_direction (unit vector); cell fields: material_id, rank. Valve runs add
 * chordae.pvd -> chordae-NNNN.vtu: one line per chorda (deformed attachment to papillary tip), cell data
 * tension_N and papillary_muscle (0 anterolateral, 1 posteromedial). Balloon runs add the cell fields
 * contact_pressure (MPa, largest over the cell's contact points) and contact_status (1 in contact), and
 * balloon.pvd -> balloon-NNNN.vtu, the balloon surface at each output. The same solid fields go to
 * solution-NNNN.h5 (parallel HDF5) with solution.xdmf over them and solution.h5, which links every output as
 * the group solution-NNNN and holds `times` (h5py opens one file for the whole series). Coordinates are the reference configuration (use
 * Warp By Vector on displacement). Every file is written under a temporary name and renamed when complete.
 */
#include <solver/solid_solver.h>

#include <string>
#include <utility>
#include <vector>

namespace leafmech
{
  /// The time series written so far (what the .pvd and .xdmf files list), so a resumed run extends it.
  struct OutputSeries
  {
    std::vector<std::pair<double, std::string>> solution, chordae, balloon, hdf5;
    std::vector<dealii::XDMFEntry>             xdmf; ///< one per output, for solution.xdmf
  };

  class OutputWriter
  {
  public:
    OutputWriter(const std::string &directory, MPI_Comm comm);

    /// Writes the current state as output number `index` at pseudo-time `time` (phase number + its load factor),
    /// with the balloon and the chordae as they are at `state`.
    void write(SolidSolver &solver, const RunParameters &parameters, unsigned int index, double time,
               const LoadState &state);

    const OutputSeries &written() const { return series; }
    /// Continues the series of an earlier run (from its checkpoint).
    void resume(const OutputSeries &earlier) { series = earlier; }

  private:
    std::string  directory;
    MPI_Comm     comm;
    OutputSeries series;
  };

  /// A named cell-data array of an ASCII VTU.
  struct CellArray
  {
    std::string         name;
    std::vector<double> values;
  };

  /// An ASCII VTU whose cells are consecutive runs of points_per_cell points, of one VTK cell type.
  std::string ascii_vtu(const std::vector<dealii::Point<dim>> &points, unsigned int points_per_cell,
                        unsigned int vtk_type, const std::vector<CellArray> &cell_data);

  /// The balloon's surfaces of revolution as quads (n_around per 0.25 mm or less along the axis), cell data "lobe".
  std::string balloon_vtu(const kernels::BalloonGeometry &balloon, unsigned int n_around = 48);

  /// An ASCII VTU of the chordae as line cells with their tensions (N).
  std::string chordae_vtu(const std::vector<ChordSpec> &chordae, const std::vector<dealii::Point<dim>> &attachments,
                          const std::vector<double> &tensions);

  /// DIR/solution.h5: an external link per output file (group solution-NNNN), nodes and cells, and `times`.
  void write_hdf5_index(const std::string &directory, const std::vector<std::pair<double, std::string>> &outputs);

  /// Writes text to path atomically (temporary file, then rename).
  void write_file_atomically(const std::string &path, const std::string &contents);
} // namespace leafmech
