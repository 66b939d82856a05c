#pragma once
/**
 * @file
 * @brief What every isochoric material model in materials/models/ provides, and how the list of them is
 * formed.
 *
 * A model is a struct in its own header in materials/models/, marked with LEAFMECH_ISOCHORIC_MODEL(Name).
 * CMake lists every header there into the generated <leafmech/kernels/isochoric_models.h>, whose
 * `IsochoricModels` type list the dispatch (material_point.h) and the kernel tests walk; there is no central
 * enum. A model provides:
 *  - `name`, as the input names the model;
 *  - `n_constants` and an enum naming its constants (MaterialParameters::constants, MPa or dimensionless);
 *  - `stress_like[]`: the constants a stiffening factor multiplies;
 *  - `fictitious(k, F, J, a0, b_bar, tau_bar, c_bar)` (host+device): adds the fictitious Kirchhoff stress and
 *    tangent (isochoric variables, Holzapfel 2000 section 6.6) and returns the isochoric energy;
 *  - `small_strain_shear_modulus(k)`: the reference-state shear modulus (bulk modulus from Poisson's ratio);
 *  - `principal_fictitious_stress(k, bb, tb)` (host): the closed form of the fictitious principal Kirchhoff
 *    stresses for principal values bb of b_bar with the fibre (if any) along the first principal direction,
 *    written from the energy in principal stretches, independently of the tensor code;
 *  - `test_constants()` (host): constant sets the kernel tests check the model with.
 */
#include <leafmech/kernels/mat3.h>

namespace leafmech::kernels
{
  /// Most constants any model takes.
  constexpr int max_material_constants = 8;

  /// A list of model types.
  template <typename... Models>
  struct ModelList
  {
    static constexpr int size = sizeof...(Models);
  };
} // namespace leafmech::kernels

/// Marks a model struct for the generated list (a no-op for the compiler).
#define LEAFMECH_ISOCHORIC_MODEL(Name) static_assert(Name::n_constants <= max_material_constants, #Name)
