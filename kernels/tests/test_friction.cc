// Coulomb friction at a contact point: the slip kinematics against closed forms (a point riding with an
// inflating cylinder, sliding along its axis, around it, and along an Inoue shoulder's meridian), the Coulomb
// cone (stick below mu p, slip on it and against the slip), and the stiffness against finite differences of the
// force in both states on tilted, curved lobes.
#include <leafmech/kernels/contact/balloon_profiles.h>

#include "tilted_balloon.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace leafmech::kernels;
using namespace leafmech::kernels::test_geometry;

namespace
{
  double norm(const double v[3]) { return std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]); }

  ContactLaw friction_law(double mu)
  {
    ContactLaw law{3.0, 0.0};
    law.friction           = mu;
    law.tangential_penalty = 4.0;
    return law;
  }

  const double none[3] = {0, 0, 0};
} // namespace

TEST(Friction, ZeroCoefficientIsFrictionless)
{
  const BalloonGeometry b = tilted_cylinder(12.0, 20.0);
  double x[3], xp[3];
  place(b.lobes[0], 1.0, 11.9, 0.4, x);
  place(b.lobes[0], 0.0, 11.9, 0.3, xp);
  const ContactPointResult with = contact_point(b.host_view(), friction_law(0.0), x, 0.7, 0.0, xp, none);
  const ContactPointResult without = contact_point(b.host_view(), ContactLaw{3.0, 0.0}, x, 0.7, 0.0);
  for (int k = 0; k < 3; ++k)
    EXPECT_EQ(with.force[k], without.force[k]);
  for (int k = 0; k < 9; ++k)
    EXPECT_EQ(with.stiffness[k], without.stiffness[k]);
  EXPECT_EQ(with.friction_work, 0.0);
}

TEST(Friction, SlipOfACylinderMatchesTheClosedForm)
{
  // Radius 12 at the previous state. Riding outwards with the inflation (radial motion only) is no slip; a
  // move along the axis by 0.003 and around it by 0.002 rad is a slip of 0.003 and 12.0 x 0.002 (to second
  // order in the move). The penalty is small enough that the point still sticks.
  const BalloonGeometry b = tilted_cylinder(12.0, 20.0);
  const BalloonView view = b.host_view();
  double            xp[3], x[3];
  place(b.lobes[0], 1.0, 11.95, 0.4, xp);
  place(b.lobes[0], 1.0, 11.9, 0.4, x);
  const FrictionTraction riding = friction_traction(balloon_distance(view, x), 0.3, -3.0, x, xp, none, 0.5, 4.0);
  EXPECT_LT(norm(riding.slip), 1e-12);
  place(b.lobes[0], 1.003, 11.9, 0.4, x);
  const FrictionTraction axial = friction_traction(balloon_distance(view, x), 0.3, -3.0, x, xp, none, 0.5, 4.0);
  EXPECT_NEAR(norm(axial.slip), 0.003, 1e-9);
  double along = 0;
  for (int k = 0; k < 3; ++k)
    along += axial.slip[k] * b.lobes[0].axis[k];
  EXPECT_NEAR(along, 0.003, 1e-9);
  EXPECT_FALSE(axial.slipping);
  for (int k = 0; k < 3; ++k)
    EXPECT_NEAR(axial.t[k], -4.0 * axial.slip[k], 1e-12); // stick: t = -eps_T s from rest
  place(b.lobes[0], 1.0, 11.9, 0.4, xp);
  place(b.lobes[0], 1.0, 11.9, 0.402, x);
  const FrictionTraction around = friction_traction(balloon_distance(view, x), 0.3, -3.0, x, xp, none, 0.5, 4.0);
  EXPECT_NEAR(norm(around.slip), 11.9 * 0.002, 11.9 * 0.002 * 1e-5);
}

TEST(Friction, SlipAlongAShoulderIsItsMeridianLength)
{
  // On the inner shoulder of an Inoue profile (slope R' up to about 1.3), a point moved along the surface's
  // meridian by dxi, the balloon still: the slip is the arc length dxi sqrt(1 + R'^2), with R' at the new
  // position (the slip is measured in the current tangent plane).
  const BalloonGeometry b = tilted_inoue();
  const BalloonView view = b.host_view();
  int               n_sloped = 0;
  for (double xi = 3.2; xi <= 6.6; xi += 0.3)
    {
      const double dxi = 1e-3, R0 = profile_radius(b.lobes[0], xi), R1 = profile_radius(b.lobes[0], xi + dxi);
      const double h = 1e-5;
      const double slope =
        (profile_radius(b.lobes[0], xi + dxi + h) - profile_radius(b.lobes[0], xi + dxi - h)) / (2 * h);
      double       xp[3], x[3];
      place(b.lobes[0], xi, R0, 1.1, xp); // on the surface, where the gap's gradient is its normal
      place(b.lobes[0], xi + dxi, R1, 1.1, x);
      const FrictionTraction f = friction_traction(balloon_distance(view, x), 0.3, -3.0, x, xp, none, 0.5, 4.0);
      EXPECT_NEAR(norm(f.slip), dxi * std::sqrt(1 + slope * slope), 1e-5 * dxi) << "xi " << xi;
      n_sloped += std::abs(slope) > 0.5 ? 1 : 0;
    }
  EXPECT_GT(n_sloped, 3);
}

TEST(Friction, TractionStaysOnTheCoulombCone)
{
  // From rest, a slip beyond mu p / eps_T slides: |t| = mu p, opposite the slip; below it the point sticks.
  const BalloonGeometry b = tilted_cylinder(12.0, 20.0);
  const BalloonView view = b.host_view();
  const ContactLaw  law  = friction_law(0.2);
  double            xp[3], x[3];
  place(b.lobes[0], 0.0, 11.9, 0.0, xp); // 0.1 mm inside: p = 0.3 MPa, so mu p / eps_T = 0.015 mm
  for (const double slide : {0.005, 0.014, 0.016, 0.5})
    {
      place(b.lobes[0], slide, 11.9, 0.0, x);
      const ContactPointResult r = contact_point(view, law, x, 1.0, 0.0, xp, none);
      EXPECT_NEAR(r.pressure, 0.3, 1e-9);
      const double t = norm(r.traction);
      if (slide * law.tangential_penalty < law.friction * r.pressure)
        EXPECT_NEAR(t, law.tangential_penalty * slide, 1e-9) << slide;
      else
        EXPECT_NEAR(t, law.friction * r.pressure, 1e-12) << slide;
      double along = 0;
      for (int k = 0; k < 3; ++k)
        along += r.traction[k] * b.lobes[0].axis[k];
      EXPECT_NEAR(along, -t, 1e-12); // against the slip
      EXPECT_NEAR(r.friction_work, t * slide, 1e-9 * (1 + t * slide));
    }
}

TEST(Friction, StiffnessMatchesFiniteDifferencesInStickAndSlip)
{
  BalloonGeometry b;
  b.lobes.push_back(inoue_lobe({12.0, 10.0, 7.0, 10.0, 6.0}));
  tilt(b.lobes[0]);
  const BalloonView                      view = b.host_view();
  std::mt19937                           rng(5);
  std::uniform_real_distribution<double> u(0, 1);
  int                                    n_stick = 0, n_slip = 0;
  for (int sample = 0; sample < 600; ++sample)
    {
      const double xi = -14 + 28 * u(rng), R = profile_radius(b.lobes[0], xi);
      double       x[3], xp[3], tp[3];
      place(b.lobes[0], xi, R - 0.3 * u(rng), 6.28 * u(rng), x);
      for (int k = 0; k < 3; ++k)
        {
          xp[k] = x[k] + 0.05 * (u(rng) - 0.5);
          tp[k] = 0.2 * (u(rng) - 0.5);
        }
      const ContactLaw         law = friction_law(0.1 + 0.3 * u(rng));
      const ContactPointResult r   = contact_point(view, law, x, 0.7, 0.0, xp, tp);
      if (r.pressure <= 0)
        continue;
      const bool   slipping = norm(r.traction) >= law.friction * r.pressure * (1 - 1e-12);
      const double h        = 1e-7;
      bool         same_state = true;
      double       fd[9];
      for (int j = 0; j < 3 && same_state; ++j)
        {
          double xpl[3] = {x[0], x[1], x[2]}, xmi[3] = {x[0], x[1], x[2]};
          xpl[j] += h;
          xmi[j] -= h;
          const ContactPointResult rp = contact_point(view, law, xpl, 0.7, 0.0, xp, tp);
          const ContactPointResult rm = contact_point(view, law, xmi, 0.7, 0.0, xp, tp);
          // Points within h of the stick/slip switch or of the contact's edge are skipped.
          for (const ContactPointResult *s : {&rp, &rm})
            same_state = same_state && s->pressure > 0 &&
                         (norm(s->traction) >= law.friction * s->pressure * (1 - 1e-12)) == slipping;
          for (int i = 0; i < 3; ++i)
            fd[3 * i + j] = (rp.force[i] - rm.force[i]) / (2 * h);
        }
      if (!same_state)
        continue;
      (slipping ? n_slip : n_stick) += 1;
      for (int k = 0; k < 9; ++k)
        EXPECT_NEAR(r.stiffness[k], fd[k], 2e-5 * (1 + std::abs(r.stiffness[k])))
          << "sample " << sample << (slipping ? " slip" : " stick") << " entry " << k;
    }
  EXPECT_GT(n_stick, 50);
  EXPECT_GT(n_slip, 50);
}
