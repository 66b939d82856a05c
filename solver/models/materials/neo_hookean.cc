// Compressible neo-Hookean solid (kernels materials/models/neo_hookean.h): W = mu/2 (I1_bar - 3) + U(J).
#include <leafmech/kernels/materials/models/neo_hookean.h>

#include <solver/models/material_model.h>

namespace leafmech
{
  namespace
  {
    using Model = kernels::NeoHookean;

    const MaterialRegistry::Entry neo_hookean_entry(
      Model::name,
      material_model<Model>(
        "isotropic neo-Hookean matrix",
        [](dealii::ParameterHandler &prm) {
          prm.declare_entry("Shear modulus", "0.4225", dealii::Patterns::Double(1e-12, 1e6),
                            "Shear modulus mu (MPa) of W_iso = mu/2 (I1_bar - 3).");
        },
        [](dealii::ParameterHandler &prm, MaterialDescription &m) {
          m.kernel.constants[Model::mu] = prm.get_double("Shear modulus");
          m.fibre_direction             = dealii::Tensor<1, dim>({1.0, 0.0, 0.0});
        }));
  } // namespace
} // namespace leafmech
