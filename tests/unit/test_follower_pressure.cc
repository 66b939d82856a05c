// Follower pressure on a deformed face: the resultant against Nanson's formula n da = J F^-T N dA for
// homogeneous deformations, and the tangent against central finite differences of the residual.
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_system.h>
#include <deal.II/grid/grid_generator.h>
#include <deal.II/grid/grid_tools.h>
#include <deal.II/grid/tria.h>

#include <gtest/gtest.h>

#include <random>
#include <solver/core/force_terms/follower_pressure.h>

using namespace dealii;
using namespace leafmech;

namespace
{
  struct OneCell
  {
    Triangulation<3> tria;
    FESystem<3>      fe{FE_Q<3>(2), 3};
    DoFHandler<3>    dofs;
    OneCell(bool skew)
    {
      GridGenerator::hyper_cube(tria);
      if (skew)
        GridTools::transform([](const Point<3> &p) { return Point<3>(p[0] + 0.2 * p[1], p[1] + 0.1 * p[2], 0.8 * p[2] + 0.1 * p[0]); },
                             tria);
      dofs.reinit(tria);
      dofs.distribute_dofs(fe);
    }
    /// Nodal values of the displacement field u(X) = (F - I) X.
    Vector<double> homogeneous(const Tensor<2, 3> &F) const
    {
      Vector<double> u(fe.n_dofs_per_cell());
      for (unsigned i = 0; i < u.size(); ++i)
        {
          const Point<3> X = fe.get_unit_support_points()[i]; // the unit cube is the reference cell
          const unsigned c = fe.system_to_component_index(i).first;
          for (unsigned d = 0; d < 3; ++d)
            u[i] += (F[c][d] - (c == d ? 1.0 : 0.0)) * X[d];
        }
      return u;
    }
  };
} // namespace

TEST(FollowerPressure, ResultantFollowsNanson)
{
  OneCell          one(false);
  FollowerPressure load(one.fe, QGauss<2>(3));
  const double     p = 0.3;
  Tensor<2, 3>     F;
  F[0][0] = 1.1, F[0][1] = 0.25, F[1][1] = 0.9, F[2][2] = 1.2, F[2][0] = -0.1;
  const Vector<double> u = one.homogeneous(F);
  const double         J = determinant(F);
  const Tensor<2, 3>   FinvT = transpose(invert(F));
  // Faces x = 1 (face 1) and z = 0 (face 4) with reference outward normals +e_x and -e_z, unit area.
  for (const auto &[face, N] : std::vector<std::pair<unsigned, Tensor<1, 3>>>{{1, Tensor<1, 3>({1, 0, 0})},
                                                                              {4, Tensor<1, 3>({0, 0, -1})}})
    {
      Vector<double> R(u.size());
      load.add(one.dofs.begin_active(), face, u, p, nullptr, R);
      Tensor<1, 3> total;
      for (unsigned i = 0; i < R.size(); ++i)
        total[one.fe.system_to_component_index(i).first] += R[i];
      const Tensor<1, 3> expected = p * J * FinvT * N; // R = -f_ext = p n da
      for (unsigned d = 0; d < 3; ++d)
        EXPECT_NEAR(total[d], expected[d], 1e-13) << "face " << face << " component " << d;
    }
}

TEST(FollowerPressure, TangentMatchesFiniteDifferences)
{
  OneCell          one(true);
  FollowerPressure load(one.fe, QGauss<2>(3));
  std::mt19937     rng(7);
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  Vector<double>   u(one.fe.n_dofs_per_cell());
  for (auto &v : u)
    v = 0.08 * unit(rng);
  const unsigned     n = u.size();
  FullMatrix<double> K(n, n), dummy(n, n);
  Vector<double>     R(n), Rp(n), Rm(n);
  for (const unsigned face : {0u, 3u, 5u})
    {
      K = 0;
      R = 0;
      load.add(one.dofs.begin_active(), face, u, 0.7, &K, R);
      double worst = 0, scale = 0;
      const double h = 1e-6;
      for (unsigned j = 0; j < n; ++j)
        {
          Vector<double> up = u, um = u;
          up[j] += h;
          um[j] -= h;
          Rp = 0;
          Rm = 0;
          load.add(one.dofs.begin_active(), face, up, 0.7, nullptr, Rp);
          load.add(one.dofs.begin_active(), face, um, 0.7, nullptr, Rm);
          for (unsigned i = 0; i < n; ++i)
            {
              worst = std::max(worst, std::abs(K(i, j) - (Rp[i] - Rm[i]) / (2 * h)));
              scale = std::max(scale, std::abs(K(i, j)));
            }
        }
      EXPECT_GT(scale, 1e-3);
      EXPECT_LT(worst, 1e-7 * scale) << "face " << face;
    }
}
