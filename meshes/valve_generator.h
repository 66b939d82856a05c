#pragma once
/**
 * @file
 * @brief Parametric rheumatic stenotic mitral valve: a hexahedral mesh of two thickened leaflets forming a
 * funnel from a saddle-shaped D annulus to a fish-mouth orifice, with fused commissures, calcium nodules,
 * chordae and a circumferential fibre field.
 *
 * Frame (DESIGN.md section 2): origin at the annulus centre, z from atrium to ventricle, x through the
 * commissures (anterolateral at +x), y anteroposterior (anterior at +y). The angle theta runs anticlockwise
 * seen from the atrium: 0 anterolateral commissure, 90 deg anterior leaflet middle, 180 deg posteromedial
 * commissure, 270 deg posterior leaflet middle.
 *
 * Construction. The atrial surface is P(theta, s), s in [0, 1] from the annulus to the free edge:
 *   horizontally a straight blend from the annulus point A(theta) to the orifice contour E(theta),
 *   the straight chord from the annulus to the tip plus a doming bulge 4 delta(theta) s (1 - s) perpendicular
 *   to it, towards the ventricle; delta = delta_leaflet sin^2(theta), with delta_leaflet chosen so the meridian through the
 *   leaflet's middle has the leaflet's height (and the bulge vanishes smoothly at the commissures).
 * The ventricular surface is P + t(s) n (n the unit normal towards the ventricle, t the thickness), an offset to
 * the convex side, so thick leaflets do not fold. The orifice contour is an ellipse whose ends lie the fused
 * length (plus the unfused commissural span) from the commissures; its width is corrected until the measured
 * orifice area is within 0.5 % of the target. The mesh is cut along the two commissure meridians: anterior
 * and posterior leaflets are separate pieces whose coincident faces carry the boundary id fusion_interface
 * and are tied together by the solver; a split opens along them.
 */
#include <deal.II/base/parameter_handler.h>
#include <deal.II/grid/tria.h>

#include <meshes/valve_mesh.h>
#include <string>
#include <vector>

namespace leafmech
{
  struct CalciumNodule
  {
    std::string site;            ///< anterior | posterior | anterolateral commissure | posteromedial commissure
    double      angle_deg;       ///< leaflets: theta; commissures: offset from the commissure (deg)
    double      radial_fraction; ///< 0 at the annulus, 1 at the free edge
    double      radius_mm;
  };

  struct ValveGeometry
  {
    // Annulus
    double intercommissural_diameter = 34.0; ///< mm
    double anteroposterior_diameter  = 27.0; ///< mm
    double saddle_height             = 6.0;  ///< mm, commissures lowest (towards the ventricle)
    double anterior_fraction         = 0.45; ///< share of the AP diameter on the anterior side of the centre
    // Leaflets
    double anterior_height  = 22.0; ///< mm, annulus to free edge along the leaflet
    double posterior_height = 16.0; ///< mm
    double funnel_depth     = 8.0;  ///< mm, depth of the free edge below the annulus plane
    double orifice_offset   = -3.0; ///< mm, y of the orifice centre (negative: towards the posterior annulus)
    double base_thickness   = 2.0;  ///< mm, at the annulus
    double tip_thickness    = 3.5;  ///< mm, at the free edge
    // Commissures
    double anterolateral_fusion   = 7.0; ///< mm, fused length from the commissure towards the centre
    double posteromedial_fusion   = 7.0; ///< mm
    double commissural_span       = 3.0; ///< mm, unfused commissural leaflet between annulus and fusion
    double fusion_width           = 4.0; ///< mm, circumferential width of the commissure_fusion zone
    // Orifice
    double target_orifice_area = 1.0; ///< cm^2
    double orifice_pixel       = 0.02; ///< mm, raster spacing of the orifice-area measurement (set by the caller)
    // Calcium
    std::vector<CalciumNodule> nodules;
    // Chordae
    unsigned int     marginal_chordae_per_leaflet = 4;
    unsigned int     basal_chordae_per_leaflet    = 2;
    double           basal_attachment_fraction    = 0.6;
    dealii::Point<3> anterolateral_papillary_tip{12.0, -4.0, 26.0};
    dealii::Point<3> posteromedial_papillary_tip{-12.0, -4.0, 26.0};
    // Resolution
    unsigned int cells_around           = 48; ///< around the whole annulus, a multiple of 4
    unsigned int cells_along            = 8;  ///< annulus to free edge
    unsigned int cells_through_thickness = 1;
    double       minimum_scaled_jacobian = 0.05;
  };

  /// Declares the generator's entries in the current subsection.
  void declare_valve_geometry(dealii::ParameterHandler &prm);

  /// Reads them; throws std::invalid_argument naming the entry for values a pattern cannot check.
  ValveGeometry parse_valve_geometry(dealii::ParameterHandler &prm);

  /**
   * @brief Builds the valve into `tria` (which must be empty) and returns the fibres, chordae and metrics.
   * Throws std::invalid_argument with the cause and the fix for inputs that cannot make a valid valve
   * (leaflets too short for the funnel, unreachable orifice area, inverted or degenerate cells, nodules that
   * miss every cell).
   */
  ValveMesh generate_valve(const ValveGeometry &geometry, dealii::Triangulation<3> &tria);

  /// Smallest scaled Jacobian over the corners of all cells (1 for a cube, <= 0 for an inverted cell).
  double minimum_scaled_jacobian(const dealii::Triangulation<3> &tria);
} // namespace leafmech
