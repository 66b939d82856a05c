#pragma once
/**
 * @file
 * @brief A run's history.csv read back as columns (for the report's plots).
 */
#include <map>
#include <string>
#include <vector>

namespace leafmech
{
  struct HistoryTable
  {
    std::vector<std::string>                   phase; ///< per row
    std::map<std::string, std::vector<double>> columns; ///< numeric columns by their header
    /// A column, or an empty one if the run has none of that name.
    const std::vector<double> &column(const std::string &name) const;
    std::size_t                rows() const { return phase.size(); }
  };

  /// Reads DIR/history.csv; an empty table if there is none.
  HistoryTable read_history(const std::string &directory);
} // namespace leafmech
