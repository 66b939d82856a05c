// Anisotropic leaflet tissue (kernels materials/models/hgo_leaflet.h): neo-Hookean matrix plus one tension-only
// exponential collagen-fibre family (Holzapfel-Gasser-Ogden with dispersion). Defaults: FEBio's HGO
// verification set (c = 0.00764 MPa, k1 = 0.9966 MPa, k2 = 524.6).
#include <leafmech/kernels/materials/models/hgo_leaflet.h>

#include <base/parsing.h>
#include <solver/models/material_model.h>

namespace leafmech
{
  namespace
  {
    using Model = kernels::HgoLeaflet;

    const MaterialRegistry::Entry hgo_entry(
      Model::name,
      material_model<Model>(
        "neo-Hookean matrix + exponential fibre family (Holzapfel-Gasser-Ogden)",
        [](dealii::ParameterHandler &prm) {
          prm.declare_entry("Matrix shear modulus", "0.00764", dealii::Patterns::Double(1e-12, 1e6),
                            "Shear modulus mu (MPa) of the matrix, W_m = mu/2 (I1_bar - 3) (FEBio's c).");
          prm.declare_entry("Fibre stiffness k1", "0.9966", dealii::Patterns::Double(0.0, 1e6),
                            "Fibre stress-like parameter k1 (MPa).");
          prm.declare_entry("Fibre exponent k2", "524.6", dealii::Patterns::Double(1e-12, 1e5),
                            "Fibre exponential coefficient k2 (dimensionless).");
          prm.declare_entry("Fibre dispersion", "0", dealii::Patterns::Double(0.0, 1.0 / 3.0),
                            "Fibre dispersion kappa (dimensionless, 0 = aligned, 1/3 = isotropic).");
          prm.declare_entry("Fibre direction", "1, 0, 0", dealii::Patterns::Anything(),
                            "Reference fibre direction 'x, y, z' (normalised) for geometries without a fibre field.");
        },
        [](dealii::ParameterHandler &prm, MaterialDescription &m) {
          double *k            = m.kernel.constants;
          k[Model::mu]         = prm.get_double("Matrix shear modulus");
          k[Model::k1]         = prm.get_double("Fibre stiffness k1");
          k[Model::k2]         = prm.get_double("Fibre exponent k2");
          k[Model::dispersion] = prm.get_double("Fibre dispersion");
          m.fibre_direction =
            parse_direction(prm.get("Fibre direction"), "Materials/.../HGO leaflet/Fibre direction");
        }));
  } // namespace
} // namespace leafmech
