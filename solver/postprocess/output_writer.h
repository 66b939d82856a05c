#pragma once
/**
 * @file
 * @brief ParaView output of the solid: solution.pvd -> solution-NNNN.pvtu -> solution-NNNN.R.vtu per rank.
 *
 * Point fields: displacement (mm), cauchy_stress (MPa, tensor), von_mises_stress and max_principal_stress
 * (MPa), J (volume ratio), fibre_direction (unit vector); cell fields: material_id, rank; then the fields of
 * the force terms (contact_pressure, contact_status, cohesive_damage, ...) and of the post-processors
 * (tear_index). Side files of the post-processors go to their own series, e.g. balloon.pvd -> balloon-NNNN.vtu
 * and chordae.pvd -> chordae-NNNN.vtu. The same solid fields go to solution-NNNN.h5 (parallel HDF5) with
 * solution.xdmf over them and solution.h5, which links every output as the group solution-NNNN and holds
 * `times` (h5py opens one file for the whole series). Coordinates are the reference configuration (use Warp By
 * Vector on displacement). Every file is written under a temporary name and renamed when complete.
 */
#include <deal.II/base/data_out_base.h>

#include <base/atomic_file.h>
#include <map>
#include <solver/postprocess/postprocess_manager.h>
#include <string>
#include <utility>
#include <vector>

namespace leafmech
{
  /// The time series written so far (what the .pvd and .xdmf files list), so a resumed run extends it.
  struct OutputSeries
  {
    std::vector<std::pair<double, std::string>> solution, hdf5;
    std::map<std::string, std::vector<std::pair<double, std::string>>> side; ///< per side-file series
    std::vector<dealii::XDMFEntry> xdmf; ///< one per output, for solution.xdmf
  };

  class OutputWriter
  {
  public:
    OutputWriter(const std::string &directory, MPI_Comm comm);

    /// Writes the state of `context` as output number `index` at pseudo-time `time` (phase number + its load
    /// factor), with the force terms' and the post-processors' fields.
    void write(PostprocessContext &context, PostprocessManager &postprocessors, unsigned int index, double time);

    const OutputSeries &written() const { return series; }
    /// Continues the series of an earlier run (from its checkpoint).
    void resume(const OutputSeries &earlier) { series = earlier; }

  private:
    void write_side_files(const std::vector<OutputFields::SideFile> &files, unsigned int index, double time);

    std::string  directory;
    MPI_Comm     comm;
    OutputSeries series;
  };

  /// DIR/solution.h5: an external link per output file (group solution-NNNN), nodes and cells, and `times`.
  void write_hdf5_index(const std::string &directory, const std::vector<std::pair<double, std::string>> &outputs);
} // namespace leafmech
