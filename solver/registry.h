#pragma once
/**
 * @file
 * @brief Name-keyed registry that model families (materials, problems, ...) fill from their own files.
 *
 * A model file defines a static Registry<Info>::Entry; adding a model never means editing a central switch.
 * The solver library is a shared library so that every registering translation unit is linked in.
 */
#include <map>
#include <stdexcept>
#include <string>

namespace leafmech
{
  template <typename Info>
  class Registry
  {
  public:
    static std::map<std::string, Info> &entries()
    {
      static std::map<std::string, Info> map;
      return map;
    }

    struct Entry
    {
      Entry(const std::string &name, const Info &info) { entries().emplace(name, info); }
    };

    static const Info &get(const std::string &name)
    {
      const auto it = entries().find(name);
      if (it == entries().end())
        throw std::runtime_error("Unknown model '" + name + "'; known: " + names("|"));
      return it->second;
    }

    /// The registered names joined by sep, usable as a Patterns::Selection string.
    static std::string names(const std::string &sep = "|")
    {
      std::string s;
      for (const auto &e : entries())
        s += (s.empty() ? "" : sep) + e.first;
      return s;
    }
  };
} // namespace leafmech
