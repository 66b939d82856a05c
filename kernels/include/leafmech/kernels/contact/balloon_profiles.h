#pragma once
/**
 * @file
 * @brief Radius profiles of the balloon shapes (host side; the kernels see only the splines).
 *
 * A profile is a C2 function R(xi) built from flat parts joined by quintic smoothstep shoulders, sampled every
 * `spline_spacing` mm and fitted with a clamped cubic spline (interpolation error about 1e-6 mm for the
 * shoulders used here). Beyond its ends a profile stays at the catheter shaft's radius.
 */
#include <leafmech/kernels/contact/contact_batch.h>

#include <functional>

namespace leafmech::kernels
{
  /// Radius of the catheter shaft the balloon is mounted on (mm; about 6 French).
  constexpr double catheter_radius = 1.0;

  /// Node spacing of the profile splines (mm).
  constexpr double spline_spacing = 0.05;

  /// Samples radius(xi) on uniform nodes over [xi0, xi1] and fits the clamped cubic spline (R' = 0 at both ends).
  BalloonGeometry::Lobe spline_lobe(double xi0, double xi1, const std::function<double(double)> &radius);

  /// 0 below 0, 1 above 1, 10t^3 - 15t^4 + 6t^5 between: C2.
  double smoothstep(double t);

  /// A cylinder of the given radius whose straight part spans [-length/2, length/2], with shoulders as long as
  /// the radius down to the catheter.
  BalloonGeometry::Lobe cylinder_lobe(double radius, double length);

  /// Inoue balloon state: radii of the distal bulb, proximal bulb and waist (mm).
  struct InoueShape
  {
    double distal_radius, proximal_radius, waist_radius;
    double bulb_length;  ///< axial length of each bulb (mm)
    double waist_length; ///< axial length of the waist between the bulbs (mm)
  };

  /// Fraction of a bulb's length that is flat at its radius; the rest is its two shoulders.
  constexpr double inoue_flat_fraction = 0.3;

  /**
   * @brief Hourglass profile: the distal bulb (centred at +(waist_length + bulb_length)/2), the waist, the
   * proximal bulb. Each bulb is flat over its middle `inoue_flat_fraction` and has C2 shoulders to the waist
   * radius (inner side) and to the catheter (outer side); a bulb no larger than the waist is just waist.
   */
  BalloonGeometry::Lobe inoue_lobe(const InoueShape &shape);

  /// Radius of a lobe's profile at xi (the spline the kernels evaluate).
  double profile_radius(const BalloonGeometry::Lobe &lobe, double xi);
} // namespace leafmech::kernels
