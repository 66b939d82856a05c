#include <deal.II/base/utilities.h>

#include <algorithm>
#include <cmath>
#include <base/parsing.h>
#include <solver/models/balloon_model.h>
#include <stdexcept>

namespace leafmech
{
  using namespace dealii;

  std::pair<Tensor<1, dim>, Tensor<1, dim>> axis_frame(const Tensor<1, dim> &axis)
  {
    const Tensor<1, dim> ref = std::abs(axis[0]) < 0.9 ? Tensor<1, dim>({1, 0, 0}) : Tensor<1, dim>({0, 1, 0});
    Tensor<1, dim>       e1  = ref - (ref * axis) * axis;
    e1 /= e1.norm();
    return {e1, cross_product_3d(axis, e1)};
  }

  void declare_balloon_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Balloon");
    prm.declare_entry("Model", "none", Patterns::Selection("none|" + BalloonRegistry::names()),
                      "Balloon model: none, " + BalloonRegistry::names(", ") +
                        ". Its shape settings are in the subsection of the same name.");
    prm.declare_entry("Target diameter", "26", Patterns::Double(1, 60),
                      "Nominal waist diameter (mm) the inflation drives to (Inoue sizes 24, 26, 28, 30 mm, each "
                      "adjustable a few mm below nominal by volume). A stepwise protocol uses its own sizes instead.");
    prm.declare_entry("Deflated diameter", "4", Patterns::Double(0.1, 30),
                      "Waist diameter (mm) at the start of the inflation; the balloon must then touch nothing.");
    prm.declare_entry("Axis point", "0, 0, 0", Patterns::Anything(),
                      "A point 'x, y, z' (mm) of the balloon axis where the waist sits.");
    prm.declare_entry("Axis direction", "0, 0, 1", Patterns::Anything(),
                      "Direction 'x, y, z' of the balloon axis (normalised); default: the valve axis, atrium to "
                      "ventricle (the distal end points into the ventricle).");
    prm.declare_entry("Control", "diameter", Patterns::Selection("diameter|pressure"),
                      "diameter: the waist grows linearly with the load factor to the target diameter. pressure: the "
                      "balloon pressure grows linearly to Maximum pressure (atm), the free diameter follows the "
                      "compliance table, and contact pressure can never exceed the balloon pressure.");
    prm.declare_entry("Maximum pressure (atm)", "4", Patterns::Double(0, 30),
                      "Balloon pressure at full load in pressure control (atm).");
    prm.declare_entry("Compliance table", "0: 20; 2: 25; 4: 26; 6: 26.5", Patterns::Anything(),
                      "Free waist diameter against pressure 'p_atm: D_mm; ...' (increasing pressure; linear between "
                      "entries, constant beyond). Dilatation balloons stay below nominal at low pressure.");
    prm.declare_entry("Penalty", "100", Patterns::Double(1e-6, 1e9),
                      "Contact penalty stiffness (MPa/mm): contact pressure per mm of penetration.");
    prm.declare_entry("Smoothing gap", "0", Patterns::Double(0, 10),
                      "Gap (mm) over which the contact pressure fades in smoothly (C1) instead of switching on at "
                      "touch; about the expected penetration (e.g. 0.01) helps Newton when points graze the balloon. "
                      "0 = sharp penalty.");
    prm.declare_entry("Friction coefficient", "0", Patterns::Double(0, 2),
                      "Coulomb friction between the balloon and the leaflets (dimensionless; 0 = frictionless). "
                      "Not measured for the Inoue balloon on valve tissue: polymer catheters sliding wet on porcine "
                      "aortic endothelium show low friction that rises several-fold where the endothelial "
                      "glycocalyx is degraded (Lin et al., Sci Rep 10:11855, 2020), as on calcified rheumatic "
                      "leaflets; values of 0.01-0.2 are plausible. The default stays 0 until the default valve "
                      "converges with friction (with 0.05 the stepwise protocol's 14 mm round stalls at 13.97 mm).");
    prm.declare_entry("Tangential penalty factor", "1", Patterns::Double(1e-6, 1e3),
                      "Stick stiffness of the friction as a multiple of Penalty: the friction traction per mm of "
                      "slip while the point sticks (an elastic slip of mu p / (factor x Penalty) before sliding).");
    prm.declare_entry("Augmented Lagrangian", "false", Patterns::Bool(),
                      "Repeat each converged load step with updated contact multipliers (Uzawa) until the deepest "
                      "penetration is below Gap tolerance.");
    prm.declare_entry("Gap tolerance", "0.01", Patterns::Double(1e-9, 10), "Penetration tolerance (mm) of the augmented "
                                                                     "Lagrangian iterations.");
    prm.declare_entry("Maximum augmentations", "10", Patterns::Integer(1, 100),
                      "Augmented-Lagrangian updates per load step before the step is reported as failed.");
    for (const auto &[model_name, info] : BalloonRegistry::entries())
      {
        prm.enter_subsection(model_name);
        info.declare(prm);
        prm.leave_subsection();
      }
    prm.leave_subsection();
  }

  BalloonInflation::BalloonInflation(ParameterHandler &prm)
  {
    prm.enter_subsection("Balloon");
    name = prm.get("Model");
    if (name != "none")
      {
        prm.enter_subsection(name);
        model = BalloonRegistry::get(name).create(prm);
        prm.leave_subsection();
      }
    control      = prm.get("Control");
    target       = prm.get_double("Target diameter");
    deflated     = prm.get_double("Deflated diameter");
    axis_point   = parse_point(prm.get("Axis point"), "Balloon/Axis point");
    axis         = parse_direction(prm.get("Axis direction"), "Balloon/Axis direction");
    max_pressure = prm.get_double("Maximum pressure (atm)") * atm;
    penalty      = prm.get_double("Penalty");
    smoothing    = prm.get_double("Smoothing gap");
    friction     = prm.get_double("Friction coefficient");
    tangential_factor = prm.get_double("Tangential penalty factor");
    augmented    = prm.get_bool("Augmented Lagrangian");
    tolerance    = prm.get_double("Gap tolerance");
    augmentations = prm.get_integer("Maximum augmentations");
    compliance = PiecewiseLinear(prm.get("Compliance table"), "Balloon/Compliance table", "p_atm: D_mm", atm);
    if (control == "pressure" && compliance.empty())
      throw std::invalid_argument("Balloon/Control = pressure needs a Compliance table");
    if (!(deflated < target))
      throw std::invalid_argument("Balloon/Deflated diameter must be below Target diameter");
    prm.leave_subsection();
  }

  void BalloonInflation::set_target(double diameter)
  {
    if (pressure_limited())
      throw std::invalid_argument("a stepwise protocol sets the balloon's diameter; it needs Balloon/Control = "
                                  "diameter (in pressure control the valve sets the diameter)");
    if (!(deflated < diameter))
      throw std::invalid_argument("a balloon diameter of " + std::to_string(diameter) + " mm is not above "
                                  "Balloon/Deflated diameter (" + std::to_string(deflated) + " mm)");
    target = diameter;
  }

  BalloonState BalloonInflation::state(double load_factor) const
  {
    BalloonState s;
    s.pressure      = pressure_limited() ? load_factor * max_pressure : 0.0;
    s.free_diameter = target;
    if (pressure_limited())
      {
        // Compliance: linear between entries, constant beyond; never below the deflated size.
        const double d = compliance(s.pressure);
        s.free_diameter = std::max(deflated, d);
      }
    s.law.penalty      = penalty;
    s.law.smoothing    = smoothing;
    s.law.friction     = friction;
    s.law.tangential_penalty = tangential_factor * penalty;
    s.law.pressure_cap = pressure_limited() ? std::max(s.pressure, 1e-12) : 0.0;
    // In pressure control the shape grows with the pressure (staging by load factor, size by compliance).
    const double progress = load_factor;
    s.geometry            = model->shape(progress, s.free_diameter, deflated);
    // Balloon frame (e1, e2, axis) -> world.
    const auto [e1, e2] = axis_frame(axis);
    for (auto &lobe : s.geometry.lobes)
      {
        const double o[3] = {lobe.origin[0], lobe.origin[1], lobe.origin[2]};
        const double a[3] = {lobe.axis[0], lobe.axis[1], lobe.axis[2]};
        for (unsigned int k = 0; k < dim; ++k)
          {
            lobe.origin[k] = axis_point[k] + o[0] * e1[k] + o[1] * e2[k] + o[2] * axis[k];
            lobe.axis[k]   = a[0] * e1[k] + a[1] * e2[k] + a[2] * axis[k];
          }
      }
    return s;
  }
} // namespace leafmech
