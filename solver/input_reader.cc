#include <deal.II/base/exceptions.h>
#include <deal.II/base/utilities.h>

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <solver/input_reader.h>
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

    std::string suggestion_for(const ParameterHandler &prm, const std::string &text)
    {
      const std::regex pattern("name <([^>]*)>");
      std::smatch      m;
      if (!std::regex_search(text, m, pattern))
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
                       ". Fix: give the path of a .prm (or .json) input deck, e.g. inputs/cook_membrane.prm.");
    try
      {
        if (file.size() > 5 && file.substr(file.size() - 5) == ".json")
          {
            std::ifstream in(file);
            prm.parse_input_from_json(in);
          }
        else
          prm.parse_input(file, "", /*skip_undefined=*/false, /*assert_mandatory_entries_are_found=*/false);
      }
    catch (const ExceptionBase &e)
      {
        const std::string text = exception_text(e);
        throw InputError("invalid input file '" + file + "':\n  " + text + suggestion_for(prm, text));
      }
    catch (const std::exception &e)
      {
        throw InputError("invalid input file '" + file + "': " + e.what());
      }

    const std::vector<std::string> entries = declared_entries(prm);
    for (const std::string &item : overrides)
      {
        const auto eq = item.find('=');
        if (eq == std::string::npos)
          throw InputError("--set '" + item + "': expected \"Section/Name=value\"");
        const std::string path  = Utilities::trim(item.substr(0, eq));
        const std::string value = Utilities::trim(item.substr(eq + 1));
        if (std::find(entries.begin(), entries.end(), path) == entries.end())
          {
            const std::string best = closest_entry(prm, path);
            throw InputError("--set '" + item + "': there is no parameter '" + path + "'." +
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
            throw InputError("--set '" + item + "': " + exception_text(e));
          }
        for (std::size_t i = 0; i + 1 < parts.size(); ++i)
          prm.leave_subsection();
      }
  }
} // namespace leafmech
