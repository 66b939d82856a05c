#pragma once
/**
 * @file
 * @brief The strain energy of the state and the energy the viscous stabilisation has dissipated so far, so a
 * stabilised run can show that the damping stayed small against the strain energy. It applies where the run
 * has a stabilisation term or inertia (whose kinetic energy is measured against the strain energy).
 */
#include <solver/postprocess/postprocessor.h>

namespace leafmech
{
  class ViscousStabilization;

  struct EnergyResult
  {
    double strain_energy_mJ = 0;
    double stabilization_mJ = 0; ///< dissipated by the damping since the run started
    bool   stabilised       = false;
  };

  class Energies : public PostprocessorOf<EnergyResult>
  {
  public:
    /// `stabilization` may be nullptr (a dynamic run without it).
    explicit Energies(const ViscousStabilization *stabilization) : stabilization(stabilization) {}

  protected:
    EnergyResult compute(PostprocessContext &context) override;
    void         columns_of(const EnergyResult &r, Columns &out) const override;

  private:
    const ViscousStabilization *stabilization;
  };
} // namespace leafmech
