// Cohesive law: tangent against finite differences of the traction on every branch, the dissipated energy of
// a full separation against the fracture energy and the peak against the strength, no healing on unloading,
// and no damage in compression.
#include <leafmech/kernels/cohesive.h>

#include <gtest/gtest.h>

#include <cmath>

using namespace leafmech::kernels;

namespace
{
  const CohesiveLaw law{0.4, 0.225}; // df = 16 G / (9 strength) = 1 mm, K0 = 2.7 MPa/mm
  const double      normal[3] = {0.6, 0.0, 0.8};

  /// The history of a point that has opened to kappa without viscosity.
  CohesiveHistory history(double kappa) { return {kappa, cohesive_damage(law, kappa)}; }

  /// The jump a * normal + b * tangent (tangent a unit vector normal to `normal`).
  void jump(double a, double b, double d[3])
  {
    const double t[3] = {0.8, 0.0, -0.6};
    for (int i = 0; i < 3; ++i)
      d[i] = a * normal[i] + b * t[i];
  }
} // namespace

TEST(Cohesive, TangentMatchesFiniteDifferencesOnEveryBranch)
{
  struct Case
  {
    double normal_opening, shear_opening, kappa;
    const char *branch;
  };
  const Case cases[] = {{0.002, 0.001, 0.0, "first opening"},
                        {0.2, 0.1, 0.0, "softening, mixed mode"},
                        {0.5, 0.0, 0.0, "softening, pure opening"},
                        {0.1, 0.05, 0.6, "unloading on the damaged secant"},
                        {-0.05, 0.2, 0.0, "shear softening while pressed together"},
                        {-0.05, 0.0, 0.3, "closed crack"},
                        {1.2, 0.3, 0.0, "separated"}};
  for (const Case &c : cases)
    {
      double d[3], s[3], K[9];
      jump(c.normal_opening, c.shear_opening, d);
      cohesive_response(law, d, normal, history(c.kappa), 1.0, s, K);
      const double h = 1e-7;
      for (int b = 0; b < 3; ++b)
        {
          double dp[3] = {d[0], d[1], d[2]}, dm[3] = {d[0], d[1], d[2]}, sp[3], sm[3], Kd[9];
          dp[b] += h;
          dm[b] -= h;
          cohesive_response(law, dp, normal, history(c.kappa), 1.0, sp, Kd);
          cohesive_response(law, dm, normal, history(c.kappa), 1.0, sm, Kd);
          for (int a = 0; a < 3; ++a)
            EXPECT_NEAR(K[3 * a + b], (sp[a] - sm[a]) / (2 * h), 1e-5 * (1 + std::abs(K[3 * a + b])))
              << c.branch << ", entry " << a << b;
        }
      for (int a = 0; a < 3; ++a)
        for (int b = 0; b < a; ++b)
          EXPECT_DOUBLE_EQ(K[3 * a + b], K[3 * b + a]) << c.branch;
    }
}

TEST(Cohesive, SeparatingAUnitAreaDissipatesTheFractureEnergy)
{
  // Open monotonically along a mixed direction past df, integrating s . dd (the history follows the path).
  for (const double mix : {0.0, 0.5, 2.0})
    {
      const unsigned int n = 200000;
      const double       end = 1.3 * law.final_opening(), length = std::sqrt(1 + mix * mix);
      CohesiveHistory    h;
      double             work = 0.0, s_prev[3] = {0, 0, 0}, d_prev[3] = {0, 0, 0}, peak = 0.0;
      for (unsigned int i = 1; i <= n; ++i)
        {
          const double r = end * i / n / length;
          double       d[3], s[3], K[9];
          jump(r, mix * r, d);
          h = cohesive_response(law, d, normal, h, 1.0, s, K);
          for (int a = 0; a < 3; ++a)
            work += 0.5 * (s[a] + s_prev[a]) * (d[a] - d_prev[a]);
          peak = std::max(peak, std::sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]));
          for (int a = 0; a < 3; ++a)
            {
              s_prev[a] = s[a];
              d_prev[a] = d[a];
            }
        }
      EXPECT_NEAR(work, law.fracture_energy, 1e-6) << "shear/normal " << mix;
      EXPECT_NEAR(peak, law.strength, 1e-3 * law.strength) << "shear/normal " << mix;
      EXPECT_EQ(h.damage, 1.0);
    }
}

TEST(Cohesive, UnloadingKeepsTheDamage)
{
  double d[3], s[3], K[9];
  jump(0.5, 0.0, d);
  const CohesiveHistory loaded = cohesive_response(law, d, normal, {}, 1.0, s, K);
  const double          peak   = s[0] / normal[0];
  EXPECT_NEAR(peak, law.strength * 6.75 * 0.5 * 0.25, 1e-12); // 27/4 strength r (1 - r)^2 at r = 1/2
  // Half the opening: half the traction on the secant, not the intact K0 * d.
  jump(0.25, 0.0, d);
  const CohesiveHistory kept = cohesive_response(law, d, normal, loaded, 1.0, s, K);
  EXPECT_EQ(kept.kappa, loaded.kappa);
  EXPECT_EQ(kept.damage, loaded.damage);
  EXPECT_NEAR(s[0] / normal[0], 0.5 * peak, 1e-12);
  // Reloading to the old opening gives the old traction: the interface has not healed.
  jump(0.5, 0.0, d);
  cohesive_response(law, d, normal, kept, 1.0, s, K);
  EXPECT_NEAR(s[0] / normal[0], peak, 1e-12);
}

TEST(Cohesive, PressingTogetherNeverDamages)
{
  double d[3], s[3], K[9];
  jump(-0.5, 0.0, d);
  const CohesiveHistory h = cohesive_response(law, d, normal, {}, 1.0, s, K);
  EXPECT_EQ(h.kappa, 0.0);
  EXPECT_EQ(h.damage, 0.0);
  for (int a = 0; a < 3; ++a)
    EXPECT_NEAR(s[a], law.stiffness() * -0.5 * normal[a], 1e-12);
  // Even a fully separated interface resists interpenetration.
  cohesive_response(law, d, normal, {2.0, 1.0}, 1.0, s, K);
  for (int a = 0; a < 3; ++a)
    EXPECT_NEAR(s[a], law.stiffness() * -0.5 * normal[a], 1e-12);
}

TEST(Cohesive, ViscosityDelaysTheDamageAndVanishesForLongSteps)
{
  CohesiveLaw viscous = law;
  viscous.viscosity   = 0.01;
  double d[3], s[3], K[9], s_inviscid[3], K_inviscid[9];
  jump(0.5, 0.0, d);
  // A step much shorter than eta: almost no damage yet, and almost no softening in the tangent.
  const CohesiveHistory early = cohesive_response(viscous, d, normal, {}, 1e-4, s, K);
  EXPECT_EQ(early.kappa, 0.5);
  EXPECT_NEAR(early.damage, 1e-4 / (0.01 + 1e-4) * cohesive_damage(law, 0.5), 1e-15);
  // A step much longer than eta: the rate-independent law.
  cohesive_response(viscous, d, normal, {}, 1e3, s, K);
  cohesive_response(law, d, normal, {}, 1e3, s_inviscid, K_inviscid);
  for (int a = 0; a < 3; ++a)
    EXPECT_NEAR(s[a], s_inviscid[a], 1e-4 * law.strength); // D differs by eta / (eta + dt) = 1e-5 of itself
  // The tangent stays consistent with the viscous traction.
  jump(0.2, 0.1, d);
  const CohesiveHistory old{0.1, 0.05};
  cohesive_response(viscous, d, normal, old, 0.003, s, K);
  const double h = 1e-7;
  for (int b = 0; b < 3; ++b)
    {
      double dp[3] = {d[0], d[1], d[2]}, dm[3] = {d[0], d[1], d[2]}, sp[3], sm[3], Kd[9];
      dp[b] += h;
      dm[b] -= h;
      cohesive_response(viscous, dp, normal, old, 0.003, sp, Kd);
      cohesive_response(viscous, dm, normal, old, 0.003, sm, Kd);
      for (int a = 0; a < 3; ++a)
        EXPECT_NEAR(K[3 * a + b], (sp[a] - sm[a]) / (2 * h), 1e-5 * (1 + std::abs(K[3 * a + b])));
    }
}

TEST(Cohesive, DissipatedEnergyIsTheWorkOfALoadUnloadCycle)
{
  // Open to kappa along a mixed direction and close again to zero, integrating s . dd: what is not given back
  // is the dissipation the closed form reports.
  for (const double kappa : {0.05, 0.3, 0.7, 0.99, 1.5})
    {
      const unsigned int n = 100000;
      CohesiveHistory    h;
      double             work = 0.0, s_prev[3] = {0, 0, 0}, d_prev[3] = {0, 0, 0};
      for (unsigned int i = 1; i <= 2 * n; ++i)
        {
          const double r = kappa * (i <= n ? double(i) / n : double(2 * n - i) / n) / std::sqrt(1.25);
          double       d[3], s[3], K[9];
          jump(r, 0.5 * r, d);
          h = cohesive_response(law, d, normal, h, 1.0, s, K);
          for (int a = 0; a < 3; ++a)
            {
              work += 0.5 * (s[a] + s_prev[a]) * (d[a] - d_prev[a]);
              s_prev[a] = s[a];
              d_prev[a] = d[a];
            }
        }
      EXPECT_NEAR(work, cohesive_dissipated_energy(law, kappa), 1e-7) << "kappa " << kappa;
    }
}
