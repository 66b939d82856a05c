#include <deal.II/base/utilities.h>

#include <base/parsing.h>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

namespace leafmech
{
  std::string excerpt(const std::string &text, std::size_t limit)
  {
    return text.size() <= limit ? text : text.substr(0, limit) + "... (" + std::to_string(text.size()) + " characters)";
  }

  double parse_number(const std::string &raw, const std::string &entry)
  {
    const std::string text = dealii::Utilities::trim(raw);
    char             *end  = nullptr;
    const double      v    = text.empty() ? 0.0 : std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size())
      throw std::invalid_argument(entry + ": '" + excerpt(text) + "' is not a number");
    if (!std::isfinite(v))
      throw std::invalid_argument(entry + ": '" + excerpt(text) + "' is not a finite number");
    return v;
  }

  std::vector<double> parse_numbers(const std::string &text, char separator, const std::string &entry,
                                    const std::string &form, std::size_t count)
  {
    std::vector<double> values;
    for (const std::string &item : dealii::Utilities::split_string_list(text, separator))
      if (!item.empty())
        {
          try
            {
              values.push_back(parse_number(item, entry));
            }
          catch (const std::invalid_argument &)
            {
              throw std::invalid_argument(entry + " = '" + excerpt(text) + "': '" + excerpt(item, 40) +
                                          "' is not a finite number; expected " + form);
            }
        }
    if (count > 0 && values.size() != count)
      throw std::invalid_argument(entry + " = '" + excerpt(text) + "': expected " + form + " (" +
                                  std::to_string(count) + " numbers, got " + std::to_string(values.size()) + ")");
    return values;
  }

  dealii::Point<3> parse_point(const std::string &text, const std::string &entry)
  {
    const auto x = parse_numbers(text, ',', entry, "'x, y, z' in mm", 3);
    return dealii::Point<3>(x[0], x[1], x[2]);
  }

  dealii::Tensor<1, 3> parse_direction(const std::string &text, const std::string &entry)
  {
    const auto           x = parse_numbers(text, ',', entry, "three comma-separated numbers", 3);
    dealii::Tensor<1, 3> a({x[0], x[1], x[2]});
    if (!(a.norm() > 1e-12))
      throw std::invalid_argument(entry + " = '" + text + "': a direction must have non-zero length");
    return a / a.norm();
  }
} // namespace leafmech
