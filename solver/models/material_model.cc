#include <deal.II/base/utilities.h>

#include <cmath>
#include <solver/models/material_model.h>
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
        prm.declare_entry("Stiffening factor", "1", Patterns::Double(1e-6, 1e4),
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
        const MaterialModelInfo &model = MaterialRegistry::get(m.model_name);
        model.parse(prm, m);
        prm.leave_subsection();
        model.stiffen(m.kernel, prm.get_double("Stiffening factor"));
        m.small_strain_shear_modulus = model.small_strain_shear_modulus(m.kernel);
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
