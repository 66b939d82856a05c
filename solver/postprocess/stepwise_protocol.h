#pragma once
/**
 * @file
 * @brief The stepwise Inoue technique as one run: successive inflations of increasing diameter on the same
 * valve, each followed by the withdrawal and the diastolic reopening (damage carried over), stopping when the
 * target MVA is reached, a commissure is split along its whole fused length, or the regurgitation risk rises.
 *
 * The round table and the recommendation are read from the step records alone, so a resumed run rebuilds them.
 * The rules, checked after every round in this order (docs/outcome.md):
 *   1. the risk category rose (against the round before, or the intact valve for the first round): stop, and
 *      recommend the size before (none if the first size already raised it);
 *   2. a commissure split along its whole fused length (fraction >= 1): stop; recommend this size;
 *   3. the post-procedure MVA reached the target: stop; recommend this size;
 *   4. the last size gave none of these: recommend it, saying the target was not reached.
 */
#include <optional>
#include <solver/postprocess/stepwise_settings.h>
#include <solver/postprocess/valve_outcome.h>
#include <string>
#include <utility>
#include <vector>

namespace leafmech
{
  /// One inflation-deflation round.
  struct StepwiseRound
  {
    double       diameter_mm = 0;          ///< the balloon's set waist diameter
    double       achieved_diameter_mm = 0; ///< the waist the balloon reached against the valve
    double       mva_post_cm2 = 0;         ///< after the withdrawal, under the diastolic pressure
    ValveOutcome outcome;                  ///< splits, tear index and risk after the round
    std::string  stop;                     ///< why the protocol stopped after this round; empty: it went on
  };

  struct StepwiseResult
  {
    std::vector<StepwiseRound> rounds;
    std::string                baseline_risk;  ///< the intact valve's (end of the diastolic loading)
    std::optional<double>      recommended_mm; ///< the balloon size to use; none if the smallest was too much
    std::string                recommendation; ///< why
    bool                       finished = false; ///< a rule stopped it or every size was run
  };

  /**
   * @brief The rounds completed in `steps` (a round ends with the last step of a deflation phase) and the
   * decision after the last of them.
   */
  StepwiseResult stepwise_result(const StepwiseSettings &settings, const std::vector<StepReport> &steps);
} // namespace leafmech
