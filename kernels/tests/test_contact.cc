// Balloon contact at a point: signed distance against the closed form for a cylinder, the gap as the normal
// distance on curved shoulders, force against finite differences of the penalty energy, stiffness against
// finite differences of the force (penalty, augmented Lagrangian, capped pressure), two lobes, the axis, and
// the staged Inoue profile's geometry.
#include <leafmech/kernels/contact/balloon_profiles.h>

#include "tilted_balloon.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace leafmech::kernels;
using namespace leafmech::kernels::test_geometry;

namespace
{
  double energy(const BalloonView &view, const ContactLaw &law, const double x[3], double w)
  {
    // Penalty energy w eps g^2 / 2 for g < 0 (no multiplier, no cap): its gradient is the contact force.
    const double g = balloon_distance(view, x).gap;
    return g < 0 ? 0.5 * w * law.penalty * g * g : 0.0;
  }
} // namespace

TEST(BalloonContact, CylinderDistanceMatchesClosedForm)
{
  const BalloonGeometry b    = tilted_cylinder(12.0, 20.0);
  const BalloonView     view = b.host_view();
  for (const double xi : {-8.0, 0.0, 3.5, 8.0})
    for (const double r : {0.0, 5.0, 11.9, 12.0, 13.5})
      for (const double phi : {0.0, 1.0, 4.0})
        {
          double x[3];
          place(b.lobes[0], xi, r, phi, x);
          const SurfaceDistance d = balloon_distance(view, x);
          EXPECT_NEAR(d.gap, r - 12.0, 1e-9) << "xi " << xi << " r " << r;
          if (r > 0)
            {
              double outward[3];
              place(b.lobes[0], 0.0, 1.0, phi, outward);
              for (int k = 0; k < 3; ++k)
                EXPECT_NEAR(d.n[k], outward[k] - b.lobes[0].origin[k], 1e-9);
            }
        }
}

TEST(BalloonContact, GapIsTheNormalDistanceToFirstOrder)
{
  // On the curved shoulders of an Inoue profile: step a distance delta along the surface's outward normal
  // (taken from central differences of the profile, not from the gap's own gradient). Expanding
  // g = (rho - R(xi)) / sqrt(1 + R'^2) there gives g = delta + kappa R'^2 delta^2 / 2 + O(delta^3) (kappa the
  // meridian's curvature), and the gradient is the unit normal up to O(delta): both are checked with a factor 2
  // to spare, so a gap that is not normalised (an O(delta) error on the slopes) fails.
  const BalloonGeometry b = tilted_inoue();
  const BalloonView view = b.host_view();
  int               n_curved = 0;
  for (double xi = -13.5; xi <= 13.5; xi += 0.37)
    {
      const double h = 1e-4, R = profile_radius(b.lobes[0], xi);
      const double dR  = (profile_radius(b.lobes[0], xi + h) - profile_radius(b.lobes[0], xi - h)) / (2 * h);
      const double d2R = (profile_radius(b.lobes[0], xi + h) - 2 * R + profile_radius(b.lobes[0], xi - h)) / (h * h);
      const double s = std::sqrt(1 + dR * dR), n_xi = -dR / s, n_r = 1 / s;
      const double kappa = std::abs(d2R) / (s * s * s), c = kappa * (1 + dR * dR);
      n_curved += kappa > 0.5 ? 1 : 0;
      for (const double delta : {-0.02, -1e-3, 1e-3, 0.02})
        {
          double x[3];
          place(b.lobes[0], xi + delta * n_xi, R + delta * n_r, 0.7, x);
          const SurfaceDistance d = balloon_distance(view, x);
          EXPECT_NEAR(d.gap, delta, c * delta * delta + 1e-9) << "xi " << xi << " delta " << delta;
          double unit_radial[3], axis_pt[3], n_expected[3];
          place(b.lobes[0], 0.0, 1.0, 0.7, unit_radial);
          place(b.lobes[0], 0.0, 0.0, 0.7, axis_pt);
          for (int k = 0; k < 3; ++k)
            n_expected[k] = n_xi * view.lobe[0].axis[k] + n_r * (unit_radial[k] - axis_pt[k]);
          if (std::abs(delta) < 2e-3)
            for (int k = 0; k < 3; ++k)
              EXPECT_NEAR(d.n[k], n_expected[k], 1e-6 + 2 * c * std::abs(delta)) << "xi " << xi;
        }
    }
  EXPECT_GT(n_curved, 4); // the check did reach the shoulders
}

TEST(BalloonContact, ForceAndStiffnessMatchFiniteDifferences)
{
  BalloonGeometry b = tilted_cylinder(12.0, 20.0);
  b.lobes.push_back(inoue_lobe({9.0, 10.0, 7.0, 12.0, 6.0}));
  b.lobes[1].origin[0] = 5.0; // a second, parallel lobe shifted sideways
  for (int k = 0; k < 3; ++k)
    b.lobes[1].axis[k] = b.lobes[0].axis[k];
  const BalloonView view = b.host_view();
  std::mt19937      rng(3);
  std::uniform_real_distribution<double> u(0, 1);
  int n_checked = 0, n_active = 0;
  for (int sample = 0; sample < 400; ++sample)
    {
      double x[3];
      place(b.lobes[sample % 2], -25 + 50 * u(rng), 16 * u(rng), 6.28 * u(rng), x);
      for (const auto &[law, lambda] : {std::pair<ContactLaw, double>{{3.0, 0.0}, 0.0},
                                        {{3.0, 0.0}, 0.4},
                                        {{3.0, 0.5}, 0.0},
                                        {{3.0, 0.0, 1.0, 0.5}, 0.0}})
        {
          const double             w = 0.7;
          const ContactPointResult r = contact_point(view, law, x, w, lambda);
          if (r.pressure > 0)
            ++n_active;
          const double h = 1e-6;
          for (int j = 0; j < 3; ++j)
            {
              double xp[3] = {x[0], x[1], x[2]}, xm[3] = {x[0], x[1], x[2]};
              xp[j] += h;
              xm[j] -= h;
              const ContactPointResult rp = contact_point(view, law, xp, w, lambda);
              const ContactPointResult rm = contact_point(view, law, xm, w, lambda);
              // Points within h of a kink of the law, or where the nearer of the two lobes changes, are skipped.
              if ((rp.pressure > 0) != (rm.pressure > 0) || std::abs(rp.pressure - rm.pressure) > 1e-3)
                continue;
              if (law.pressure_cap > 0 && (rp.pressure >= law.pressure_cap) != (rm.pressure >= law.pressure_cap))
                continue;
              ++n_checked;
              for (int i = 0; i < 3; ++i)
                EXPECT_NEAR(r.stiffness[3 * i + j], (rp.force[i] - rm.force[i]) / (2 * h),
                            1e-5 * (1 + std::abs(r.stiffness[3 * i + j])))
                  << "sample " << sample << " entry " << i << j << " gap " << r.gap;
              if (lambda == 0 && law.pressure_cap <= 0 && law.smoothing == 0)
                EXPECT_NEAR(r.force[j], (energy(view, law, xp, w) - energy(view, law, xm, w)) / (2 * h),
                            1e-5 * (1 + std::abs(r.force[j])));
            }
        }
    }
  EXPECT_GT(n_active, 300);
  EXPECT_GT(n_checked, 2000);
}

TEST(BalloonContact, PressureNeverExceedsTheCap)
{
  const BalloonGeometry b    = tilted_cylinder(12.0, 20.0);
  const BalloonView     view = b.host_view();
  double                x[3];
  place(b.lobes[0], 1.0, 9.0, 0.3, x); // 3 mm inside
  const ContactPointResult capped = contact_point(view, {100.0, 0.2}, x, 1.0, 0.0);
  EXPECT_DOUBLE_EQ(capped.pressure, 0.2);
  const ContactPointResult free = contact_point(view, {100.0, 0.0}, x, 1.0, 0.0);
  EXPECT_NEAR(free.pressure, 300.0, 1e-9);
  place(b.lobes[0], 1.0, 0.0, 0.3, x); // on the axis: finite, radial direction arbitrary
  const ContactPointResult axis = contact_point(view, {1.0, 0.0}, x, 1.0, 0.0);
  EXPECT_NEAR(axis.gap, -12.0, 1e-9);
  for (double v : axis.stiffness)
    EXPECT_TRUE(std::isfinite(v));
}

TEST(BalloonContact, SmoothedLawIsContinuousWithItsSlope)
{
  const BalloonGeometry b    = tilted_cylinder(12.0, 20.0);
  const BalloonView     view = b.host_view();
  const ContactLaw      law{4.0, 0.0, 1.0, 0.05};
  double                x[3];
  // Across g = 0 and g = delta the pressure and its slope have no jump.
  for (const double r : {12.0, 12.05})
    {
      double xm[3], xp[3];
      place(b.lobes[0], 0.0, r - 1e-9, 0.0, xm);
      place(b.lobes[0], 0.0, r + 1e-9, 0.0, xp);
      EXPECT_NEAR(contact_point(view, law, xm, 1, 0).pressure, contact_point(view, law, xp, 1, 0).pressure, 1e-8);
    }
  place(b.lobes[0], 0.0, 12.0, 0.0, x);
  EXPECT_NEAR(contact_point(view, law, x, 1, 0).pressure, 0.5 * 4.0 * 0.05, 1e-9); // eps delta / 2 at g = 0
  place(b.lobes[0], 0.0, 12.06, 0.0, x);
  EXPECT_EQ(contact_point(view, law, x, 1, 0).pressure, 0.0);
  place(b.lobes[0], 0.0, 11.0, 0.0, x);
  EXPECT_NEAR(contact_point(view, law, x, 1, 0).pressure, 4.0 * (1.0 + 0.025), 1e-9);
}

TEST(InoueBalloon, StagedProfileFollowsItsParameters)
{
  // Bulbs of length 10 centred at +-9, waist length 8: flat tops over |xi - 9| <= 1.5, inner shoulders over
  // 4 <= |xi| <= 7.5, outer shoulders over 10.5 <= |xi| <= 14, then the catheter.
  const double centre = 0.5 * 8.0 + 5.0, tol = 1e-5; // tol: the spline's interpolation error
  // Stage 1: distal bulb inflated, proximal bulb and waist at the deflated radius.
  const auto l1 = inoue_lobe({12.0, 2.0, 2.0, 10.0, 8.0});
  EXPECT_NEAR(profile_radius(l1, centre), 12.0, tol);
  EXPECT_NEAR(profile_radius(l1, centre + 1.4), 12.0, tol);
  EXPECT_NEAR(profile_radius(l1, -centre), 2.0, tol);
  EXPECT_NEAR(profile_radius(l1, 0.0), 2.0, tol);
  EXPECT_NEAR(profile_radius(l1, 5.75), 7.0, tol); // mid inner shoulder: halfway between waist and bulb
  // Fully inflated: both bulbs at 14 mm, the waist at the 13 mm target radius (26 mm diameter).
  const auto l3 = inoue_lobe({14.0, 14.0, 13.0, 10.0, 8.0});
  EXPECT_NEAR(profile_radius(l3, centre), 14.0, tol);
  EXPECT_NEAR(profile_radius(l3, -centre), 14.0, tol);
  EXPECT_NEAR(profile_radius(l3, 0.0), 13.0, tol);
  EXPECT_NEAR(profile_radius(l3, 4.0), 13.0, tol);
  EXPECT_NEAR(profile_radius(l3, -5.75), 13.5, tol);
  EXPECT_NEAR(profile_radius(l3, 12.25), 7.5, tol); // mid outer shoulder: halfway to the catheter
  // The waist is the narrowest part between the bulbs; the profile ends on the catheter at both ends.
  for (double xi = -centre; xi <= centre; xi += 0.25)
    EXPECT_GE(profile_radius(l3, xi), 13.0 - tol);
  for (const double xi : {-14.0, 14.0, -30.0, 30.0})
    EXPECT_NEAR(profile_radius(l3, xi), catheter_radius, tol);
  EXPECT_LE(l3.h, spline_spacing);
}
