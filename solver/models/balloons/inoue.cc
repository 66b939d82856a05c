// Inoue balloon: an hourglass inflated in three stages, distal bulb, then proximal bulb, then the waist to its
// diameter, which is what anchors it across the valve before the waist dilates the commissures.
#include <algorithm>
#include <leafmech/kernels/contact/balloon_profiles.h>
#include <solver/models/balloon_model.h>

namespace leafmech
{
  namespace
  {
    class InoueBalloon final : public BalloonModel
    {
    public:
      explicit InoueBalloon(dealii::ParameterHandler &prm)
        : bulb_length(prm.get_double("Bulb length")), waist_length(prm.get_double("Waist length")),
          oversize(prm.get_double("Bulb oversize"))
      {}

      kernels::BalloonGeometry shape(double progress, double diameter, double deflated) const override
      {
        const auto   stage = [&](int k) { return std::clamp(3.0 * progress - k, 0.0, 1.0); };
        const double r0 = 0.5 * deflated, bulb = 0.5 * (diameter + oversize);
        kernels::BalloonGeometry g;
        g.lobes.push_back(kernels::inoue_lobe({r0 + (bulb - r0) * stage(0), r0 + (bulb - r0) * stage(1),
                                               r0 + (0.5 * diameter - r0) * stage(2), bulb_length, waist_length}));
        return g;
      }

      double waist_half_length() const override { return 0.5 * waist_length; }

    private:
      double bulb_length, waist_length, oversize;
    };

    const BalloonRegistry::Entry inoue_entry(
      "Inoue",
      {"hourglass balloon inflated distal bulb first, then proximal bulb, then the waist",
       [](dealii::ParameterHandler &prm) {
         prm.declare_entry("Bulb length", "10", dealii::Patterns::Double(0.5, 50), "Axial length of each bulb (mm).");
         prm.declare_entry("Waist length", "6", dealii::Patterns::Double(0, 50),
                           "Axial length of the waist between the bulbs (mm).");
         prm.declare_entry("Bulb oversize", "2", dealii::Patterns::Double(0, 20),
                           "How much larger the bulbs' diameter is than the waist's (mm).");
       },
       [](dealii::ParameterHandler &prm) -> std::unique_ptr<BalloonModel> {
         return std::make_unique<InoueBalloon>(prm);
       }});
  } // namespace
} // namespace leafmech
