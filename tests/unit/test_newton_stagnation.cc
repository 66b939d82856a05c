// The Newton stagnation test on residual histories: quadratic convergence never stagnates, a plateau does exactly
// 2w iterations in, a residual that falls by less than half over w iterations does, one that falls faster does
// not, and window 0 switches the test off.
#include <gtest/gtest.h>

#include <cmath>
#include <solver/core/newton_stagnation.h>

using namespace leafmech;

namespace
{
  /// The first iteration (from 0) after which the test stops the attempt; -1 if it never does.
  int first_stagnation(const std::vector<double> &history, unsigned int window)
  {
    std::vector<double> residuals;
    for (std::size_t i = 0; i < history.size(); ++i)
      {
        residuals.push_back(history[i]);
        if (newton_stagnated(residuals, window))
          return int(i);
      }
    return -1;
  }

  std::vector<double> geometric(double first, double ratio, unsigned int n)
  {
    std::vector<double> r;
    for (unsigned int i = 0; i < n; ++i)
      r.push_back(first * std::pow(ratio, i));
    return r;
  }
} // namespace

TEST(NewtonStagnation, QuadraticConvergenceNeverStagnates)
{
  // A slow line-searched start, then the quadratic range (a converged clinical-size increment's history).
  const std::vector<double> r{5.2, 0.81, 0.56, 0.35, 0.30, 0.25, 0.21, 0.098, 4.2e-3, 1.6e-4, 2.4e-6, 8.9e-10};
  EXPECT_EQ(first_stagnation(r, 5), -1);
}

TEST(NewtonStagnation, PlateauStopsTwoWindowsIn)
{
  EXPECT_EQ(first_stagnation(std::vector<double>(20, 1.2e3), 5), 10);
  EXPECT_EQ(first_stagnation(std::vector<double>(20, 1.2e3), 3), 6);
}

TEST(NewtonStagnation, HalvingOverTheWindowIsTheLine)
{
  // 0.9^5 = 0.59 of the residual left after 5 iterations: stagnated. 0.8^5 = 0.33: still converging.
  EXPECT_EQ(first_stagnation(geometric(1e3, 0.9, 20), 5), 10);
  EXPECT_EQ(first_stagnation(geometric(1e3, 0.8, 20), 5), -1);
}

TEST(NewtonStagnation, WindowZeroIsOff)
{
  EXPECT_EQ(first_stagnation(std::vector<double>(50, 1.0), 0), -1);
}
