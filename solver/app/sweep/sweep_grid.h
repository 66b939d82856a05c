#pragma once
/**
 * @file
 * @brief The points of a sweep: the grid of the swept values (first parameter outermost), the manifest
 * (sweep_points.json) that records them, and the `leafmech run` arguments of each point.
 */
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace leafmech
{
  struct SweepPoint
  {
    std::string              directory; ///< relative to the sweep directory
    std::vector<std::string> values;    ///< one per swept parameter
  };

  /// Expands "a,b,c" and ranges "start:step:stop" (inclusive; mixable: "1,2,5:5:20") into the values.
  std::vector<std::string> expand_values(const std::string &text);

  /// Every combination of the axes' values, first axis outermost, in point_NNN directories.
  std::vector<SweepPoint> sweep_grid(const std::vector<std::vector<std::string>> &axes);

  /// The points a manifest lists.
  std::vector<SweepPoint> points_of(const nlohmann::json &manifest);

  /// The `leafmech run` arguments of a point (after the input file).
  std::vector<std::string> run_arguments(const nlohmann::json &manifest, const SweepPoint &point,
                                         const std::string &directory);

  /// A JSON file, or null if it is missing or cannot be parsed (a file a killed run was writing).
  nlohmann::json read_json(const std::filesystem::path &path);

  /// A number as the tables and point values write it (12 digits, no -0 or round-off noise below 1e-12).
  std::string format_number(double v);
} // namespace leafmech
