#pragma once
/**
 * @file
 * @brief A .prm deck as leafmech reads it, before deal.II parses it: `include FILE` lines replaced by the files
 * they name (relative to the including file, at most 8 deep, a file never including itself), continuation
 * lines joined, and every setting checked for what would break or mislead the parser: names longer than
 * 200 characters, and a parameter set twice to different values in the same file (an including file may
 * override what a file it includes sets: that is what including is for).
 */
#include <string>
#include <utility>
#include <vector>

namespace leafmech
{
  struct ExpandedInput
  {
    std::string                                   text;    ///< what deal.II parses
    std::vector<std::pair<std::string, unsigned>> origin;  ///< file and line of each line of text
    unsigned int                                  n_settings = 0; ///< `set` lines
  };

  constexpr unsigned int max_include_depth    = 8;
  constexpr std::size_t  max_parameter_name   = 200; ///< characters of a parameter or subsection name

  /// Reads `file` and what it includes; throws InputError naming the file and line of a problem.
  ExpandedInput expand_input(const std::string &file);

  /// deal.II's "Line <n> of file <name>" of the expanded text turned into the file and line it came from.
  std::string with_origins(const std::string &message, const ExpandedInput &input);
} // namespace leafmech
