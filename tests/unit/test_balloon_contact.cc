// Balloon contact on the solver side: a pressure-limited balloon that has engulfed a block pushes only on the
// face that faces it. The back face lies inside the balloon too, but the block itself shields it, so the net
// push is the balloon pressure times one face (about 2x that if the back face were loaded as well).
#include <deal.II/base/mpi.h>
#include <deal.II/base/parameter_handler.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_system.h>
#include <deal.II/grid/grid_generator.h>
#include <deal.II/grid/tria.h>
#include <deal.II/lac/affine_constraints.h>
#include <deal.II/lac/petsc_vector.h>

#include <gtest/gtest.h>

#include <solver/core/force_terms/balloon_contact.h>
#include <solver/models/balloon_model.h>

using namespace dealii;
using namespace leafmech;

TEST(BalloonContactFacing, AnEngulfedBlockIsPushedOnTheFaceThatFacesTheBalloon)
{
  // Unit cube; a 20 mm cylindrical balloon whose axis (along z) passes 5 mm beside its x = 0 face, so the whole
  // cube lies 4-5 mm inside the balloon, and the pressure is capped at 1 atm everywhere.
  ParameterHandler prm;
  declare_balloon_parameters(prm);
  prm.enter_subsection("Balloon");
  prm.set("Model", "cylindrical");
  prm.set("Control", "pressure");
  prm.set("Maximum pressure (atm)", "1");
  prm.set("Compliance table", "0: 20; 2: 20");
  prm.set("Target diameter", "20");
  prm.set("Deflated diameter", "19");
  prm.set("Axis point", "-5, 0.5, 0.5");
  prm.set("Axis direction", "0, 0, 1");
  prm.set("Penalty", "1000");
  prm.leave_subsection();
  const BalloonInflation inflation(prm);

  Triangulation<dim> tria;
  GridGenerator::hyper_cube(tria, 0.0, 1.0, /*colorize=*/true); // faces x = 0, 1 get ids 0, 1
  FESystem<dim>   fe(FE_Q<dim>(2), dim);
  DoFHandler<dim> dofs(tria);
  dofs.distribute_dofs(fe);
  BalloonContact contact(inflation, kernels::BackendKind::cpu);
  contact.setup(dofs, {0, 1});

  const IndexSet             all = complete_index_set(dofs.n_dofs());
  PETScWrappers::MPI::Vector u(all, MPI_COMM_WORLD), rhs(all, MPI_COMM_WORLD);
  AffineConstraints<double>  none;
  none.close();
  contact.assemble(u, 1.0, none, nullptr, rhs);

  // rhs = -R = the contact force on the block; sum its components.
  Tensor<1, dim>                       total;
  std::vector<types::global_dof_index> local(fe.n_dofs_per_cell());
  std::vector<bool>                    seen(dofs.n_dofs(), false);
  for (const auto &cell : dofs.active_cell_iterators())
    {
      cell->get_dof_indices(local);
      for (unsigned int i = 0; i < local.size(); ++i)
        if (!seen[local[i]])
          {
            seen[local[i]] = true;
            total[fe.system_to_component_index(i).first] += rhs(local[i]);
          }
    }
  const double p = 0.101325; // 1 atm (MPa): the cap, since the penetration is 4-5 mm at 1000 MPa/mm
  // On x = 0 the balloon's normal is (5, y - 0.5, 0) / rho with rho = sqrt(25 + (y - 0.5)^2): its x-part averages
  // between 0.995 and 1 over the face, its y-part cancels.
  EXPECT_GT(total[0], 0.99 * p);
  EXPECT_LT(total[0], 1.0 * p);
  EXPECT_NEAR(total[1], 0.0, 1e-12);
  EXPECT_NEAR(total[2], 0.0, 1e-12);
}

int main(int argc, char **argv)
{
  Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
