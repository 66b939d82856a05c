// Double balloon: two parallel cylinders side by side (the double-balloon technique), each growing to the
// target diameter; their axes lie Separation apart across the balloon frame's first direction.
#include <leafmech/kernels/contact/balloon_profiles.h>
#include <solver/models/balloon_model.h>

namespace leafmech
{
  namespace
  {
    class DoubleBalloon final : public BalloonModel
    {
    public:
      explicit DoubleBalloon(dealii::ParameterHandler &prm)
        : length(prm.get_double("Length")), separation(prm.get_double("Separation"))
      {}

      kernels::BalloonGeometry shape(double progress, double diameter, double deflated) const override
      {
        kernels::BalloonGeometry g;
        for (const double side : {-0.5, 0.5})
          {
            auto lobe      = kernels::cylinder_lobe(0.5 * (deflated + progress * (diameter - deflated)), length);
            lobe.origin[0] = side * separation;
            g.lobes.push_back(lobe);
          }
        return g;
      }

      double waist_half_length() const override { return 0.5 * length; }

    private:
      double length, separation;
    };

    const BalloonRegistry::Entry double_entry(
      "double balloon",
      {"two parallel cylinders (double-balloon technique)",
       [](dealii::ParameterHandler &prm) {
         prm.declare_entry("Length", "30", dealii::Patterns::Double(0, 200),
                           "Length of each cylinder's straight part (mm).");
         prm.declare_entry("Separation", "12", dealii::Patterns::Double(0, 60),
                           "Distance between the two axes (mm), across the balloon frame's first direction "
                           "(axis x (1,0,0) for the default axis: along the commissures).");
       },
       [](dealii::ParameterHandler &prm) -> std::unique_ptr<BalloonModel> {
         return std::make_unique<DoubleBalloon>(prm);
       }});
  } // namespace
} // namespace leafmech
