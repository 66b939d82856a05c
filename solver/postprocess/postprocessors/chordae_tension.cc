#include <solver/core/force_terms/chordae.h>
#include <solver/postprocess/postprocessors/chordae_tension.h>
#include <solver/postprocess/vtu_text.h>

namespace leafmech
{
  ChordaeResult ChordaeTension::compute(PostprocessContext &c)
  {
    ChordaeResult r;
    for (const double t : chordae.tensions(c.solver.displacement(), c.load.problem, c.comm))
      {
        r.max_tension_N = std::max(r.max_tension_N, t);
        r.total_tension_N += t;
        r.taut += t > 0 ? 1 : 0;
      }
    return r;
  }

  void ChordaeTension::columns_of(const ChordaeResult &r, Columns &out) const
  {
    out.insert(out.end(), {{"chordae_max_tension_N", r.max_tension_N},
                           {"chordae_total_tension_N", r.total_tension_N},
                           {"chordae_taut", r.taut}});
  }

  void ChordaeTension::add_output_fields(PostprocessContext &c, OutputFields &fields)
  {
    if (chordae.specs().empty())
      return;
    const auto attachments = chordae.attachments(c.solver.displacement(), c.comm);
    const auto tensions    = chordae.tensions(c.solver.displacement(), c.load.problem, c.comm);
    if (dealii::Utilities::MPI::this_mpi_process(c.comm) == 0)
      fields.side_files.push_back({"chordae", chordae_vtu(chordae.specs(), attachments, tensions)});
  }

  namespace
  {
    const PostprocessorRegistry::Entry chordae_entry(
      "chordae", {"the chordae's tensions", 60,
                  [](const SolidSolver &solver) -> std::unique_ptr<Postprocessor> {
                    const auto *chordae = solver.find_term<Chordae>();
                    return chordae != nullptr ? std::make_unique<ChordaeTension>(*chordae) : nullptr;
                  }});
  } // namespace
} // namespace leafmech
