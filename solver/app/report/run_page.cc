#include <algorithm>
#include <base/atomic_file.h>
#include <iomanip>
#include <solver/app/report/history_table.h>
#include <solver/app/report/html.h>
#include <solver/app/report/render.h>
#include <solver/app/report/run_page.h>
#include <solver/app/report/svg_plot.h>
#include <solver/postprocess/run_summary.h>
#include <sstream>
#include <stdexcept>

namespace leafmech
{
  namespace
  {
    std::string fraction_text(const RunSummary::Split &s)
    {
      return html::number(s.length_mm, 3) + " mm of " + html::number(s.fused_length_mm, 3) + " mm fused (" +
             html::number(s.fraction, 2) + ")";
    }

    /// The outcome in words: MVA, splits, tear, risk.
    std::string verdict(const RunSummary &r)
    {
      std::ostringstream v;
      v << "<p class=\"verdict\">Status: <b class=\"" << (r.status == "completed" ? "low" : "failed") << "\">"
        << html::escape(r.status) << "</b>: " << html::escape(r.message) << "</p>\n<table>\n";
      if (r.has_mva)
        v << "<tr><th>MVA before, after</th><td>" << html::number(r.mva_pre_cm2) << " cm&sup2; &rarr; "
          << html::number(r.mva_post_cm2) << " cm&sup2;</td></tr>\n";
      for (const RunSummary::Split &s : r.splits)
        v << "<tr><th>" << html::escape(s.commissure) << " commissure</th><td>split " << fraction_text(s)
          << (s.first_split_diameter_mm ? ", from a " + html::number(s.first_split_diameter_mm, 3) + " mm balloon on"
                                        : std::string(", no split"))
          << "</td></tr>\n";
      if (r.has_leaflets)
        {
          v << "<tr><th>Leaflet tear index</th><td>" << html::number(r.tear_index, 3);
          if (r.tear_location_mm.size() == 3)
            v << " on the " << html::escape(r.tear_leaflet) << " leaflet at (" << html::number(r.tear_location_mm[0], 3)
              << ", " << html::number(r.tear_location_mm[1], 3) << ", " << html::number(r.tear_location_mm[2], 3)
              << ") mm";
          v << (r.torn && *r.torn ? ": <b class=\"high\">torn</b>" : "") << "; largest principal stress "
            << html::number(r.max_principal_stress_MPa, 3) << " MPa</td></tr>\n";
        }
      if (r.risk)
        {
          v << "<tr><th>Regurgitation risk</th><td><b class=\"" << html::escape(*r.risk) << "\">"
            << html::escape(*r.risk) << "</b><ul>";
          for (const std::string &reason : r.risk_reasons)
            v << "<li>" << html::escape(reason) << "</li>";
          v << "</ul></td></tr>\n";
        }
      return v.str() + "</table>\n";
    }

    std::string inputs(const RunSummary &r)
    {
      std::ostringstream t;
      t << "<table>\n<tr><th>Problem</th><td>" << html::escape(r.problem) << "</td></tr>\n<tr><th>Mesh</th><td>"
        << r.cells << " cells, " << r.dofs << " DoFs, " << r.mpi_ranks << " MPI rank(s)</td></tr>\n";
      if (!r.balloon_model.empty())
        t << "<tr><th>Balloon</th><td>" << html::escape(r.balloon_model) << ", " << html::escape(r.balloon_control)
          << " control, set to " << html::number(r.balloon_target_mm, 3) << " mm, reached "
          << html::number(r.balloon_achieved_mm, 3) << " mm</td></tr>\n";
      for (const auto &[name, value] : r.geometry)
        t << "<tr><th>" << html::escape(name) << "</th><td>" << html::number(value) << "</td></tr>\n";
      if (r.stabilization_fraction)
        t << "<tr><th>Viscous stabilisation</th><td>dissipated " << html::number(100 * *r.stabilization_fraction, 3)
          << " % of the largest strain energy</td></tr>\n";
      t << "<tr><th>Run</th><td>" << r.load_steps << " load steps, " << r.newton_iterations << " Newton iterations, "
        << html::number(r.wall_time_s, 4) << " s</td></tr>\n</table>\n"
        << "<p>All parameters: <a href=\"parameters.prm\">parameters.prm</a>; every step: "
           "<a href=\"history.csv\">history.csv</a>; ParaView: solution.pvd.</p>\n";
      return t.str();
    }

    /// The plots against the step that the history has columns for.
    std::string plots(const HistoryTable &h)
    {
      const std::vector<double> &step = h.column("step");
      const auto                 series = [&](const std::string &name, const std::string &column) {
        return PlotSeries{name, step, h.column(column)};
      };
      std::vector<std::string> out;
      if (!h.column("balloon_free_diameter_mm").empty())
        out.push_back(svg_plot("Balloon waist", "step", "diameter (mm)",
                               {series("reached", "balloon_achieved_diameter_mm"),
                                series("set", "balloon_free_diameter_mm")}));
      if (!h.column("contact_force_N").empty())
        out.push_back(svg_plot("Contact force", "step", "force (N)", {series("contact", "contact_force_N")}));
      std::vector<PlotSeries> splits;
      for (const auto &[name, values] : h.columns)
        if (name.size() > 16 && name.compare(name.size() - 16, 16, "_split_length_mm") == 0)
          splits.push_back({name.substr(0, name.size() - 16), step, values});
      if (!splits.empty())
        out.push_back(svg_plot("Commissure splits", "step", "split length (mm)", splits));
      if (!h.column("orifice_area_cm2").empty())
        out.push_back(svg_plot("Orifice area", "step", "area (cm^2)", {series("orifice", "orifice_area_cm2")}));
      if (!h.column("strain_energy_mJ").empty())
        {
          std::vector<PlotSeries> energies = {series("strain", "strain_energy_mJ")};
          if (!h.column("stabilization_energy_mJ").empty())
            energies.push_back(series("stabilisation dissipated", "stabilization_energy_mJ"));
          if (!h.column("kinetic_energy_mJ").empty())
            energies.push_back(series("kinetic", "kinetic_energy_mJ"));
          out.push_back(svg_plot("Energies", "step", "energy (mJ)", energies));
        }
      if (!h.column("leaflet_tear_index").empty())
        out.push_back(svg_plot("Leaflet tear index", "step", "tear index", {series("tear index", "leaflet_tear_index")}));
      std::string html = "<div class=\"plots\">\n";
      for (const std::string &svg : out)
        html += svg + "\n";
      return html + (out.empty() ? "<p>No measures to plot.</p>\n" : "") + "</div>\n";
    }

    std::string timings(const RunSummary &r)
    {
      std::vector<std::pair<double, std::string>> sections;
      for (const auto &[name, seconds] : r.timings_s)
        sections.emplace_back(seconds, name);
      std::sort(sections.rbegin(), sections.rend());
      std::ostringstream t;
      t << "<table>\n<tr><th>section</th><th>wall time (s)</th></tr>\n";
      for (const auto &[seconds, name] : sections)
        t << "<tr><td>" << html::escape(name) << "</td><td>" << html::number(seconds, 4) << "</td></tr>\n";
      return t.str() + "</table>\n";
    }
  } // namespace

  void write_run_page(const std::string &directory, bool with_renders)
  {
    const std::optional<RunSummary> summary = read_run_summary(directory + "/summary.json");
    if (!summary)
      throw std::runtime_error(directory + " holds no readable summary.json (is it a run's output directory?)");
    const RunSummary  &r = *summary;
    const HistoryTable h = read_history(directory);
    std::ostringstream body;
    body << "<h1>leafmech: " << html::escape(r.problem) << "</h1>\n<h2>Verdict</h2>\n" << verdict(r)
         << "<h2>Inputs</h2>\n" << inputs(r) << "<h2>Against the step</h2>\n" << plots(h);
    if (with_renders && r.has_mva)
      {
        std::string         why;
        const bool          inflated = std::find(h.phase.begin(), h.phase.end(), "inflation") != h.phase.end();
        std::vector<Render> renders  = render_states(directory, inflated, why);
        body << "<h2>Renders</h2>\n";
        for (const Render &image : renders)
          body << "<figure><img alt=\"" << html::escape(image.caption) << "\" src=\"data:image/png;base64,"
               << html::base64_file(image.png) << "\"><figcaption>" << html::escape(image.caption)
               << " (largest principal stress; split commissures in red)</figcaption></figure>\n";
        if (renders.empty())
          body << "<p>" << html::escape(why) << "</p>\n";
      }
    body << "<h2>Timings</h2>\n" << timings(r);
    write_file_atomically(directory + "/report.html", html::page("leafmech: " + r.problem + " (" + r.status + ")", body.str()));
  }

  std::string final_table(const std::string &directory)
  {
    const std::optional<RunSummary> summary = read_run_summary(directory + "/summary.json");
    if (!summary)
      return "";
    const RunSummary  &r = *summary;
    std::ostringstream t;
    t << "Results (" << directory << "/summary.json, report.html):\n"
      << "  " << r.load_steps << " load steps, " << r.newton_iterations << " Newton iterations, "
      << html::number(r.wall_time_s, 4) << " s\n";
    if (r.has_mva)
      t << "  MVA before -> after     " << html::number(r.mva_pre_cm2) << " -> " << html::number(r.mva_post_cm2)
        << " cm^2\n";
    for (const RunSummary::Split &s : r.splits)
      t << "  " << std::left << std::setw(22) << s.commissure + " split" << html::number(s.length_mm, 3) << " of "
        << html::number(s.fused_length_mm, 3) << " mm fused (" << html::number(s.fraction, 2) << ")\n";
    if (r.has_leaflets)
      t << "  tear index              " << html::number(r.tear_index, 3) << " (" << r.tear_leaflet << " leaflet)\n";
    if (r.risk)
      t << "  regurgitation risk      " << *r.risk << "\n";
    std::vector<std::pair<double, std::string>> sections;
    for (const auto &[name, seconds] : r.timings_s)
      sections.emplace_back(seconds, name);
    std::sort(sections.rbegin(), sections.rend());
    t << "  time:";
    for (std::size_t k = 0; k < sections.size() && k < 4; ++k)
      t << (k ? ", " : " ") << sections[k].second << " " << html::number(sections[k].first, 3) << " s";
    return t.str() + "\n";
  }
} // namespace leafmech
