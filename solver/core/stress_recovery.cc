#include <leafmech/kernels/material_point.h>
#include <solver/core/stress_recovery.h>

namespace leafmech
{
  using namespace dealii;
  namespace k = leafmech::kernels;

  SymmetricTensor<2, dim> cauchy_stress(const MaterialDescription &material, const Tensor<2, dim> &F,
                                        const Tensor<1, dim> &fibre, VolumetricFormulation formulation,
                                        double three_field_pressure)
  {
    k::Mat3 Fk;
    for (unsigned int i = 0; i < dim; ++i)
      for (unsigned int j = 0; j < dim; ++j)
        Fk(i, j) = F[i][j];
    const double a0[3] = {fibre[0], fibre[1], fibre[2]};
    const double J     = k::determinant(Fk);
    k::Sym3      tau;
    k::Sym4      c;
    const bool one_field = formulation == VolumetricFormulation::displacement;
    k::pointwise_response(material.kernel, Fk, a0, one_field, tau, c);
    if (!one_field)
      k::add_pressure_stress(J, three_field_pressure, tau, c);
    SymmetricTensor<2, dim> sigma;
    for (unsigned int i = 0; i < dim; ++i)
      for (unsigned int j = i; j < dim; ++j)
        sigma[i][j] = k::component(tau, i, j) / J;
    return sigma;
  }

  double von_mises(const SymmetricTensor<2, dim> &sigma)
  {
    const SymmetricTensor<2, dim> s = deviator(sigma);
    return std::sqrt(1.5 * (s * s));
  }

  double max_principal(const SymmetricTensor<2, dim> &sigma) { return eigenvalues(sigma)[0]; }
} // namespace leafmech
