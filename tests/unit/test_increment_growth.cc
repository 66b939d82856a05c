// The growth of the load increment after a cut: at once by default (the former rule), after `delay` converged
// increments otherwise, never past the nominal increment; and over a run of cuts, the delay loses fewer
// attempts where every increment above a fixed size fails.
#include <gtest/gtest.h>

#include <solver/core/increment_growth.h>

using namespace leafmech;

TEST(IncrementGrowth, DefaultGrowsAtOnceUpToTheNominal)
{
  const IncrementGrowth g;
  EXPECT_DOUBLE_EQ(next_increment(0.01, 0.1, 1, g), 0.02);
  EXPECT_DOUBLE_EQ(next_increment(0.08, 0.1, 1, g), 0.1);
  EXPECT_DOUBLE_EQ(next_increment(0.1, 0.1, 7, g), 0.1);
}

TEST(IncrementGrowth, DelayHoldsTheSizeForThatManyConvergedIncrements)
{
  const IncrementGrowth g{1.5, 2};
  EXPECT_DOUBLE_EQ(next_increment(0.01, 0.1, 1, g), 0.01);
  EXPECT_DOUBLE_EQ(next_increment(0.01, 0.1, 2, g), 0.01);
  EXPECT_DOUBLE_EQ(next_increment(0.01, 0.1, 3, g), 0.015);
}

namespace
{
  /// Steps a load from 0 to 1 where every increment above `limit` fails: attempts that failed.
  unsigned int failed_attempts(const IncrementGrowth &g, double limit)
  {
    const double nominal = 0.1;
    double       lambda = 0, d = nominal;
    unsigned int failed = 0, in_row = 0;
    while (lambda < 1 - 1e-12 && failed < 10000)
      {
        const double target = std::min(1.0, lambda + d);
        if (target - lambda > limit)
          {
            ++failed;
            d *= 0.5;
            in_row = 0;
            continue;
          }
        lambda = target;
        d      = next_increment(d, nominal, ++in_row, g);
      }
    return failed;
  }
} // namespace

TEST(IncrementGrowth, DelayLosesFewerAttemptsWhereTheSizeIsCapped)
{
  // An increment of 0.1 / 64 converges, 0.1 / 32 does not: growing at once fails on every other attempt.
  const double limit = 0.1 / 48;
  const unsigned int at_once = failed_attempts({2.0, 0}, limit), delayed = failed_attempts({2.0, 2}, limit);
  EXPECT_GT(at_once, 2 * delayed);
  EXPECT_GT(delayed, 0u);
}
