// Balloon contact at a point: signed distance against closed forms for a cylinder (straight part and
// hemispherical ends), force against finite differences of the penalty energy, stiffness against finite
// differences of the force (penalty, augmented Lagrangian, capped pressure), two lobes, the axis, and the
// staged Inoue profile's geometry.
#include <leafmech/kernels/contact/balloon_profiles.h>

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace leafmech::kernels;

namespace
{
  BalloonGeometry tilted_cylinder(double radius, double length)
  {
    BalloonGeometry b;
    b.lobes.push_back(cylinder_lobe(radius, length));
    const double a[3] = {0.2, -0.3, 0.932737905};
    const double n    = std::sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    for (int k = 0; k < 3; ++k)
      {
        b.lobes[0].axis[k]   = a[k] / n;
        b.lobes[0].origin[k] = 0.5 * k - 0.3;
      }
    return b;
  }

  /// x = origin + xi a + r e, e a unit vector normal to a at azimuth phi.
  void place(const BalloonGeometry::Lobe &l, double xi, double r, double phi, double x[3])
  {
    const double *a = l.axis;
    double        u[3] = {-a[1], a[0], 0.0};
    const double  nu   = std::sqrt(u[0] * u[0] + u[1] * u[1]);
    for (double &c : u)
      c /= nu;
    const double v[3] = {a[1] * u[2] - a[2] * u[1], a[2] * u[0] - a[0] * u[2], a[0] * u[1] - a[1] * u[0]};
    for (int k = 0; k < 3; ++k)
      x[k] = l.origin[k] + xi * a[k] + r * (std::cos(phi) * u[k] + std::sin(phi) * v[k]);
  }

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
  for (const double xi : {-8.0, 0.0, 3.5, 9.9})
    for (const double r : {0.0, 5.0, 11.9, 12.0, 13.5})
      for (const double phi : {0.0, 1.0, 4.0})
        {
          double x[3];
          place(b.lobes[0], xi, r, phi, x);
          // Beside the straight part the side is the nearest surface (a hemisphere's rim is never nearer).
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
  // Hemispherical end: distance to the centre of the cap minus the radius, to the polyline's faceting.
  for (const double angle : {0.1, 0.7, 1.3})
    for (const double rho : {8.0, 12.5, 15.0})
      {
        double x[3];
        place(b.lobes[0], 10.0 + rho * std::cos(angle), rho * std::sin(angle), 0.5, x);
        EXPECT_NEAR(balloon_distance(view, x).gap, rho - 12.0, 12.0 * (1 - std::cos(M_PI / 256)) + 1e-12);
      }
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
              // Points within h of a kink of the law or of the polyline's closest-feature regions are skipped.
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
  // The necks are rounded by a softplus over 0.5 mm, which can add at most 0.5 ln 2 where two parts meet.
  const double neck = 0.5 * std::log(2.0) + 1e-3;
  // Stage 1: distal bulb inflated, proximal bulb and waist at the deflated radius.
  const InoueShape stage1{12.0, 2.0, 2.0, 10.0, 8.0};
  const auto       l1 = inoue_lobe(stage1);
  const double     centre = 0.5 * 8.0 + 5.0;
  EXPECT_NEAR(profile_radius(l1, centre), 12.0, 0.05);
  EXPECT_GE(profile_radius(l1, -centre), 2.0);
  EXPECT_LE(profile_radius(l1, -centre), 2.0 + neck);
  EXPECT_NEAR(profile_radius(l1, 0.0), 2.0, 1e-9);
  // Fully inflated: both bulbs at 14 mm, the waist at the 13 mm target radius (26 mm diameter).
  const InoueShape full{14.0, 14.0, 13.0, 10.0, 8.0};
  const auto       l3 = inoue_lobe(full);
  EXPECT_NEAR(profile_radius(l3, centre), 14.0, 0.1);
  EXPECT_NEAR(profile_radius(l3, -centre), 14.0, 0.1);
  EXPECT_NEAR(profile_radius(l3, 0.0), 13.0, 1e-9);
  // The waist is the narrowest part between the bulbs, and the profile closes on the axis at both ends.
  for (double xi = -centre; xi <= centre; xi += 0.25)
    EXPECT_GE(profile_radius(l3, xi), 13.0 - 1e-9);
  EXPECT_EQ(l3.r.front(), 0.0);
  EXPECT_EQ(l3.r.back(), 0.0);
  for (std::size_t k = 1; k < l3.xi.size(); ++k)
    EXPECT_GE(l3.xi[k], l3.xi[k - 1]);
}
