#pragma once
/**
 * @file
 * @brief The phases of a run. A balloon in a valve: diastolic loading (the valve's loads ramp on, balloon
 * deflated; its end gives the pre-procedure MVA), inflation, and deflation (the balloon withdrawn, the valve
 * recoils to its reference shape with its damage kept and the diastolic loads reopen it; its end gives the
 * post-procedure MVA); the stepwise protocol repeats inflation and deflation for every size. Anything else: one
 * phase in which the loads and the balloon follow the load factor together.
 */
#include <solver/app/run_parameters.h>
#include <solver/core/load_stepping.h>
#include <vector>

namespace leafmech
{
  class Problem;
  class BalloonInflation;

  std::vector<LoadPhase> run_phases(const RunParameters &parameters, const Problem &problem,
                                    const BalloonInflation &balloon);
} // namespace leafmech
