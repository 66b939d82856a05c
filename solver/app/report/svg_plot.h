#pragma once
/**
 * @file
 * @brief A line plot as inline SVG (the report pages need no plotting library and open offline).
 */
#include <string>
#include <vector>

namespace leafmech
{
  struct PlotSeries
  {
    std::string         name;
    std::vector<double> x, y;
  };

  /// A titled plot of the series (points joined in order; NaN breaks a line), with ticks on both axes.
  std::string svg_plot(const std::string &title, const std::string &x_label, const std::string &y_label,
                       const std::vector<PlotSeries> &series);
} // namespace leafmech
