#pragma once
/**
 * @file
 * @brief Patient valve meshes from gmsh (.msh, ASCII format 2.2 or 4.1, hexahedral cells).
 *
 * Naming convention: the physical groups carry the names of leafmech's ids (DESIGN.md section 2).
 *   Physical Volume  "leaflet_anterior" | "leaflet_posterior" | "commissure_fusion" | "calcium"
 *   Physical Surface "annulus" (held) | "atrial_surface" (pressure) | "ventricular_surface" | "free_edge" |
 *                    "fusion_interface" (coincident faces of the two sides of a fused commissure)
 * Every cell must lie in a named volume group; "annulus" and "atrial_surface" and at least one leaflet volume
 * must be present. Boundary faces in no surface group are traction-free (BoundaryIds::other).
 */
#include <deal.II/grid/tria.h>

#include <meshes/valve_mesh.h>
#include <string>
#include <vector>

namespace leafmech
{
  /**
   * @brief Reads `file` into the empty `tria` with leafmech's material and boundary ids and a circumferential
   * fibre field (e_z x r, parallel to the annulus plane). Throws std::invalid_argument naming the file and what
   * is missing or broken.
   */
  ValveMesh import_gmsh_valve(const std::string &file, dealii::Triangulation<3> &tria);

  /**
   * @brief Attaches one chorda per requested point to the nearest vertex of a ventricular_surface or free_edge
   * face, anchored at the papillary tip on the same side of the yz-plane (x > 0: anterolateral).
   */
  void attach_chordae(const dealii::Triangulation<3> &tria, const std::vector<dealii::Point<3>> &points,
                      const dealii::Point<3> &anterolateral_tip, const dealii::Point<3> &posteromedial_tip,
                      ValveMesh &mesh);
} // namespace leafmech
