#include <solver/core/force_terms/inertia.h>
#include <solver/core/force_terms/viscous_stabilization.h>
#include <solver/postprocess/postprocessors/energies.h>

namespace leafmech
{
  EnergyResult Energies::compute(PostprocessContext &c)
  {
    return {c.strain_energy(), stabilization != nullptr ? stabilization->dissipated() : 0.0, stabilization != nullptr};
  }

  void Energies::columns_of(const EnergyResult &r, Columns &out) const
  {
    out.emplace_back("strain_energy_mJ", r.strain_energy_mJ);
    if (r.stabilised)
      out.emplace_back("stabilization_energy_mJ", r.stabilization_mJ);
  }

  namespace
  {
    const PostprocessorRegistry::Entry energies_entry(
      "energies", {"strain energy and the energy the stabilisation dissipated", 20,
                   [](const SolidSolver &solver) -> std::unique_ptr<Postprocessor> {
                     const auto *stabilization = solver.find_term<ViscousStabilization>();
                     if (stabilization == nullptr && solver.find_term<Inertia>() == nullptr)
                       return nullptr;
                     return std::make_unique<Energies>(stabilization);
                   }});
  } // namespace
} // namespace leafmech
