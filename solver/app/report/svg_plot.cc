#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <solver/app/report/html.h>
#include <solver/app/report/svg_plot.h>
#include <sstream>

namespace leafmech
{
  namespace
  {
    constexpr double width = 420, height = 260, left = 58, right = 12, top = 28, bottom = 42;
    const char      *colours[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

    /// Round tick values covering [lo, hi].
    std::vector<double> ticks(double lo, double hi)
    {
      const double span = hi - lo, raw = span / 5, mag = std::pow(10.0, std::floor(std::log10(raw)));
      const double step = raw / mag < 2 ? 2 * mag : raw / mag < 5 ? 5 * mag : 10 * mag;
      std::vector<double> t;
      for (double v = std::ceil(lo / step) * step; v <= hi + 1e-9 * span; v += step)
        t.push_back(std::abs(v) < 1e-12 * span ? 0.0 : v);
      return t;
    }

    std::string label(double v)
    {
      std::ostringstream s;
      s << std::setprecision(4) << v;
      return s.str();
    }
  } // namespace

  std::string svg_plot(const std::string &title, const std::string &x_label, const std::string &y_label,
                       const std::vector<PlotSeries> &series)
  {
    double x0 = std::numeric_limits<double>::max(), x1 = -x0, y0 = x0, y1 = -x0;
    for (const PlotSeries &s : series)
      for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i)
        if (std::isfinite(s.x[i]) && std::isfinite(s.y[i]))
          x0 = std::min(x0, s.x[i]), x1 = std::max(x1, s.x[i]), y0 = std::min(y0, s.y[i]), y1 = std::max(y1, s.y[i]);
    std::ostringstream svg;
    svg << std::setprecision(6) << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\""
        << height << "\" viewBox=\"0 0 " << width << " " << height << "\" font-size=\"11\">"
        << "<text x=\"" << width / 2 << "\" y=\"16\" text-anchor=\"middle\" font-size=\"13\">" << html::escape(title)
        << "</text>";
    if (x0 > x1)
      return svg.str() + "<text x=\"" + label(width / 2) + "\" y=\"" + label(height / 2) +
             "\" text-anchor=\"middle\">no data</text></svg>";
    if (x1 - x0 < 1e-12 * (1 + std::abs(x1)))
      x0 -= 0.5, x1 += 0.5;
    if (y1 - y0 < 1e-12 * (1 + std::abs(y1)))
      y0 -= 0.5 * (1 + std::abs(y0)) * 0.1, y1 += 0.5 * (1 + std::abs(y1)) * 0.1;
    const double pw = width - left - right, ph = height - top - bottom;
    const auto   X  = [&](double v) { return left + (v - x0) / (x1 - x0) * pw; };
    const auto   Y  = [&](double v) { return top + ph - (v - y0) / (y1 - y0) * ph; };
    svg << "<rect x=\"" << left << "\" y=\"" << top << "\" width=\"" << pw << "\" height=\"" << ph
        << "\" fill=\"none\" stroke=\"#999\"/>";
    for (const double t : ticks(x0, x1))
      svg << "<line x1=\"" << X(t) << "\" x2=\"" << X(t) << "\" y1=\"" << top + ph << "\" y2=\"" << top + ph + 4
          << "\" stroke=\"#999\"/><text x=\"" << X(t) << "\" y=\"" << top + ph + 16 << "\" text-anchor=\"middle\">"
          << label(t) << "</text>";
    for (const double t : ticks(y0, y1))
      svg << "<line x1=\"" << left - 4 << "\" x2=\"" << left << "\" y1=\"" << Y(t) << "\" y2=\"" << Y(t)
          << "\" stroke=\"#999\"/><text x=\"" << left - 6 << "\" y=\"" << Y(t) + 4 << "\" text-anchor=\"end\">"
          << label(t) << "</text>";
    svg << "<text x=\"" << left + pw / 2 << "\" y=\"" << height - 6 << "\" text-anchor=\"middle\">"
        << html::escape(x_label) << "</text><text transform=\"translate(14," << top + ph / 2
        << ") rotate(-90)\" text-anchor=\"middle\">" << html::escape(y_label) << "</text>";
    for (std::size_t k = 0; k < series.size(); ++k)
      {
        const PlotSeries &s = series[k];
        const char       *c = colours[k % 6];
        std::string       path;
        bool              pen = false;
        for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i)
          {
            if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i]))
              {
                pen = false;
                continue;
              }
            path += (pen ? " L" : " M") + label(X(s.x[i])) + " " + label(Y(s.y[i]));
            pen = true;
          }
        svg << "<path d=\"" << path << "\" fill=\"none\" stroke=\"" << c << "\" stroke-width=\"1.6\"/>";
        if (s.x.size() <= 40)
          for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i)
            if (std::isfinite(s.x[i]) && std::isfinite(s.y[i]))
              svg << "<circle cx=\"" << X(s.x[i]) << "\" cy=\"" << Y(s.y[i]) << "\" r=\"2.2\" fill=\"" << c << "\"/>";
        if (series.size() > 1)
          svg << "<text x=\"" << left + 8 << "\" y=\"" << top + 14 + 13 * k << "\" fill=\"" << c << "\">"
              << html::escape(s.name) << "</text>";
      }
    return svg.str() + "</svg>";
  }
} // namespace leafmech
