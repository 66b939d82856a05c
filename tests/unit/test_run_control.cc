// The stall rule on synthetic step records: in a static run Stall steps short increments in a row end the run;
// in a dynamic run those taken while the kinetic energy is above 1 % of the strain energy do not count, up to
// 10 times Stall steps in a row, and a long increment starts the count again.
#include <gtest/gtest.h>

#include <solver/app/run_control.h>

using namespace leafmech;

namespace
{
  class StallRule : public ::testing::Test
  {
  protected:
    RunControl control{MPI_COMM_SELF, RunLimits{0.0, 1e-3, 40}, 0.0};
    double     load_factor = 0.0;

    /// One converged increment of the inflation phase; its stall verdict.
    std::string step(double increment, double kinetic_to_strain)
    {
      load_factor += increment;
      StepRecord record{};
      record.phase       = "inflation";
      record.load_factor = load_factor;
      return control.after_step(record, kinetic_to_strain);
    }
    /// n short increments; the index (from 1) of the first that ends the run, 0 if none does.
    unsigned int short_steps(unsigned int n, double kinetic_to_strain)
    {
      for (unsigned int i = 1; i <= n; ++i)
        if (!step(1e-4, kinetic_to_strain).empty())
          return i;
      return 0;
    }
  };
} // namespace

TEST_F(StallRule, StaticRunStallsAfterStallSteps)
{
  step(0.5, 0.0);
  EXPECT_EQ(short_steps(60, 0.0), 40u);
}

TEST_F(StallRule, SettledDynamicRunCountsAsStatic)
{
  step(0.5, 0.0);
  EXPECT_EQ(short_steps(60, 1e-3), 40u);
}

TEST_F(StallRule, FastMotionDoesNotCountUntilTenTimesStallSteps)
{
  step(0.5, 0.0);
  EXPECT_EQ(short_steps(399, 0.05), 0u);
  const std::string why = step(1e-4, 0.05);
  EXPECT_NE(why.find("stalled: 400 increments"), std::string::npos) << why;
  EXPECT_NE(why.find("kinetic energy"), std::string::npos) << why;
}

TEST_F(StallRule, CountGoesOnOnceTheMotionHasSettled)
{
  step(0.5, 0.0);
  EXPECT_EQ(short_steps(100, 0.05), 0u);
  EXPECT_EQ(short_steps(60, 0.0), 40u);
}

TEST_F(StallRule, LongIncrementStartsTheCountAgain)
{
  step(0.5, 0.0);
  EXPECT_EQ(short_steps(39, 0.0), 0u);
  EXPECT_TRUE(step(2e-3, 0.0).empty());
  EXPECT_EQ(short_steps(60, 0.0), 40u);
}
