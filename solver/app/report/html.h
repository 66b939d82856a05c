#pragma once
/**
 * @file
 * @brief Pieces of the self-contained report pages: escaping, base64 for embedded images, numbers.
 */
#include <optional>
#include <string>

namespace leafmech::html
{
  /// Text safe inside HTML elements and attributes.
  std::string escape(const std::string &text);

  /// A file's bytes as base64 (for a data: URI); "" if it cannot be read.
  std::string base64_file(const std::string &path);

  /// A number with `digits` significant digits, or "-" when there is none.
  std::string number(const std::optional<double> &value, int digits = 4);

  /// The page around a body: title, the styles, and a script that records on <body> how many images there
  /// are and how many loaded (a headless browser reads it back).
  std::string page(const std::string &title, const std::string &body);
} // namespace leafmech::html
