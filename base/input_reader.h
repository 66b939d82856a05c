#pragma once
/**
 * @file
 * @brief Reads a .prm or .json input and --set overrides into a ParameterHandler, turning every failure into
 * one message that names the file, the line, the parameter, what is allowed and, for misspellings, the
 * closest declared name.
 */
#include <deal.II/base/parameter_handler.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace leafmech
{
  struct InputError : std::runtime_error
  {
    using std::runtime_error::runtime_error;
  };

  /// Throws InputError.
  void read_input(dealii::ParameterHandler &prm, const std::string &file, const std::vector<std::string> &overrides);

  /// Every declared entry as "Section/Subsection/Name".
  std::vector<std::string> declared_entries(const dealii::ParameterHandler &prm);

  /// The declared entry closest to `name` (case-insensitive edit distance), or "" if none is close.
  std::string closest_entry(const dealii::ParameterHandler &prm, const std::string &name);
} // namespace leafmech
