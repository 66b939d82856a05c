#pragma once
/**
 * @file
 * @brief Meridian polylines of the balloon shapes (host side; the kernels see only the polylines).
 *
 * Every profile starts and ends on the axis (r = 0) with xi non-decreasing, sampled finely enough
 * (`samples` points per curved part) that the polyline's faceting is far below the mesh size.
 */
#include <leafmech/kernels/contact/contact_batch.h>

namespace leafmech::kernels
{
  /// A cylinder of the given radius whose straight part spans [-length/2, length/2], closed by hemispheres.
  BalloonGeometry::Lobe cylinder_lobe(double radius, double length, int samples = 64);

  /// Inoue balloon state: radii of the distal bulb, proximal bulb and waist (mm).
  struct InoueShape
  {
    double distal_radius, proximal_radius, waist_radius;
    double bulb_length;  ///< axial length of each bulb (mm)
    double waist_length; ///< axial length of the waist between the bulbs (mm)
  };

  /**
   * @brief Hourglass profile: two ellipsoidal bulbs (distal at +xi) joined by the waist, a cylinder over the
   * whole length with rounded ends; the radius at each xi is the (smoothed, over 0.5 mm) largest of the three,
   * so an uninflated part stays at the waist radius and the necks have no corner. Uniform sampling.
   */
  BalloonGeometry::Lobe inoue_lobe(const InoueShape &shape, int samples = 400);

  /// Radius of a lobe's profile at xi (linear interpolation; 0 outside its ends).
  double profile_radius(const BalloonGeometry::Lobe &lobe, double xi);
} // namespace leafmech::kernels
