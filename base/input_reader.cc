#include <deal.II/base/exceptions.h>
#include <deal.II/base/utilities.h>

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <base/input_reader.h>
#include <base/parsing.h>
#include <base/prm_expansion.h>
#include <sstream>

namespace leafmech
{
  using namespace dealii;

  namespace
  {
    std::string lower(std::string s)
    {
      std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
      return s;
    }

    std::size_t edit_distance(const std::string &a, const std::string &b)
    {
      std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
      for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
      for (std::size_t i = 1; i <= a.size(); ++i)
        {
          cur[0] = i;
          for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
          std::swap(prev, cur);
        }
      return prev[b.size()];
    }

    void collect(const boost::property_tree::ptree &tree, const std::string &prefix, std::vector<std::string> &out)
    {
      for (const auto &[key, child] : tree)
        {
          const std::string name = prefix.empty() ? key : prefix + "/" + key;
          if (child.empty())
            out.push_back(name);
          else
            collect(child, name, out);
        }
    }

    std::string exception_text(const ExceptionBase &e)
    {
      std::ostringstream s;
      e.print_info(s);
      std::string text = s.str();
      while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.pop_back();
      return text;
    }

    /// A message with every line cut to a readable length (deal.II quotes the offending line whole).
    std::string shortened(const std::string &text)
    {
      std::string out, line;
      std::istringstream in(text);
      while (std::getline(in, line))
        out += (out.empty() ? "" : "\n") + excerpt(line, 300);
      return out;
    }

    /// Every declared entry with its value and pattern, as "Section/Name".
    void collect_values(const boost::property_tree::ptree &tree, const std::string &prefix,
                        std::vector<std::pair<std::string, std::pair<std::string, std::string>>> &out)
    {
      for (const auto &[key, child] : tree)
        {
          const std::string name = prefix.empty() ? key : prefix + "/" + key;
          if (child.get_child_optional("value"))
            out.push_back({name, {child.get<std::string>("value"), child.get<std::string>("pattern_description")}});
          else if (!child.empty())
            collect_values(child, name, out);
        }
    }

    /// deal.II's Double pattern lets "nan" and "inf" through: refuse them for every real-valued entry.
    void check_finite(const ParameterHandler &prm)
    {
      std::stringstream json;
      prm.print_parameters(json, ParameterHandler::JSON);
      boost::property_tree::ptree tree;
      boost::property_tree::read_json(json, tree);
      std::vector<std::pair<std::string, std::pair<std::string, std::string>>> values;
      collect_values(tree, "", values);
      for (const auto &[name, entry] : values)
        if (entry.second.rfind("[Double", 0) == 0)
          try
            {
              parse_number(entry.first, name);
            }
          catch (const std::invalid_argument &e)
            {
              throw InputError(std::string(e.what()) + "; allowed: " + entry.second);
            }
    }

    std::string suggestion_for(const ParameterHandler &prm, const std::string &text)
    {
      const std::regex  pattern("name <([^>]*)>");
      std::smatch       m;
      const std::string head = text.substr(0, 2000); // no regular expression ever runs over a huge message
      if (!std::regex_search(head, m, pattern))
        return "";
      const std::string best = closest_entry(prm, m[1].str());
      return best.empty() ? "" : "\n  Did you mean '" + best + "'? (`leafmech print-parameters` lists every entry.)";
    }
  } // namespace

  std::vector<std::string> declared_entries(const ParameterHandler &prm)
  {
    std::stringstream json;
    prm.print_parameters(json, ParameterHandler::ShortJSON);
    boost::property_tree::ptree tree;
    boost::property_tree::read_json(json, tree);
    std::vector<std::string> out;
    collect(tree, "", out);
    return out;
  }

  std::string closest_entry(const ParameterHandler &prm, const std::string &name)
  {
    std::string best;
    std::size_t best_distance = std::string::npos;
    const std::string key     = lower(name.substr(name.find_last_of('/') + 1));
    for (const std::string &entry : declared_entries(prm))
      {
        const std::size_t d = edit_distance(key, lower(entry.substr(entry.find_last_of('/') + 1)));
        if (d < best_distance)
          {
            best_distance = d;
            best          = entry;
          }
      }
    return best_distance <= std::max<std::size_t>(2, key.size() / 3) ? best : "";
  }

  void read_input(ParameterHandler &prm, const std::string &file, const std::vector<std::string> &overrides)
  {
    if (!std::filesystem::is_regular_file(file))
      throw InputError("cannot read the input file '" + file + "': " +
                       (std::filesystem::exists(file) ? "it is not a regular file" : "no such file") +
                       ". Fix: give the path of a .prm (or .json) input deck, e.g. inputs/pbmv_default.prm.");
    const bool json = file.size() > 5 && file.substr(file.size() - 5) == ".json";
    ExpandedInput expanded;
    if (!json)
      expanded = expand_input(file);
    if (json ? std::filesystem::file_size(file) == 0 : expanded.n_settings == 0)
      throw InputError("the input file '" + file + "' is empty: it sets no parameter, so the run would be the "
                       "defaults' (Cook's membrane). Fix: give a deck, e.g. inputs/pbmv_default.prm, or write the "
                       "settings into this one (`leafmech print-parameters` lists them).");
    try
      {
        if (json)
          {
            std::ifstream in(file);
            prm.parse_input_from_json(in);
          }
        else
          {
            std::istringstream in(expanded.text);
            prm.parse_input(in, file, "", /*skip_undefined=*/false);
          }
      }
    catch (const ExceptionBase &e)
      {
        const std::string text = shortened(with_origins(exception_text(e), expanded));
        throw InputError("invalid input file '" + file + "':\n  " + text + suggestion_for(prm, text));
      }
    catch (const std::exception &e)
      {
        throw InputError("invalid input file '" + file + "': " + shortened(e.what()));
      }

    const std::vector<std::string> entries = declared_entries(prm);
    for (const std::string &item : overrides)
      {
        const auto eq = item.find('=');
        if (eq == std::string::npos)
          throw InputError("--set '" + excerpt(item, 200) + "': expected \"Section/Name=value\"");
        const std::string path  = Utilities::trim(item.substr(0, eq));
        const std::string value = Utilities::trim(item.substr(eq + 1));
        if (path.size() > 2 * max_parameter_name)
          throw InputError("--set '" + excerpt(item, 60) + "': a parameter path of " + std::to_string(path.size()) +
                           " characters; names are at most " + std::to_string(max_parameter_name) + " characters");
        if (std::find(entries.begin(), entries.end(), path) == entries.end())
          {
            const std::string best = closest_entry(prm, path);
            throw InputError("--set '" + excerpt(item, 200) + "': there is no parameter '" + excerpt(path, 200) + "'." +
                             (best.empty() ? "" : " Did you mean '" + best + "'?") +
                             " (`leafmech print-parameters` lists every entry.)");
          }
        const auto parts = Utilities::split_string_list(path, '/');
        for (std::size_t i = 0; i + 1 < parts.size(); ++i)
          prm.enter_subsection(parts[i]);
        try
          {
            prm.set(parts.back(), value);
          }
        catch (const ExceptionBase &e)
          {
            for (std::size_t i = 0; i + 1 < parts.size(); ++i)
              prm.leave_subsection();
            throw InputError("--set '" + excerpt(item, 200) + "': " + shortened(exception_text(e)));
          }
        for (std::size_t i = 0; i + 1 < parts.size(); ++i)
          prm.leave_subsection();
      }
    check_finite(prm);
  }
} // namespace leafmech
