#pragma once
/**
 * @file
 * @brief Name-keyed registry that model families (materials, problems, force terms, post-processors, ...)
 * fill from their own files.
 *
 * A model file defines a static Registry<Info>::Entry; adding a model never means editing a central switch.
 * The libraries that hold registering files are shared libraries, so that every registering translation unit
 * is linked in. Families whose members act in a fixed sequence (force terms are summed in it, post-processors
 * give their history columns in it) carry an `order` in their Info and list themselves with in_order().
 */
#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

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
      Entry(const std::string &name, const Info &info)
      {
        if (!entries().emplace(name, info).second)
          throw std::logic_error("two models registered under the name '" + name + "'");
      }
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

    /// The entries sorted by Info::order (ties by name), for families that act in sequence.
    static std::vector<std::pair<std::string, const Info *>> in_order()
    {
      std::vector<std::pair<std::string, const Info *>> list;
      for (const auto &[name, info] : entries())
        list.emplace_back(name, &info);
      std::stable_sort(list.begin(), list.end(),
                       [](const auto &a, const auto &b) { return a.second->order < b.second->order; });
      return list;
    }
  };
} // namespace leafmech
