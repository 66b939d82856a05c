// Material-point physics against independent references: strain-energy finite differences for the stress,
// stress finite differences for the tangent, and closed-form principal-stretch formulas.
#include <leafmech/kernels/material_batch.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace leafmech::kernels;

namespace
{
  struct NamedMaterial
  {
    std::string        name;
    MaterialParameters p;
    /// The model's closed form of the fictitious principal Kirchhoff stresses (fibre along e1).
    void (*principal_fictitious_stress)(const double *, const double[3], double[3]);
    double small_strain_shear_modulus;
  };

  template <typename M>
  void add_model(std::vector<NamedMaterial> &list)
  {
    for (const VolumetricFunction v :
         {VolumetricFunction::ogden_quadratic, VolumetricFunction::log_squared, VolumetricFunction::quadratic})
      for (const std::vector<double> &k : M::test_constants())
        {
          MaterialParameters p;
          p.model = model_index<M>();
          for (std::size_t i = 0; i < k.size(); ++i)
            p.constants[i] = k[i];
          p.bulk_modulus = 10.0 * M::small_strain_shear_modulus(p.constants) + 0.5;
          p.volumetric   = v;
          list.push_back({std::string(M::name) + "/k" + std::to_string(&k - &M::test_constants()[0]) + "/U" +
                            std::to_string(static_cast<int>(v)),
                          p, &M::principal_fictitious_stress, M::small_strain_shear_modulus(p.constants)});
        }
  }

  template <typename... Ms>
  std::vector<NamedMaterial> all_models(ModelList<Ms...>)
  {
    std::vector<NamedMaterial> list;
    (add_model<Ms>(list), ...);
    return list;
  }

  /// Every model of the generated list, each with its test constant sets and every volumetric function.
  std::vector<NamedMaterial> materials() { return all_models(IsochoricModels{}); }

  Mat3 diag(double a, double b, double c) { return Mat3{{a, 0, 0, 0, b, 0, 0, 0, c}}; }

  struct NamedState
  {
    std::string name;
    Mat3        F;
  };

  // Uniaxial, biaxial and simple-shear states, each slightly compressible; fibre stretches stay moderate so
  // the exponential term is active but finite.
  std::vector<NamedState> states()
  {
    Mat3 shear = diag(1.0, 1.0, 1.0);
    shear(0, 1) = 0.12;
    shear(2, 2) = 1.01;
    Mat3 general = diag(1.04, 0.97, 1.02);
    general(0, 1) = 0.05;
    general(1, 2) = -0.03;
    general(2, 0) = 0.02;
    return {{"uniaxial", diag(1.06, 0.975, 0.975)}, {"biaxial", diag(1.05, 1.04, 0.93)}, {"simple-shear", shear},
            {"general", general}};
  }

  const double a0[3] = {1.0, 0.0, 0.0};

  double max_abs(const Sym4 &c)
  {
    double m = 0.0;
    for (auto &row : c.c)
      for (double x : row)
        m = std::max(m, std::abs(x));
    return m;
  }

  Mat3 mult(const Mat3 &A, const Mat3 &B)
  {
    Mat3 C;
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j)
        C(i, j) = A(i, 0) * B(0, j) + A(i, 1) * B(1, j) + A(i, 2) * B(2, j);
    return C;
  }
} // namespace

// Every model of the generated list is among the materials the tests below check.
TEST(MaterialPoint, EveryModelIsChecked)
{
  std::vector<int> seen;
  for (const auto &m : materials())
    if (std::find(seen.begin(), seen.end(), m.p.model) == seen.end())
      seen.push_back(m.p.model);
  EXPECT_EQ(int(seen.size()), IsochoricModels::size);
  EXPECT_GE(IsochoricModels::size, 2);
}

// tau = P F^T with P_iJ = dW/dF_iJ by central differences of the strain energy.
TEST(MaterialPoint, KirchhoffStressMatchesEnergyDerivative)
{
  for (const auto &m : materials())
    for (const auto &s : states())
      {
        Sym3         tau;
        Sym4         c;
        const double h = 1e-6;
        total_response(m.p, s.F, a0, tau, c);
        double P[9];
        for (int k = 0; k < 9; ++k)
          {
            Mat3 Fp = s.F, Fm = s.F;
            Fp.m[k] += h;
            Fm.m[k] -= h;
            Sym3 t;
            Sym4 cc;
            P[k] = (total_response(m.p, Fp, a0, t, cc) - total_response(m.p, Fm, a0, t, cc)) / (2 * h);
          }
        double scale = 0.0;
        for (double x : tau.v)
          scale = std::max(scale, std::abs(x));
        for (int i = 0; i < 3; ++i)
          for (int j = 0; j < 3; ++j)
            {
              const double fd = P[3 * i + 0] * s.F(j, 0) + P[3 * i + 1] * s.F(j, 1) + P[3 * i + 2] * s.F(j, 2);
              EXPECT_LE(std::abs(fd - component(tau, i, j)), 1e-6 * scale)
                << m.name << " " << s.name << " tau_" << i << j;
            }
      }
}

// Lie derivative: d/de tau(F + e G F) - G tau - tau G^T = c : sym(G), checked column by column.
TEST(MaterialPoint, SpatialTangentMatchesStressDerivative)
{
  for (const auto &m : materials())
    for (const auto &s : states())
      {
        Sym3 tau;
        Sym4 c;
        total_response(m.p, s.F, a0, tau, c);
        const double scale = max_abs(c);
        const double h     = 1e-6;
        for (int k = 0; k < 3; ++k)
          for (int l = k; l < 3; ++l)
            {
              Mat3 G = diag(0, 0, 0);
              G(k, l) += 0.5;
              G(l, k) += 0.5;
              const Mat3 GF = mult(G, s.F);
              Mat3       Fp = s.F, Fm = s.F;
              for (int q = 0; q < 9; ++q)
                {
                  Fp.m[q] += h * GF.m[q];
                  Fm.m[q] -= h * GF.m[q];
                }
              Sym3 tp, tm;
              Sym4 cp, cm;
              total_response(m.p, Fp, a0, tp, cp);
              total_response(m.p, Fm, a0, tm, cm);
              for (int i = 0; i < 3; ++i)
                for (int j = i; j < 3; ++j)
                  {
                    double lie = (component(tp, i, j) - component(tm, i, j)) / (2 * h);
                    for (int r = 0; r < 3; ++r)
                      lie -= G(i, r) * component(tau, r, j) + component(tau, i, r) * G(j, r);
                    const double analytic = c.c[voigt_index(i, j)][voigt_index(k, l)];
                    EXPECT_LE(std::abs(lie - analytic), 1e-6 * scale)
                      << m.name << " " << s.name << " c_" << i << j << k << l;
                  }
            }
      }
}

TEST(MaterialPoint, TangentHasMajorSymmetry)
{
  for (const auto &m : materials())
    for (const auto &s : states())
      {
        Sym3 tau;
        Sym4 c;
        total_response(m.p, s.F, a0, tau, c);
        for (int I = 0; I < 6; ++I)
          for (int J = 0; J < 6; ++J)
            EXPECT_NEAR(c.c[I][J], c.c[J][I], 1e-12 * max_abs(c)) << m.name << " " << s.name;
      }
}

// Closed form for principal stretches l1, l2, l3 with the fibre along e1: b_bar_i = J^(-2/3) l_i^2, each
// model's own principal fictitious stress tau_bar_i(b_bar) (written from its energy in principal stretches),
// sigma_i = (tau_bar_i - mean(tau_bar)) / J + U'(J).
TEST(MaterialPoint, PrincipalCauchyStressMatchesClosedForm)
{
  for (const auto &m : materials())
    for (const double l1 : {0.9, 1.0, 1.05, 1.1})
      {
        const double l[3] = {l1, 1.0 / std::sqrt(l1) * 1.01, 1.0 / std::sqrt(l1) * 0.995};
        const double J    = l[0] * l[1] * l[2];
        double       bb[3], tb[3];
        for (int i = 0; i < 3; ++i)
          bb[i] = std::pow(J, -2.0 / 3.0) * l[i] * l[i];
        m.principal_fictitious_stress(m.p.constants, bb, tb);
        const double mean = (tb[0] + tb[1] + tb[2]) / 3.0;
        double       dU   = 0.0;
        const double kap  = m.p.bulk_modulus;
        switch (m.p.volumetric)
          {
            case VolumetricFunction::ogden_quadratic: dU = 0.5 * kap * (J - 1.0 / J); break;
            case VolumetricFunction::log_squared: dU = kap * std::log(J) / J; break;
            case VolumetricFunction::quadratic: dU = kap * (J - 1.0); break;
          }
        Sym3 tau;
        Sym4 c;
        total_response(m.p, diag(l[0], l[1], l[2]), a0, tau, c);
        for (int i = 0; i < 3; ++i)
          {
            const double sigma = (tb[i] - mean) / J + dU;
            EXPECT_NEAR(tau.v[i] / J, sigma, 1e-12 * (1.0 + std::abs(sigma))) << m.name << " l1=" << l1;
          }
        EXPECT_NEAR(tau.v[3], 0.0, 1e-14);
      }
}

TEST(MaterialPoint, StressFreeInReferenceState)
{
  for (const auto &m : materials())
    {
      Sym3 tau;
      Sym4 c;
      total_response(m.p, diag(1, 1, 1), a0, tau, c);
      for (double t : tau.v)
        EXPECT_NEAR(t, 0.0, 1e-14) << m.name;
      // Small-strain limit: c_xxxx = kappa + 4/3 mu (no fibre carries load at the reference state).
      EXPECT_NEAR(c.c[0][0], m.p.bulk_modulus + 4.0 / 3.0 * m.small_strain_shear_modulus, 1e-12) << m.name;
    }
}

TEST(MaterialBatch, CpuBatchEqualsPointwise)
{
  const auto          list = materials();
  MaterialPointArrays batch;
  const auto          st = states();
  batch.resize(st.size());
  for (std::size_t i = 0; i < st.size(); ++i)
    {
      for (int k = 0; k < 9; ++k)
        batch.F[k * batch.n + i] = st[i].F.m[k];
      batch.fibre[i] = 1.0;
    }
  auto evaluator = make_material_evaluator(BackendKind::cpu);
  evaluator->evaluate(list[1].p, batch);
  for (std::size_t i = 0; i < st.size(); ++i)
    {
      Sym3 tau;
      Sym4 c;
      total_response(list[1].p, st[i].F, a0, tau, c);
      for (int k = 0; k < 6; ++k)
        EXPECT_EQ(batch.tau[k * batch.n + i], tau.v[k]);
    }
}

TEST(Backend, SelectionRules)
{
  EXPECT_EQ(select_backend("cpu").kind, BackendKind::cpu);
  EXPECT_THROW(select_backend("gpu"), std::runtime_error);
  if (cuda_device_count() == 0)
    {
      EXPECT_EQ(select_backend("auto").kind, BackendKind::cpu);
      EXPECT_THROW(select_backend("cuda"), std::runtime_error);
    }
}
