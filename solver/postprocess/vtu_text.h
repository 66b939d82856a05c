#pragma once
/**
 * @file
 * @brief Small ASCII VTU files written directly: the balloon's surfaces and the chordae (series beside the
 * solution), and the boundary of a mesh.
 */
#include <deal.II/base/point.h>

#include <leafmech/kernels/contact/contact_batch.h>
#include <base/types.h>
#include <meshes/valve_mesh.h>
#include <string>
#include <vector>

namespace leafmech
{
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
} // namespace leafmech
