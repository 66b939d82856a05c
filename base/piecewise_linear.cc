#include <deal.II/base/utilities.h>

#include <base/parsing.h>
#include <base/piecewise_linear.h>
#include <stdexcept>

namespace leafmech
{
  PiecewiseLinear::PiecewiseLinear(const std::string &text, const std::string &entry, const std::string &form,
                                   double x_scale)
  {
    for (const std::string &item : dealii::Utilities::split_string_list(text, ';'))
      {
        const auto parts = dealii::Utilities::split_string_list(item, ':');
        if (parts.size() != 2)
          throw std::invalid_argument(entry + ": '" + excerpt(item) + "' should read '" + form + "'");
        const auto number = [&](const std::string &s) {
          try
            {
              return parse_number(s, entry);
            }
          catch (const std::invalid_argument &)
            {
              throw std::invalid_argument(entry + ": '" + excerpt(item) + "' should read '" + form +
                                          "' with finite numbers");
            }
        };
        points.emplace_back(number(parts[0]) * x_scale, number(parts[1]));
        if (points.size() > 1 && !(points.back().first > points[points.size() - 2].first))
          throw std::invalid_argument(entry + ": the first values must increase from entry to entry");
      }
  }

  double PiecewiseLinear::operator()(double x) const
  {
    if (x <= points.front().first)
      return points.front().second;
    for (std::size_t k = 1; k < points.size(); ++k)
      if (x <= points[k].first)
        {
          const auto &[x0, y0] = points[k - 1];
          const auto &[x1, y1] = points[k];
          return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
        }
    return points.back().second;
  }
} // namespace leafmech
