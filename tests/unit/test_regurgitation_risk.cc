// Regurgitation-risk rules: each rule fires on its own threshold and the category is the highest that fired.
#include <gtest/gtest.h>

#include <solver/postprocess/regurgitation_risk.h>

using namespace leafmech;

namespace
{
  const std::vector<std::string> names = {"anterolateral", "posteromedial"};
}

TEST(RegurgitationRisk, BalancedSplitsWithALowStressedLeafletAreLowRisk)
{
  const RiskAssessment r = assess_risk(0.4, {0.6, 0.5}, names);
  EXPECT_EQ(r.category, "low");
  ASSERT_EQ(r.reasons.size(), 1u);
}

TEST(RegurgitationRisk, APredictedTearIsHighRisk)
{
  EXPECT_EQ(assess_risk(1.0, {0.6, 0.6}, names).category, "high");
  EXPECT_EQ(assess_risk(0.99, {0.6, 0.6}, names).category, "moderate"); // near strength only
}

TEST(RegurgitationRisk, AStressedLeafletNextToAnUnsplitCommissureIsHighRisk)
{
  const RiskAssessment r = assess_risk(0.75, {0.1, 0.6}, names);
  EXPECT_EQ(r.category, "high");
  EXPECT_NE(r.reasons.front().find("anterolateral"), std::string::npos);
  EXPECT_EQ(assess_risk(0.65, {0.1, 0.1}, names).category, "low"); // neither stressed nor one-sided
}

TEST(RegurgitationRisk, ASplitPastTheFusionOrOneSidedIsModerateRisk)
{
  EXPECT_EQ(assess_risk(0.3, {1.05, 0.9}, names).category, "moderate");
  EXPECT_EQ(assess_risk(0.3, {1.0, 0.9}, names).category, "low"); // split exactly to the end of the fusion
  const RiskAssessment r = assess_risk(0.3, {0.7, 0.1}, names);
  EXPECT_EQ(r.category, "moderate");
  EXPECT_NE(r.reasons.front().find("one-sided"), std::string::npos);
}
