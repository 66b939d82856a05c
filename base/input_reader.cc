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

    /// An input file with its `include` lines replaced by the files they name (relative to the including file),
    /// and where every line came from, so messages name the right file and line.
    struct ExpandedInput
    {
      std::string                                   text;
      std::vector<std::pair<std::string, unsigned>> origin; ///< file and line of each line of text
    };

    constexpr unsigned int max_include_depth = 8;

    void expand(const std::filesystem::path &file, std::vector<std::filesystem::path> &chain, ExpandedInput &out)
    {
      std::error_code             ec;
      const std::filesystem::path canonical = std::filesystem::weakly_canonical(file, ec);
      if (std::find(chain.begin(), chain.end(), canonical) != chain.end())
        {
          std::string cycle;
          for (const auto &f : chain)
            cycle += f.string() + " -> ";
          throw InputError("the input includes itself: " + cycle + canonical.string() +
                           ". Fix: remove the include that closes the cycle.");
        }
      if (chain.size() >= max_include_depth)
        throw InputError("'" + file.string() + "' is included " + std::to_string(chain.size()) +
                         " levels deep; at most " + std::to_string(max_include_depth) + " are allowed");
      if (!std::filesystem::is_regular_file(file))
        throw InputError("cannot read '" + file.string() + "' (" +
                         (chain.empty() ? std::string("the input file") : "included by " + chain.back().string()) +
                         "): " + (std::filesystem::exists(file) ? "it is not a regular file" : "no such file"));
      chain.push_back(canonical);
      std::ifstream in(file);
      unsigned int  number = 0;
      for (std::string line; std::getline(in, line);)
        {
          ++number;
          const std::string trimmed = Utilities::trim(line);
          if (trimmed.rfind("include ", 0) == 0 || trimmed.rfind("INCLUDE ", 0) == 0)
            {
              std::filesystem::path target = Utilities::trim(trimmed.substr(8));
              if (target.is_relative())
                target = file.parent_path() / target;
              expand(target, chain, out);
              continue;
            }
          out.text += line + "\n";
          out.origin.emplace_back(file.string(), number);
        }
      chain.pop_back();
    }

    /// deal.II's "Line <n> of file <name>" of the expanded text turned into the file and line it came from.
    std::string with_origins(const std::string &text, const ExpandedInput &input)
    {
      const std::regex pattern("Line <([0-9]+)> of file <[^>]*>");
      std::smatch      m;
      const std::string head = text.substr(0, 4000); // never run a regular expression over a huge message
      if (!std::regex_search(head, m, pattern))
        return text;
      const std::size_t n = std::stoul(m[1].str());
      if (n == 0 || n > input.origin.size())
        return text;
      const auto &[file, line] = input.origin[n - 1];
      return text.substr(0, m.position(0)) + "Line <" + std::to_string(line) + "> of file <" + file + ">" +
             text.substr(m.position(0) + m.length(0));
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
                       ". Fix: give the path of a .prm (or .json) input deck, e.g. inputs/pbmv_default.prm.");
    ExpandedInput expanded;
    try
      {
        if (file.size() > 5 && file.substr(file.size() - 5) == ".json")
          {
            std::ifstream in(file);
            prm.parse_input_from_json(in);
          }
        else
          {
            std::vector<std::filesystem::path> chain;
            expand(file, chain, expanded);
            std::istringstream in(expanded.text);
            prm.parse_input(in, file, "", /*skip_undefined=*/false);
          }
      }
    catch (const InputError &)
      {
        throw;
      }
    catch (const ExceptionBase &e)
      {
        const std::string text = with_origins(exception_text(e), expanded);
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
