#pragma once
/**
 * @file
 * @brief The chordae's tensions (largest, total, how many are taut), and the chordae as lines with their
 * tensions as a side file of the output (chordae.pvd).
 */
#include <solver/postprocess/postprocessor.h>

namespace leafmech
{
  class Chordae;

  struct ChordaeResult
  {
    double max_tension_N   = 0;
    double total_tension_N = 0;
    double taut            = 0; ///< how many carry tension
  };

  class ChordaeTension : public PostprocessorOf<ChordaeResult>
  {
  public:
    explicit ChordaeTension(const Chordae &chordae) : chordae(chordae) {}
    void add_output_fields(PostprocessContext &context, OutputFields &fields) override;

  protected:
    ChordaeResult compute(PostprocessContext &context) override;
    void          columns_of(const ChordaeResult &r, Columns &out) const override;

  private:
    const Chordae &chordae;
  };
} // namespace leafmech
