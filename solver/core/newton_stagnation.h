#pragma once
/**
 * @file
 * @brief The stagnation test of Newton's method (Nonlinear solver/Stagnation window): in its quadratic range the
 * residual falls by orders of magnitude per iteration, so one that has not halved over the last w iterations,
 * 2w iterations in, will not converge in what is left of the attempt.
 */
#include <cstddef>
#include <vector>

namespace leafmech
{
  /// residuals[i]: the residual norm after Newton iteration i of this attempt, the last one just done.
  /// window 0: the test is off.
  inline bool newton_stagnated(const std::vector<double> &residuals, unsigned int window)
  {
    if (window == 0 || residuals.size() < 2 * std::size_t(window) + 1)
      return false;
    const std::size_t it = residuals.size() - 1;
    return residuals[it] > 0.5 * residuals[it - window];
  }
} // namespace leafmech
