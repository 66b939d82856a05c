// Cable (chordae) law: force against finite differences of the stored energy, stiffness against finite
// differences of the force, slack in compression, and the linear branch against EA (e - e_toe / 2).
#include <leafmech/kernels/cable.h>

#include <gtest/gtest.h>

#include <cmath>

using namespace leafmech::kernels;

namespace
{
  /// Stored energy L0 * int_0^e T de, integrated in closed form per branch.
  double energy(const CableLaw &law, double e, double L0)
  {
    if (e <= 0)
      return 0.0;
    if (e < law.toe_strain)
      return L0 * law.stiffness * e * e * e / (6 * law.toe_strain);
    const double et = law.toe_strain;
    return L0 * (law.stiffness * et * et / 6 + law.stiffness * (0.5 * (e * e - et * et) - 0.5 * et * (e - et)));
  }
} // namespace

TEST(Cable, ForceAndStiffnessMatchFiniteDifferences)
{
  const CableLaw law{40.0, 0.03};
  const double   anchor[3] = {1.0, -2.0, 20.0};
  const double   L0        = 15.0;
  // Points in the toe region, in the linear region, and slack.
  for (const double stretch : {1.01, 1.02, 1.05, 1.2, 0.9})
    {
      const double dir[3] = {0.36, 0.48, -0.8};
      double       x[3];
      for (int a = 0; a < 3; ++a)
        x[a] = anchor[a] + stretch * L0 * dir[a];
      double f[3], K[9];
      cable_response(law, x, anchor, L0, f, K);
      const double h = 1e-6;
      for (int b = 0; b < 3; ++b)
        {
          double xp[3] = {x[0], x[1], x[2]}, xm[3] = {x[0], x[1], x[2]};
          xp[b] += h;
          xm[b] -= h;
          const auto length = [&](const double *y) {
            return std::sqrt(std::pow(y[0] - anchor[0], 2) + std::pow(y[1] - anchor[1], 2) +
                             std::pow(y[2] - anchor[2], 2));
          };
          const double dW = (energy(law, length(xp) / L0 - 1, L0) - energy(law, length(xm) / L0 - 1, L0)) / (2 * h);
          EXPECT_NEAR(f[b], dW, 1e-6 * (1 + std::abs(dW))) << "stretch " << stretch << " component " << b;
          double fp[3], fm[3], Kd[9];
          cable_response(law, xp, anchor, L0, fp, Kd);
          cable_response(law, xm, anchor, L0, fm, Kd);
          for (int a = 0; a < 3; ++a)
            EXPECT_NEAR(K[3 * a + b], (fp[a] - fm[a]) / (2 * h), 1e-6 * (1 + std::abs(K[3 * a + b])))
              << "stretch " << stretch << " entry " << a << b;
        }
      if (stretch < 1)
        for (int a = 0; a < 3; ++a)
          EXPECT_EQ(f[a], 0.0);
    }
}

TEST(Cable, LinearBranchAndContinuity)
{
  const CableLaw law{40.0, 0.03};
  double         T, dT, T2, dT2;
  cable_tension(law, 0.1, T, dT);
  EXPECT_NEAR(T, 40.0 * (0.1 - 0.015), 1e-12);
  EXPECT_EQ(dT, 40.0);
  cable_tension(law, 0.03 - 1e-12, T, dT);
  cable_tension(law, 0.03 + 1e-12, T2, dT2);
  EXPECT_NEAR(T, T2, 1e-9);
  EXPECT_NEAR(dT, dT2, 1e-8);
}
