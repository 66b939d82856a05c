#pragma once
/**
 * @file
 * @brief A table y(x) given in an input as "x: y; x: y; ...": linear between entries, constant beyond the ends
 * (the balloon's compliance table, the DCB's opening schedule).
 */
#include <string>
#include <utility>
#include <vector>

namespace leafmech
{
  class PiecewiseLinear
  {
  public:
    PiecewiseLinear() = default;

    /**
     * @brief Parses `text`; x values are multiplied by `x_scale` (a unit conversion). Throws
     * std::invalid_argument naming `entry` and the expected `form` for a malformed item or x not increasing.
     */
    PiecewiseLinear(const std::string &text, const std::string &entry, const std::string &form, double x_scale = 1.0);

    double operator()(double x) const;

    bool                                          empty() const { return points.empty(); }
    const std::vector<std::pair<double, double>> &entries() const { return points; }

  private:
    std::vector<std::pair<double, double>> points; ///< (x, y), x increasing
  };
} // namespace leafmech
