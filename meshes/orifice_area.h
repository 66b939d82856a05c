#pragma once
/**
 * @file
 * @brief Geometric orifice area: the opening seen along the valve axis (z) inside the annulus contour.
 *
 * The boundary faces of the (deformed) leaflets are projected onto the xy-plane and rasterised; the orifice is
 * every uncovered pixel that cannot be reached from the image border, i.e. the holes of the leaflets' shadow.
 * That needs no annulus polygon, counts a double orifice as two holes, and counts an opened split as open.
 * Each rank rasterises its own cells and the images are combined with a bitwise OR, so the area does not depend
 * on how the mesh is partitioned.
 */
#include <deal.II/base/point.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/grid/tria.h>
#include <deal.II/lac/petsc_vector.h>

#include <array>
#include <mpi.h>
#include <vector>

namespace leafmech
{
  /// A projected quadrilateral, vertices in deal.II's lexicographic face order (0,0), (1,0), (0,1), (1,1).
  using ProjectedQuad = std::array<dealii::Point<2>, 4>;

  /**
   * @brief Area (mm^2) of the holes in the union of the quads of all ranks.
   * @param pixel raster spacing (mm); the error is a fraction of a pixel per unit length of hole boundary.
   */
  double hole_area(const std::vector<ProjectedQuad> &quads, double pixel, MPI_Comm comm);

  /// Orifice area (mm^2) of the reference configuration, from the locally owned cells' straight-sided faces.
  double orifice_area(const dealii::Triangulation<3> &tria, double pixel, MPI_Comm comm);

  /**
   * @brief Orifice area (mm^2) of the configuration x = X + u. Each boundary face is sampled on a grid of
   * (2 degree + 1)^2 points so curved (quadratic) faces are followed.
   * @param u displacement with ghost entries for the locally owned cells.
   */
  double orifice_area(const dealii::DoFHandler<3> &dofs, const dealii::PETScWrappers::MPI::Vector &u, double pixel,
                      MPI_Comm comm);
} // namespace leafmech
