#include <solver/core/force_terms/viscous_stabilization.h>
#include <solver/postprocess/postprocessors/energies.h>

namespace leafmech
{
  EnergyResult Energies::compute(PostprocessContext &c) { return {c.strain_energy(), stabilization.dissipated()}; }

  void Energies::columns_of(const EnergyResult &r, Columns &out) const
  {
    out.insert(out.end(), {{"strain_energy_mJ", r.strain_energy_mJ}, {"stabilization_energy_mJ", r.stabilization_mJ}});
  }

  namespace
  {
    const PostprocessorRegistry::Entry energies_entry(
      "energies", {"strain energy and the energy the stabilisation dissipated", 20,
                   [](const SolidSolver &solver) -> std::unique_ptr<Postprocessor> {
                     const auto *stabilization = solver.find_term<ViscousStabilization>();
                     return stabilization != nullptr ? std::make_unique<Energies>(*stabilization) : nullptr;
                   }});
  } // namespace
} // namespace leafmech
