// Compressible neo-Hookean solid: W = mu/2 (I1_bar - 3) + U(J).
#include <solver/material_model.h>

namespace leafmech
{
  namespace
  {
    const MaterialRegistry::Entry neo_hookean_entry(
      "neo-Hookean",
      {"isotropic neo-Hookean matrix",
       [](dealii::ParameterHandler &prm) {
         prm.declare_entry("Shear modulus", "0.4225", dealii::Patterns::Double(1e-12),
                           "Shear modulus mu (MPa) of W_iso = mu/2 (I1_bar - 3).");
       },
       [](dealii::ParameterHandler &prm, MaterialDescription &m) {
         m.kernel.model               = kernels::IsochoricModel::neo_hookean;
         m.kernel.shear_modulus       = prm.get_double("Shear modulus");
         m.small_strain_shear_modulus = m.kernel.shear_modulus;
         m.fibre_direction            = dealii::Tensor<1, dim>({1.0, 0.0, 0.0});
       }});
  } // namespace
} // namespace leafmech
