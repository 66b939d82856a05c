// Cylindrical balloon: one cylinder with hemispherical ends whose diameter grows uniformly.
#include <leafmech/kernels/contact/balloon_profiles.h>
#include <solver/models/balloon_model.h>

namespace leafmech
{
  namespace
  {
    class CylindricalBalloon final : public BalloonModel
    {
    public:
      explicit CylindricalBalloon(dealii::ParameterHandler &prm) : length(prm.get_double("Length")) {}

      kernels::BalloonGeometry shape(double progress, double diameter, double deflated) const override
      {
        kernels::BalloonGeometry g;
        g.lobes.push_back(kernels::cylinder_lobe(0.5 * (deflated + progress * (diameter - deflated)), length));
        return g;
      }

      double waist_half_length() const override { return 0.5 * length; }

    private:
      double length;
    };

    const BalloonRegistry::Entry cylindrical_entry(
      "cylindrical",
      {"one cylinder with hemispherical ends, diameter growing uniformly",
       [](dealii::ParameterHandler &prm) {
         prm.declare_entry("Length", "30", dealii::Patterns::Double(0, 200),
                           "Length of the straight part (mm).");
       },
       [](dealii::ParameterHandler &prm) -> std::unique_ptr<BalloonModel> {
         return std::make_unique<CylindricalBalloon>(prm);
       }});
  } // namespace
} // namespace leafmech
