#pragma once
/**
 * @file
 * @brief How far each part of the cohesive interface (each fused commissure) has split, how much it opened,
 * what it dissipated and the force it still transmits.
 */
#include <solver/postprocess/postprocessor.h>

namespace leafmech
{
  class CohesiveInterface;

  struct CommissureSplit
  {
    std::string name;
    double      fused_length_mm     = 0; ///< the fusion the geometry was built with (the interface length if unknown)
    double      interface_length_mm = 0; ///< the interface runs on over the commissural leaflet to the annulus
    double      split_length_mm     = 0;
    double      cracking_area_mm2   = 0; ///< past the peak traction
    double      max_opening_mm      = 0;
    double      dissipated_mJ       = 0;
    double      force_N             = 0;
  };

  struct SplitResult
  {
    std::vector<CommissureSplit> commissures; ///< in the problem's group order
  };

  class CommissureSplits : public PostprocessorOf<SplitResult>
  {
  public:
    explicit CommissureSplits(const CohesiveInterface &interface) : interface(interface) {}

  protected:
    SplitResult compute(PostprocessContext &context) override;
    void        columns_of(const SplitResult &r, Columns &out) const override;
    void        write(const SplitResult &r, StateWriter &out) const override;
    void        read(SplitResult &r, StateReader &in) const override;

  private:
    const CohesiveInterface &interface;
  };
} // namespace leafmech
