#pragma once
/**
 * @file
 * @brief Displacement and Cauchy stress at the named probe points (Output/Probes), evaluated in the cell that
 * holds each reference point (the lowest rank that finds it owns it).
 */
#include <deal.II/base/symmetric_tensor.h>

#include <solver/postprocess/postprocessor.h>

namespace leafmech
{
  struct ProbeValue
  {
    dealii::Tensor<1, dim>          displacement;  ///< mm
    dealii::SymmetricTensor<2, dim> cauchy_stress; ///< MPa
  };

  /// One value per Output/Probes entry, in its order.
  struct ProbeResult
  {
    std::vector<ProbeValue> values;
  };

  class Probes : public PostprocessorOf<ProbeResult>
  {
  public:
    void initialize(PostprocessContext &context) override;
    bool summarised_as_measures() const override { return false; }

  protected:
    ProbeResult compute(PostprocessContext &context) override;
    void        columns_of(const ProbeResult &r, Columns &out) const override;
    void        write(const ProbeResult &r, StateWriter &out) const override;
    void        read(ProbeResult &r, StateReader &in) const override;

  private:
    struct Location
    {
      int                                           owner = -1;
      dealii::DoFHandler<dim>::active_cell_iterator cell;
      dealii::Point<dim>                            unit_point;
    };
    std::vector<Probe>    probes;
    std::vector<Location> locations;
  };
} // namespace leafmech
