#pragma once
/**
 * @file
 * @brief The "Stepwise protocol" input section: the balloon sizes of successive inflations and the rules that
 * stop them (solver/stepwise_protocol.h applies them).
 */
#include <deal.II/base/parameter_handler.h>

#include <vector>

namespace leafmech
{
  struct StepwiseSettings
  {
    std::vector<double> diameters; ///< mm, increasing; empty: one inflation to Balloon/Target diameter
    double              target_mva_cm2      = 1.5;
    bool                stop_on_full_split  = true;
    bool                stop_on_risk_rise   = true;
    bool enabled() const { return !diameters.empty(); }
  };

  void             declare_stepwise_parameters(dealii::ParameterHandler &prm);
  /// Reads the "Stepwise protocol" section; throws std::invalid_argument naming a bad entry and its fix.
  StepwiseSettings parse_stepwise_parameters(dealii::ParameterHandler &prm);
} // namespace leafmech
