#include <deal.II/base/utilities.h>

#include <algorithm>
#include <base/input_reader.h>
#include <base/parsing.h>
#include <base/prm_expansion.h>
#include <filesystem>
#include <fstream>
#include <map>

namespace leafmech
{
  namespace
  {
    namespace fs = std::filesystem;

    /// Where a parameter was set: its value, the file and line, and the chain of files that led there.
    struct Setting
    {
      std::string              value;
      std::string              file;
      unsigned int             line;
      std::vector<std::string> chain;
    };

    class Expander
    {
    public:
      ExpandedInput                  result;
      std::map<std::string, Setting> settings;
      std::vector<std::string>       sections; ///< the subsection stack
      std::vector<fs::path>          chain;    ///< the files being read, outermost first

      void read(const fs::path &file)
      {
        std::error_code ec;
        const fs::path  canonical = fs::weakly_canonical(file, ec);
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
                           " levels deep; at most " + std::to_string(max_include_depth) + " levels are allowed");
        if (!fs::is_regular_file(file))
          throw InputError("cannot read '" + file.string() + "' (" +
                           (chain.empty() ? std::string("the input file") : "included by " + chain.back().string()) +
                           "): " + (fs::exists(file) ? "it is not a regular file" : "no such file"));
        chain.push_back(canonical);
        std::ifstream in(file);
        unsigned int  number = 0, first = 0;
        std::string   logical;
        for (std::string line; std::getline(in, line);)
          {
            ++number;
            if (logical.empty())
              first = number;
            // A trailing backslash continues the line (deal.II's convention); the joined line is checked whole.
            if (!line.empty() && line.back() == '\\')
              {
                logical += line.substr(0, line.size() - 1);
                continue;
              }
            logical += line;
            take(file, first, logical);
            logical.clear();
          }
        if (!logical.empty())
          take(file, first, logical);
        chain.pop_back();
      }

    private:
      void take(const fs::path &file, unsigned int number, const std::string &line)
      {
        const std::string content = dealii::Utilities::trim(line.substr(0, line.find('#')));
        const auto        where   = [&] { return "line " + std::to_string(number) + " of " + file.string(); };
        if (content.rfind("include ", 0) == 0 || content.rfind("INCLUDE ", 0) == 0)
          {
            fs::path target = dealii::Utilities::trim(content.substr(8));
            if (target.is_relative())
              target = file.parent_path() / target;
            read(target);
            return;
          }
        if (content.rfind("subsection ", 0) == 0)
          {
            const std::string name = dealii::Utilities::trim(content.substr(11));
            check_length(name, "subsection name", where());
            sections.push_back(name);
          }
        else if (content == "end" && !sections.empty())
          sections.pop_back();
        else if (content.rfind("set ", 0) == 0)
          record(content.substr(4), file, number, where());
        result.text += line + "\n";
        result.origin.emplace_back(file.string(), number);
      }

      static void check_length(const std::string &name, const char *what, const std::string &where)
      {
        if (name.size() > max_parameter_name)
          throw InputError(where + ": a " + std::string(what) + " of " + std::to_string(name.size()) +
                           " characters ('" + excerpt(name, 60) + "'); names are at most " +
                           std::to_string(max_parameter_name) + " characters (`leafmech print-parameters` lists them)");
      }

      void record(const std::string &assignment, const fs::path &file, unsigned int number, const std::string &where)
      {
        ++result.n_settings;
        const auto        eq    = assignment.find('=');
        const std::string name  = dealii::Utilities::trim(assignment.substr(0, eq));
        const std::string value = eq == std::string::npos ? "" : dealii::Utilities::trim(assignment.substr(eq + 1));
        check_length(name, "parameter name", where);
        std::string key;
        for (const std::string &s : sections)
          key += s + "/";
        key += name;
        std::vector<std::string> files;
        for (const auto &f : chain)
          files.push_back(f.string());
        const auto it = settings.find(key);
        if (it != settings.end() && it->second.value != value)
          {
            // A later setting overrides an earlier one only from a file that includes the earlier one's file.
            const Setting &earlier  = it->second;
            const bool     includes = std::find(earlier.chain.begin(), earlier.chain.end() - 1, files.back()) !=
                                    earlier.chain.end() - 1;
            if (!includes)
              throw InputError("'" + key + "' is set twice to different values: '" + excerpt(earlier.value, 40) +
                               "' at line " + std::to_string(earlier.line) + " of " + earlier.file + " and '" +
                               excerpt(value, 40) + "' at " + where + ". Fix: keep one of them (a deck that includes "
                               "another may override its settings; one file may not set a parameter twice).");
          }
        settings[key] = Setting{value, file.string(), number, files};
      }
    };
  } // namespace

  ExpandedInput expand_input(const std::string &file)
  {
    Expander e;
    e.read(file);
    return e.result;
  }

  std::string with_origins(const std::string &message, const ExpandedInput &input)
  {
    const std::string key = "Line <";
    const auto        at  = message.find(key);
    if (at == std::string::npos)
      return message;
    const auto close = message.find('>', at);
    const auto of    = message.find("> of file <", at);
    const auto end   = of == std::string::npos ? std::string::npos : message.find('>', of + 11);
    if (close == std::string::npos || end == std::string::npos)
      return message;
    std::size_t n = 0;
    try
      {
        n = std::stoul(message.substr(at + key.size(), close - at - key.size()));
      }
    catch (const std::exception &)
      {
        return message;
      }
    if (n == 0 || n > input.origin.size())
      return message;
    const auto &[file, line] = input.origin[n - 1];
    return message.substr(0, at) + "Line <" + std::to_string(line) + "> of file <" + file + ">" +
           message.substr(end + 1);
  }
} // namespace leafmech
