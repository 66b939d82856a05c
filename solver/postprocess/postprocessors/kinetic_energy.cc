#include <solver/core/force_terms/inertia.h>
#include <solver/postprocess/postprocessors/kinetic_energy.h>

namespace leafmech
{
  KineticResult KineticEnergy::compute(PostprocessContext &c)
  {
    KineticResult r;
    r.time_s            = inertia.time_s();
    r.kinetic_mJ        = inertia.kinetic_energy();
    r.strain_mJ         = c.strain_energy();
    r.kinetic_to_strain = r.strain_mJ > 0 ? r.kinetic_mJ / r.strain_mJ : 0.0;
    return r;
  }

  void KineticEnergy::columns_of(const KineticResult &r, Columns &out) const
  {
    out.insert(out.end(), {{"time_s", r.time_s},
                           {"kinetic_energy_mJ", r.kinetic_mJ},
                           {"kinetic_to_strain_energy", r.kinetic_to_strain}});
  }

  namespace
  {
    const PostprocessorRegistry::Entry kinetic_entry(
      "kinetic energy", {"time, kinetic energy and its ratio to the strain energy (dynamic runs)", 25,
                         [](const SolidSolver &solver) -> std::unique_ptr<Postprocessor> {
                           const auto *inertia = solver.find_term<Inertia>();
                           return inertia != nullptr ? std::make_unique<KineticEnergy>(*inertia) : nullptr;
                         }});
  } // namespace
} // namespace leafmech
