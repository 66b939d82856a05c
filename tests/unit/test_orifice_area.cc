// Orifice area against shapes of known area: a plate with a regular-polygon hole (exact shoelace area), the
// same hole stretched into an ellipse-like polygon, a Q2 displacement field that scales it, and independence
// of the partition (the distributed measurement equals the serial one on every rank count).
#include <deal.II/base/mpi.h>
#include <deal.II/distributed/tria.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_system.h>
#include <deal.II/fe/mapping_q1.h>
#include <deal.II/grid/grid_generator.h>
#include <deal.II/grid/grid_tools.h>
#include <deal.II/lac/petsc_vector.h>

#include <gtest/gtest.h>

#include <cmath>
#include <meshes/orifice_area.h>

using namespace leafmech;
using namespace dealii;

namespace
{
  constexpr unsigned n_around = 48;
  constexpr double   r_inner = 5.0, r_outer = 15.0;

  /// A 3D ring (1 mm thick) with a regular n-gon hole of circumradius r_inner, cells straight-sided.
  void make_ring(Triangulation<3> &tria)
  {
    Triangulation<2> ring;
    GridGenerator::hyper_shell(ring, Point<2>(), r_inner, r_outer, n_around);
    ring.reset_all_manifolds();
    ring.refine_global(1); // straight refinement: the hole gets 2 n edges on the same polygon
    Triangulation<2> flat;
    GridGenerator::flatten_triangulation(ring, flat);
    GridGenerator::extrude_triangulation(flat, 2, 1.0, tria);
  }

  double polygon_area() { return 0.5 * n_around * r_inner * r_inner * std::sin(2 * M_PI / n_around); }
} // namespace

TEST(OrificeArea, RegularPolygonHole)
{
  Triangulation<3> tria;
  make_ring(tria);
  const double a = orifice_area(tria, 0.02, MPI_COMM_SELF);
  EXPECT_NEAR(a, polygon_area(), 0.01 * polygon_area());
  EXPECT_NEAR(a, polygon_area(), 0.002 * polygon_area()); // what the default pixel actually achieves
  std::cout << "polygon hole: " << a << " mm^2 vs exact " << polygon_area() << "\n";
}

TEST(OrificeArea, StretchedHoleScalesWithTheMap)
{
  Triangulation<3> tria;
  make_ring(tria);
  GridTools::transform([](const Point<3> &p) { return Point<3>(1.3 * p[0], 0.4 * p[1], p[2] + 0.2 * p[0]); }, tria);
  const double expected = 1.3 * 0.4 * polygon_area(); // a linear map scales areas by its determinant
  EXPECT_NEAR(orifice_area(tria, 0.02, MPI_COMM_SELF), expected, 0.01 * expected);
}

TEST(OrificeArea, DeformedQ2AndPartitionIndependent)
{
  MPI_Comm                                comm = MPI_COMM_WORLD;
  parallel::distributed::Triangulation<3> tria(comm);
  {
    Triangulation<3> serial;
    make_ring(serial);
    tria.copy_triangulation(serial);
  }
  const FESystem<3> fe(FE_Q<3>(2), 3);
  DoFHandler<3>     dofs(tria);
  dofs.distribute_dofs(fe);
  IndexSet relevant;
  DoFTools::extract_locally_relevant_dofs(dofs, relevant);
  PETScWrappers::MPI::Vector u(dofs.locally_owned_dofs(), comm), u_ghosted(dofs.locally_owned_dofs(), relevant, comm);
  // u = (s - 1) (x, y, 0) + (0, 0, 0.3 x): the projection scales by s^2 whatever the out-of-plane motion.
  const double s = 1.15;
  std::vector<types::global_dof_index> local(fe.n_dofs_per_cell());
  for (const auto &cell : dofs.active_cell_iterators())
    if (cell->is_locally_owned())
      {
        cell->get_dof_indices(local);
        const auto &unit = fe.get_unit_support_points();
        for (unsigned i = 0; i < local.size(); ++i)
          if (dofs.locally_owned_dofs().is_element(local[i]))
            {
              const Point<3> x = MappingQ1<3>().transform_unit_to_real_cell(cell, unit[i]);
              const unsigned c = fe.system_to_component_index(i).first;
              u[local[i]]      = c < 2 ? (s - 1) * x[c] : 0.3 * x[0];
            }
      }
  u.compress(VectorOperation::insert);
  u_ghosted = u;
  const double deformed = orifice_area(dofs, u_ghosted, 0.02, comm);
  EXPECT_NEAR(deformed, s * s * polygon_area(), 0.01 * s * s * polygon_area());

  // The distributed reference measurement equals the whole mesh measured by one rank alone.
  Triangulation<3> serial;
  make_ring(serial);
  EXPECT_EQ(orifice_area(tria, 0.02, comm), orifice_area(serial, 0.02, MPI_COMM_SELF));
  std::cout << Utilities::MPI::n_mpi_processes(comm) << " rank(s): deformed hole " << deformed << " mm^2\n";
}

int main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  ::testing::InitGoogleTest(&argc, argv);
  // Only rank 0 prints gtest's report; every rank runs the tests.
  if (Utilities::MPI::this_mpi_process(MPI_COMM_WORLD) != 0)
    delete ::testing::UnitTest::GetInstance()->listeners().Release(
      ::testing::UnitTest::GetInstance()->listeners().default_result_printer());
  const int failed = RUN_ALL_TESTS();
  return Utilities::MPI::max(failed, MPI_COMM_WORLD);
}
