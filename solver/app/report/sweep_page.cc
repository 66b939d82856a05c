#include <base/atomic_file.h>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <solver/app/report/html.h>
#include <solver/app/report/svg_plot.h>
#include <solver/app/report/sweep_page.h>
#include <sstream>
#include <stdexcept>

namespace leafmech
{
  namespace
  {
    /// One CSV line split into fields (quoted fields may hold commas and doubled quotes).
    std::vector<std::string> fields(const std::string &line)
    {
      std::vector<std::string> out(1);
      bool                     quoted = false;
      for (std::size_t i = 0; i < line.size(); ++i)
        {
          const char c = line[i];
          if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"')
            out.back() += '"', ++i;
          else if (c == '"')
            quoted = !quoted;
          else if (c == ',' && !quoted)
            out.emplace_back();
          else
            out.back() += c;
        }
      return out;
    }

    double value(const std::string &text)
    {
      char        *end = nullptr;
      const double v   = std::strtod(text.c_str(), &end);
      return end != text.c_str() && *end == '\0' ? v : std::numeric_limits<double>::quiet_NaN();
    }
  } // namespace

  void write_sweep_page(const std::string &directory)
  {
    std::ifstream in(directory + "/sweep.csv");
    std::string   line;
    if (!std::getline(in, line))
      throw std::runtime_error(directory + " holds no sweep.csv (run or gather the sweep first)");
    const std::vector<std::string>        header = fields(line);
    std::vector<std::vector<std::string>> rows;
    while (std::getline(in, line))
      rows.push_back(fields(line));
    const auto column = [&](const std::string &name) -> int {
      for (std::size_t k = 0; k < header.size(); ++k)
        if (header[k] == name)
          return int(k);
      return -1;
    };
    // The swept parameters stand between `point` and `status`.
    const int status = column("status"), first = 1;
    std::ostringstream body;
    body << "<h1>leafmech sweep: " << html::escape(directory) << "</h1>\n<p>" << rows.size() << " points; ";
    unsigned int completed = 0;
    for (const auto &row : rows)
      completed += status >= 0 && std::size_t(status) < row.size() && row[status] == "completed";
    body << completed << " completed. Each point's own report: point_NNN/report.html.</p>\n";

    std::vector<std::string> plots;
    if (status > first)
      {
        const std::string        parameter = header[first];
        std::vector<PlotSeries>  splits;
        const auto               series = [&](const std::string &name, int k) {
          PlotSeries s{name, {}, {}};
          for (const auto &row : rows)
            if (std::size_t(k) < row.size() && std::size_t(status) < row.size() && row[status] == "completed")
              s.x.push_back(value(row[first])), s.y.push_back(value(row[k]));
          return s;
        };
        for (std::size_t k = 0; k < header.size(); ++k)
          if (header[k].size() > 16 && header[k].compare(header[k].size() - 16, 16, "_split_length_mm") == 0)
            splits.push_back(series(header[k].substr(0, header[k].size() - 16), int(k)));
        if (!splits.empty())
          plots.push_back(svg_plot("Commissure splits", parameter, "split length (mm)", splits));
        if (const int k = column("mva_post_cm2"); k >= 0)
          plots.push_back(svg_plot("MVA after the procedure", parameter, "MVA (cm^2)",
                                   {series("after", k), series("before", column("mva_pre_cm2"))}));
        if (const int k = column("tear_index"); k >= 0)
          plots.push_back(svg_plot("Leaflet tear index", parameter, "tear index", {series("tear index", k)}));
        if (const int k = column("wall_time_s"); k >= 0)
          plots.push_back(svg_plot("Wall time", parameter, "wall time (s)", {series("wall time", k)}));
      }
    body << "<h2>Against " << html::escape(status > first ? header[first] : std::string("the point")) << "</h2>\n"
         << "<div class=\"plots\">\n";
    for (const std::string &svg : plots)
      body << svg << "\n";
    body << "</div>\n<h2>Table</h2>\n<table>\n<tr>";
    for (const std::string &h : header)
      body << "<th>" << html::escape(h) << "</th>";
    body << "</tr>\n";
    for (const auto &row : rows)
      {
        body << "<tr>";
        for (std::size_t k = 0; k < row.size(); ++k)
          {
            const bool is_status = int(k) == status, is_risk = header[k] == "risk";
            body << "<td" << (is_status && row[k] != "completed" ? " class=\"failed\"" : "")
                 << (is_risk ? " class=\"" + html::escape(row[k]) + "\"" : "") << ">" << html::escape(row[k]) << "</td>";
          }
        body << "</tr>\n";
      }
    body << "</table>\n";
    write_file_atomically(directory + "/sweep.html", html::page("leafmech sweep", body.str()));
  }
} // namespace leafmech
