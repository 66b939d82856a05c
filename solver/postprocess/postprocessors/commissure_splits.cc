#include <solver/core/force_terms/cohesive_interface.h>
#include <solver/postprocess/postprocessors/commissure_splits.h>

namespace leafmech
{
  SplitResult CommissureSplits::compute(PostprocessContext &c)
  {
    SplitResult r;
    for (const auto &g : interface.groups(c.solver.displacement(), c.comm))
      r.commissures.push_back({g.name, g.fused_length_mm.value_or(g.length_mm), g.length_mm,
                               g.split_length_mm(), g.cracking_mm2, g.max_opening_mm, g.dissipated_mJ, g.force_N});
    return r;
  }

  void CommissureSplits::columns_of(const SplitResult &r, Columns &out) const
  {
    for (const CommissureSplit &s : r.commissures)
      out.insert(out.end(), {{s.name + "_interface_length_mm", s.interface_length_mm},
                             {s.name + "_split_length_mm", s.split_length_mm},
                             {s.name + "_cracking_area_mm2", s.cracking_area_mm2},
                             {s.name + "_max_opening_mm", s.max_opening_mm},
                             {s.name + "_dissipated_mJ", s.dissipated_mJ},
                             {s.name + "_force_N", s.force_N}});
  }

  void CommissureSplits::write(const SplitResult &r, StateWriter &out) const
  {
    out << static_cast<unsigned long long>(r.commissures.size());
    for (const CommissureSplit &s : r.commissures)
      out << s.name << s.fused_length_mm << s.interface_length_mm << s.split_length_mm << s.cracking_area_mm2
          << s.max_opening_mm << s.dissipated_mJ << s.force_N;
  }

  void CommissureSplits::read(SplitResult &r, StateReader &in) const
  {
    r.commissures.resize(in.count());
    for (CommissureSplit &s : r.commissures)
      in >> s.name >> s.fused_length_mm >> s.interface_length_mm >> s.split_length_mm >> s.cracking_area_mm2 >>
        s.max_opening_mm >> s.dissipated_mJ >> s.force_N;
  }

  namespace
  {
    const PostprocessorRegistry::Entry splits_entry(
      "commissure splits", {"split length, opening and dissipation of each part of the cohesive interface", 30,
                            [](const SolidSolver &solver) -> std::unique_ptr<Postprocessor> {
                              const auto *interface = solver.find_term<CohesiveInterface>();
                              return interface != nullptr ? std::make_unique<CommissureSplits>(*interface) : nullptr;
                            }});
  } // namespace
} // namespace leafmech
