#include <deal.II/base/utilities.h>

#include <cmath>
#include <solver/material_model.h>
#include <stdexcept>

namespace leafmech
{
  using namespace dealii;

  namespace
  {
    kernels::VolumetricFunction volumetric_from_name(const std::string &name)
    {
      if (name == "log squared")
        return kernels::VolumetricFunction::log_squared;
      if (name == "quadratic")
        return kernels::VolumetricFunction::quadratic;
      return kernels::VolumetricFunction::ogden_quadratic;
    }
  } // namespace

  Tensor<1, dim> parse_direction(const std::string &text, const std::string &entry_name)
  {
    const auto parts = Utilities::split_string_list(text, ',');
    if (parts.size() != dim)
      throw std::invalid_argument(entry_name + " = '" + text + "': expected three comma-separated numbers");
    Tensor<1, dim> a;
    for (unsigned int d = 0; d < dim; ++d)
      a[d] = Utilities::string_to_double(parts[d]);
    if (!(a.norm() > 1e-12))
      throw std::invalid_argument(entry_name + " = '" + text + "': a direction must have non-zero length");
    return a / a.norm();
  }

  void declare_material_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Materials");
    for (const std::string &name : MaterialIds::names())
      {
        prm.enter_subsection(name);
        prm.declare_entry("Model", "neo-Hookean", Patterns::Selection(MaterialRegistry::names()),
                          "Constitutive model of the cells with this material id: " + MaterialRegistry::names(", ") +
                            ". Each model's parameters are in the subsection of the same name.");
        prm.declare_entry("Poisson's ratio", "0.3", Patterns::Double(0.0, 0.5),
                          "Small-strain Poisson's ratio (dimensionless, below 0.5). With the matrix shear modulus mu "
                          "it sets the bulk modulus kappa = 2 mu (1 + nu) / (3 (1 - 2 nu)) of the volumetric term.");
        prm.declare_entry("Stiffening factor", "1", Patterns::Double(1e-6),
                          "Multiplies the model's stress-like parameters (shear modulus, fibre stiffness k1; the bulk "
                          "modulus follows through Poisson's ratio). Rheumatic stiffening of leaflets is not measured: "
                          "vary it. Dimensionless.");
        prm.declare_entry("Volumetric function", "ogden quadratic",
                          Patterns::Selection("ogden quadratic|log squared|quadratic"),
                          "Decoupled volumetric energy U(J): 'ogden quadratic' kappa/4 (J^2 - 1 - 2 ln J), "
                          "'log squared' kappa/2 (ln J)^2, 'quadratic' kappa/2 (J - 1)^2.");
        for (const auto &[model_name, info] : MaterialRegistry::entries())
          {
            prm.enter_subsection(model_name);
            info.declare(prm);
            prm.leave_subsection();
          }
        prm.leave_subsection();
      }
    prm.leave_subsection();
  }

  std::array<MaterialDescription, MaterialIds::n_materials> parse_material_parameters(ParameterHandler &prm)
  {
    std::array<MaterialDescription, MaterialIds::n_materials> result;
    prm.enter_subsection("Materials");
    for (unsigned int id = 0; id < MaterialIds::n_materials; ++id)
      {
        MaterialDescription &m = result[id];
        prm.enter_subsection(MaterialIds::names()[id]);
        m.model_name = prm.get("Model");
        prm.enter_subsection(m.model_name);
        MaterialRegistry::get(m.model_name).parse(prm, m);
        prm.leave_subsection();
        const double stiffening = prm.get_double("Stiffening factor");
        m.kernel.shear_modulus *= stiffening;
        m.kernel.fibre.k1 *= stiffening;
        m.small_strain_shear_modulus *= stiffening;
        const double nu         = prm.get_double("Poisson's ratio");
        if (!(nu < 0.5))
          throw std::invalid_argument("Materials/" + MaterialIds::names()[id] + "/Poisson's ratio = " +
                                      std::to_string(nu) + ": must be below 0.5 (0.5 means an infinite bulk modulus); "
                                      "nearly incompressible tissue is modelled with e.g. 0.49 to 0.4999.");
        const double mu         = m.small_strain_shear_modulus;
        m.kernel.bulk_modulus   = 2.0 * mu * (1.0 + nu) / (3.0 * (1.0 - 2.0 * nu));
        m.kernel.volumetric     = volumetric_from_name(prm.get("Volumetric function"));
        prm.leave_subsection();
      }
    prm.leave_subsection();
    return result;
  }
} // namespace leafmech
