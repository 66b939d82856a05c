// Stepwise-protocol rules on synthetic step records: each stop rule fires on its own, in its order, and the
// recommendation follows it; the table depends on the step records only (so a resumed run rebuilds it).
#include <gtest/gtest.h>

#include <solver/postprocess/postprocessors/balloon_status.h>
#include <solver/postprocess/postprocessors/commissure_splits.h>
#include <solver/postprocess/postprocessors/orifice_area.h>
#include <solver/postprocess/stepwise_protocol.h>

using namespace leafmech;

namespace
{
  /// A phase's last step with the typed results the rules read: balloon, splits (7 mm fused), tear, orifice.
  StepReport step(const std::string &phase, double diameter, double split_al, double split_pm, double tear,
                  double area)
  {
    StepReport s{};
    s.record.phase       = phase;
    s.record.load_factor = 1.0;
    BalloonResult balloon;
    balloon.free_diameter_mm = balloon.achieved_diameter_mm = diameter;
    SplitResult splits;
    splits.commissures = {{"anterolateral", 7.0, 12.0, split_al}, {"posteromedial", 7.0, 12.0, split_pm}};
    TearResult t;
    t.tear_index     = tear;
    s.results.values = {balloon, splits, t, OrificeResult{area}};
    return s;
  }

  struct Round
  {
    double diameter, split, tear, mva_after;
  };

  /// The diastolic loading and one inflation-deflation round per Round.
  std::vector<StepReport> rounds(const std::vector<Round> &r)
  {
    std::vector<StepReport> steps = {step("diastolic loading", 0, 0, 0, 0.05, 1.0)};
    for (const auto &[d, split, tear, mva] : r)
      {
        steps.push_back(step("inflation", d, split, split, tear, 2.0));
        steps.push_back(step("deflation", d, split, split, 0.05, mva));
      }
    return steps;
  }

  StepwiseSettings settings(std::vector<double> diameters)
  {
    StepwiseSettings s;
    s.diameters      = diameters;
    s.target_mva_cm2 = 1.5;
    return s;
  }
} // namespace

TEST(StepwiseProtocol, GoesOnWhileNoRuleFires)
{
  const StepwiseResult r = stepwise_result(settings({13, 14, 15}), rounds({{13, 2.0, 0.2, 1.1}}));
  ASSERT_EQ(r.rounds.size(), 1u);
  EXPECT_FALSE(r.finished);
  EXPECT_TRUE(r.rounds[0].stop.empty());
  EXPECT_EQ(r.rounds[0].diameter_mm, 13);
  EXPECT_DOUBLE_EQ(r.rounds[0].mva_post_cm2, 1.1);
  EXPECT_NEAR(r.rounds[0].outcome.commissures[0].split_fraction, 2.0 / 7.0, 1e-15);
  EXPECT_FALSE(r.recommended_mm);
}

TEST(StepwiseProtocol, StopsAtTheTargetMva)
{
  const StepwiseResult r =
    stepwise_result(settings({13, 14, 15}), rounds({{13, 2.0, 0.2, 1.1}, {14, 4.0, 0.3, 1.6}}));
  ASSERT_EQ(r.rounds.size(), 2u);
  EXPECT_TRUE(r.finished);
  EXPECT_NE(r.rounds[1].stop.find("MVA reached 1.6"), std::string::npos) << r.rounds[1].stop;
  ASSERT_TRUE(r.recommended_mm);
  EXPECT_EQ(*r.recommended_mm, 14);
}

TEST(StepwiseProtocol, StopsAtAFullSplitWhenTheRiskDoesNotRise)
{
  StepwiseSettings s   = settings({13, 14, 15});
  s.stop_on_risk_rise  = false; // a split past the fusion also raises the risk, which would fire first
  const StepwiseResult r = stepwise_result(s, rounds({{13, 2.0, 0.2, 1.1}, {14, 7.0, 0.3, 1.3}}));
  ASSERT_EQ(r.rounds.size(), 2u);
  EXPECT_NE(r.rounds[1].stop.find("whole fused length"), std::string::npos) << r.rounds[1].stop;
  EXPECT_EQ(*r.recommended_mm, 14);
}

TEST(StepwiseProtocol, ARisingRiskRecommendsTheSizeBefore)
{
  const StepwiseResult r =
    stepwise_result(settings({13, 14, 15}), rounds({{13, 2.0, 0.2, 1.1}, {14, 8.0, 0.3, 1.6}}));
  ASSERT_EQ(r.rounds.size(), 2u);
  EXPECT_TRUE(r.finished);
  EXPECT_NE(r.rounds[1].stop.find("rose from low to moderate"), std::string::npos) << r.rounds[1].stop;
  EXPECT_EQ(*r.recommended_mm, 13); // the risk rule comes before the MVA the same round reached
}

TEST(StepwiseProtocol, ARiskRaisedByTheSmallestSizeRecommendsNone)
{
  const StepwiseResult r = stepwise_result(settings({13, 14}), rounds({{13, 2.0, 1.2, 1.2}}));
  EXPECT_TRUE(r.finished);
  EXPECT_NE(r.rounds[0].stop.find("from low to high"), std::string::npos) << r.rounds[0].stop;
  EXPECT_FALSE(r.recommended_mm);
  EXPECT_NE(r.recommendation.find("try smaller sizes"), std::string::npos);
}

TEST(StepwiseProtocol, TheLastSizeIsRecommendedWhenNoRuleFired)
{
  const StepwiseResult r =
    stepwise_result(settings({13, 14}), rounds({{13, 2.0, 0.2, 1.1}, {14, 3.0, 0.3, 1.2}}));
  EXPECT_TRUE(r.finished);
  EXPECT_TRUE(r.rounds[1].stop.empty());
  EXPECT_EQ(*r.recommended_mm, 14);
  EXPECT_NE(r.recommendation.find("below the target"), std::string::npos);
}

TEST(StepwiseProtocol, AnUnfinishedRoundIsNotARound)
{
  std::vector<StepReport> steps = rounds({{13, 2.0, 0.2, 1.1}});
  steps.push_back(step("inflation", 14, 3.0, 3.0, 0.3, 2.0));
  steps.back().record.load_factor = 0.5;
  EXPECT_EQ(stepwise_result(settings({13, 14}), steps).rounds.size(), 1u);
}
