#pragma once
/**
 * @file
 * @brief Space dimension, material and boundary identifiers shared by the whole solver (DESIGN.md section 2).
 */
#include <deal.II/base/types.h>

#include <array>
#include <string>

namespace leafmech
{
  /// leafmech solves three-dimensional problems only; templates are instantiated once, for this value.
  constexpr unsigned int dim = 3;

  namespace MaterialIds
  {
    constexpr dealii::types::material_id leaflet_anterior  = 0;
    constexpr dealii::types::material_id leaflet_posterior = 1;
    constexpr dealii::types::material_id commissure_fusion = 2;
    constexpr dealii::types::material_id calcium           = 3;
    constexpr unsigned int               n_materials       = 4;
    /// Names as used for parameter subsections and output.
    inline const std::array<std::string, n_materials> &names()
    {
      static const std::array<std::string, n_materials> n = {{"leaflet_anterior", "leaflet_posterior",
                                                             "commissure_fusion", "calcium"}};
      return n;
    }
  } // namespace MaterialIds

  namespace BoundaryIds
  {
    constexpr dealii::types::boundary_id annulus             = 0;
    constexpr dealii::types::boundary_id atrial_surface      = 1;
    constexpr dealii::types::boundary_id ventricular_surface = 2;
    constexpr dealii::types::boundary_id free_edge           = 3;
    constexpr dealii::types::boundary_id fusion_interface    = 4;
    /// Traction-free boundary that belongs to none of the named surfaces (e.g. unlabelled faces of a gmsh mesh).
    constexpr dealii::types::boundary_id other               = 5;
  } // namespace BoundaryIds
} // namespace leafmech
