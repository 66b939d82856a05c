#include <deal.II/base/utilities.h>

#include <cmath>
#include <fstream>
#include <iomanip>
#include <solver/app/sweep/sweep_grid.h>
#include <sstream>
#include <stdexcept>

namespace leafmech
{
  using Json = nlohmann::json;

  namespace
  {
    std::string trim(const std::string &s)
    {
      const auto a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
      return a == std::string::npos ? "" : s.substr(a, b - a + 1);
    }

  } // namespace

  std::string format_number(double v)
  {
    std::ostringstream out;
    out << std::setprecision(12) << (std::abs(v) < 1e-12 ? 0.0 : v);
    return out.str();
  }

  std::vector<SweepPoint> sweep_grid(const std::vector<std::vector<std::string>> &values)
  {
    std::vector<SweepPoint> points{SweepPoint{}};
    for (const auto &axis : values)
      {
        std::vector<SweepPoint> next;
        for (const auto &p : points)
          for (const auto &v : axis)
            {
              SweepPoint q = p;
              q.values.push_back(v);
              next.push_back(q);
            }
        points = next;
      }
    for (std::size_t k = 0; k < points.size(); ++k)
      {
        std::ostringstream name;
        name << "point_" << std::setw(3) << std::setfill('0') << k;
        points[k].directory = name.str();
      }
    return points;
  }

    std::vector<std::string> run_arguments(const Json &manifest, const SweepPoint &p, const std::string &dir)
  {
    std::vector<std::string> args;
    for (const auto &o : manifest["overrides"])
      args.insert(args.end(), {"--set", o.get<std::string>()});
    for (std::size_t i = 0; i < p.values.size(); ++i)
      args.insert(args.end(), {"--set", manifest["parameters"][i].get<std::string>() + "=" + p.values[i]});
    args.insert(args.end(), {"--output", dir});
    return args;
  }

  std::vector<SweepPoint> points_of(const Json &manifest)
  {
    std::vector<SweepPoint> points;
    for (const auto &p : manifest["points"])
      points.push_back({p["directory"], p["values"].get<std::vector<std::string>>()});
    return points;
  }

  Json read_json(const std::filesystem::path &path)
  {
    std::ifstream in(path);
    if (!in)
      return Json();
    try
      {
        return Json::parse(in);
      }
    catch (const std::exception &)
      {
        return Json(); // a file being written by a run that was killed: treated as absent
      }
  }

  std::vector<std::string> expand_values(const std::string &text)
  {
    std::vector<std::string> values;
    for (const std::string &raw : dealii::Utilities::split_string_list(text, ','))
      {
        const std::string item = trim(raw);
        if (item.empty())
          continue;
        const auto parts = dealii::Utilities::split_string_list(item, ':');
        if (parts.size() == 1)
          {
            values.push_back(item);
            continue;
          }
        double start, step, stop;
        try
          {
            if (parts.size() != 3)
              throw std::invalid_argument("");
            start = std::stod(parts[0]), step = std::stod(parts[1]), stop = std::stod(parts[2]);
          }
        catch (const std::exception &)
          {
            throw std::invalid_argument("the range '" + item + "' is not start:step:stop (e.g. 24:1:30)");
          }
        if (step == 0.0 || (stop - start) * step < 0.0 || std::abs((stop - start) / step) > 10000)
          throw std::invalid_argument("the range '" + item + "' has a step that does not lead from " + parts[0] +
                                      " to " + parts[2] + " in at most 10000 values");
        const long n = std::lround(std::floor((stop - start) / step + 1e-9));
        for (long k = 0; k <= n; ++k)
          values.push_back(format_number(start + k * step));
      }
    if (values.empty())
      throw std::invalid_argument("--values '" + text + "' gives no value");
    return values;
  }
} // namespace leafmech
