#pragma once
/**
 * @file
 * @brief The one checked parser of free-text numbers in the input (points, directions, lists, tables).
 *
 * Every number must be finite and written out whole ("1e-3", not "1e-3x"); every list must have the entries
 * its form asks for. Failures throw std::invalid_argument naming the entry, the text and what is allowed.
 */
#include <deal.II/base/point.h>
#include <deal.II/base/tensor.h>

#include <string>
#include <vector>

namespace leafmech
{
  /// A finite number; `entry` names the parameter in the message.
  double parse_number(const std::string &text, const std::string &entry);

  /**
   * @brief The numbers of a `separator`-separated list (blank items skipped); with `count` > 0 exactly that
   * many are required, and `form` (e.g. "x, y, z in mm") tells the user what to write.
   */
  std::vector<double> parse_numbers(const std::string &text, char separator, const std::string &entry,
                                    const std::string &form, std::size_t count = 0);

  /// "x, y, z" (mm).
  dealii::Point<3> parse_point(const std::string &text, const std::string &entry);

  /// "x, y, z", normalised; a zero vector is refused.
  dealii::Tensor<1, 3> parse_direction(const std::string &text, const std::string &entry);

  /// Text shortened to `limit` characters for a message (a long bad line is not printed back whole).
  std::string excerpt(const std::string &text, std::size_t limit = 80);
} // namespace leafmech
