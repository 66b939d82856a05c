#include <cstdlib>
#include <fstream>
#include <limits>
#include <solver/app/report/history_table.h>
#include <sstream>

namespace leafmech
{
  const std::vector<double> &HistoryTable::column(const std::string &name) const
  {
    static const std::vector<double> none;
    const auto                       it = columns.find(name);
    return it == columns.end() ? none : it->second;
  }

  HistoryTable read_history(const std::string &directory)
  {
    HistoryTable  table;
    std::ifstream in(directory + "/history.csv");
    std::string   line;
    if (!std::getline(in, line))
      return table;
    std::vector<std::string> header;
    for (std::istringstream s(line); std::getline(s, line, ',');)
      header.push_back(line);
    while (std::getline(in, line))
      {
        std::istringstream s(line);
        std::string        cell;
        for (std::size_t k = 0; k < header.size() && std::getline(s, cell, ','); ++k)
          if (header[k] == "phase")
            table.phase.push_back(cell);
          else
            {
              char        *end = nullptr;
              const double v   = std::strtod(cell.c_str(), &end);
              table.columns[header[k]].push_back(end != cell.c_str() ? v : std::numeric_limits<double>::quiet_NaN());
            }
      }
    return table;
  }
} // namespace leafmech
