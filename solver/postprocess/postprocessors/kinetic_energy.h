#pragma once
/**
 * @file
 * @brief The time and kinetic energy of a dynamic run, and its ratio to the strain energy: a phase that ends
 * with little kinetic energy (below 5 % of the strain energy) ended near static equilibrium, so its answers are
 * the quasi-static ones.
 */
#include <solver/postprocess/postprocessor.h>

namespace leafmech
{
  class Inertia;

  struct KineticResult
  {
    double time_s           = 0;
    double kinetic_mJ       = 0;
    double strain_mJ        = 0;
    double kinetic_to_strain = 0; ///< kinetic / strain energy (0 when there is no strain energy)
  };

  class KineticEnergy : public PostprocessorOf<KineticResult>
  {
  public:
    explicit KineticEnergy(const Inertia &inertia) : inertia(inertia) {}

  protected:
    KineticResult compute(PostprocessContext &context) override;
    void          columns_of(const KineticResult &r, Columns &out) const override;

  private:
    const Inertia &inertia;
  };
} // namespace leafmech
