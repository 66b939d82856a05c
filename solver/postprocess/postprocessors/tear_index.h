#pragma once
/**
 * @file
 * @brief Leaflet tear measure: the principal Cauchy stresses in the leaflet body (leaflet materials; the
 * commissural fusion and calcium excluded) against the tissue's strength in their directions.
 *
 * Valve tissue is several times stronger along its collagen fibres than across them, so the strength a
 * principal stress sigma_i with unit direction v_i meets depends on the angle to the deformed fibre
 * a = F a0 / |F a0|:
 *   1 / S^2 = c / S_f^2 + (1 - c) / S_r^2,  c = (v_i . a)^2
 * (a Tsai-Hill-type interpolation between the circumferential strength S_f and the radial strength S_r).
 * The tear index is max_i max(sigma_i, 0) / S(v_i): 1 means the tissue's failure stress is reached in some
 * direction (not always that of the largest principal stress: a smaller stress across the fibres can govern).
 */
#include <deal.II/base/point.h>
#include <deal.II/base/symmetric_tensor.h>

#include <solver/models/problem.h>
#include <solver/postprocess/postprocessor.h>
#include <string>
#include <vector>

namespace leafmech
{
  enum class Leaflet : int
  {
    none, ///< no leaflet cells
    anterior,
    posterior
  };

  /// The tear measure over the leaflet body (the TearIndex post-processor's result).
  struct TearResult
  {
    double  max_principal_stress_MPa = 0.0; ///< over the leaflet body
    double  tear_index               = 0.0; ///< the largest index over the points
    double  location_mm[dim]         = {};  ///< reference position of the largest tear index
    Leaflet leaflet                  = Leaflet::none;
  };

  struct TearState
  {
    TearResult         result;
    std::vector<float> cell_tear_index; ///< per active cell (locally owned; 0 outside the body)
  };

  const char *leaflet_name(Leaflet leaflet);

  /// Tear index max_i max(sigma_i, 0) / S(v_i) at one point; `fibre` is the unit deformed fibre direction.
  double tear_index(const dealii::SymmetricTensor<2, dim> &sigma, const dealii::Tensor<1, dim> &fibre,
                    const TissueStrength &strength);

  /**
   * @brief Evaluates the measure at the quadrature points of every locally owned leaflet cell, reduced over
   * ranks; `pressure` is the solver's pressure_fields() of the current state (computed once by the caller).
   */
  TearState assess_tear(const SolidSolver &solver, const std::vector<CellPressureField> &pressure,
                        const TissueStrength &strength);

  /// The tear index of valves, and its cell field `tear_index` (largest over each cell's points).
  class TearIndex : public PostprocessorOf<TearResult>
  {
  public:
    explicit TearIndex(const TissueStrength &strength) : strength(strength) {}
    void add_output_fields(PostprocessContext &context, OutputFields &fields) override;

  protected:
    TearResult compute(PostprocessContext &context) override;
    void       columns_of(const TearResult &r, Columns &out) const override;

  private:
    const TissueStrength strength;
  };
} // namespace leafmech
