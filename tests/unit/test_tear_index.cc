// Tear index of one point against the closed forms of its criterion: uniaxial stress along, across and at 45
// degrees to the deformed fibre, biaxial states (either principal stress can govern), and compression.
#include <deal.II/base/symmetric_tensor.h>

#include <gtest/gtest.h>

#include <cmath>
#include <solver/postprocess/postprocessors/tear_index.h>

using namespace leafmech;
using namespace dealii;

namespace
{
  const TissueStrength strength{2.0, 0.35};

  /// sigma = value * n (x) n for a unit n.
  SymmetricTensor<2, dim> uniaxial(double value, const Tensor<1, dim> &n)
  {
    return value * symmetrize(outer_product(n, n));
  }
} // namespace

TEST(TearIndex, UniaxialStressAgainstTheStrengthInItsDirection)
{
  const Tensor<1, dim> fibre({0.6, 0.8, 0.0}), across({-0.8, 0.6, 0.0}), normal({0.0, 0.0, 1.0});
  EXPECT_NEAR(tear_index(uniaxial(1.0, fibre), fibre, strength), 1.0 / 2.0, 1e-12);
  EXPECT_NEAR(tear_index(uniaxial(0.2, across), fibre, strength), 0.2 / 0.35, 1e-12);
  EXPECT_NEAR(tear_index(uniaxial(0.2, normal), fibre, strength), 0.2 / 0.35, 1e-12);
  // 45 degrees: 1 / S^2 = (1/2) / S_f^2 + (1/2) / S_r^2.
  const Tensor<1, dim> diagonal = (fibre + across) / std::sqrt(2.0);
  EXPECT_NEAR(tear_index(uniaxial(0.5, diagonal), fibre, strength),
              0.5 * std::sqrt(0.5 / (2.0 * 2.0) + 0.5 / (0.35 * 0.35)), 1e-12);
}

TEST(TearIndex, EveryPrincipalStressMeetsTheStrengthInItsDirection)
{
  const Tensor<1, dim> fibre({1.0, 0.0, 0.0}), across({0.0, 1.0, 0.0});
  // 1.5 MPa along the fibres is the larger stress, but 0.3 MPa across them is nearer its strength.
  EXPECT_NEAR(tear_index(uniaxial(1.5, fibre) + uniaxial(0.3, across), fibre, strength), 0.3 / 0.35, 1e-12);
  EXPECT_NEAR(tear_index(uniaxial(1.9, fibre) + uniaxial(0.3, across), fibre, strength), 1.9 / 2.0, 1e-12);
  EXPECT_EQ(tear_index(uniaxial(-1.0, fibre) + uniaxial(-0.1, across), fibre, strength), 0.0); // compression
}
