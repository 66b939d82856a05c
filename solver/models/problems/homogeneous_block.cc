// A cube under a homogeneous deformation: uniaxial or equibiaxial stretch with symmetry rollers (free lateral
// faces), or simple shear with every face prescribed. The exact solution is affine, so every quadrature point
// must carry the closed-form stress: the verification case for each material.
#include <deal.II/grid/grid_generator.h>

#include <solver/models/problem.h>

namespace leafmech
{
  using namespace dealii;

  namespace
  {
    class HomogeneousBlock final : public Problem
    {
    public:
      explicit HomogeneousBlock(ParameterHandler &prm)
        : length(prm.get_double("Edge length")), n_cells(prm.get_integer("Cells per edge")),
          loading(prm.get("Loading")), stretch(prm.get_double("Stretch")), shear(prm.get_double("Shear"))
      {}

      void create_grid(Triangulation<dim> &tria) const override
      {
        GridGenerator::subdivided_hyper_cube(tria, n_cells, 0.0, length, /*colorize=*/true);
        for (const auto &cell : tria.active_cell_iterators())
          cell->set_material_id(MaterialIds::leaflet_anterior);
      }

      void dirichlet_values(const DoFHandler<dim> &dof_handler, double load_factor,
                            std::map<types::global_dof_index, double> &values) const override
      {
        const auto zero = [](const Point<dim> &) { return 0.0; };
        if (loading == "simple shear")
          {
            const double gamma = load_factor * shear;
            for (types::boundary_id face = 0; face < 2 * dim; ++face)
              {
                add_boundary_component(
                  dof_handler, face, 0, [gamma](const Point<dim> &X) { return gamma * X[1]; }, values);
                add_boundary_component(dof_handler, face, 1, zero, values);
                add_boundary_component(dof_handler, face, 2, zero, values);
              }
            return;
          }
        // Rollers on the three coordinate planes through the origin.
        for (unsigned int c = 0; c < dim; ++c)
          add_boundary_component(dof_handler, 2 * c, c, zero, values);
        const double end = load_factor * (stretch - 1.0) * length;
        add_boundary_component(dof_handler, 1, 0, [end](const Point<dim> &) { return end; }, values);
        if (loading == "equibiaxial")
          add_boundary_component(dof_handler, 3, 1, [end](const Point<dim> &) { return end; }, values);
      }

    private:
      const double       length;
      const unsigned int n_cells;
      const std::string  loading;
      const double       stretch, shear;
    };

    const ProblemRegistry::Entry block_entry(
      "Homogeneous block",
      {"cube under homogeneous uniaxial, equibiaxial or simple-shear deformation",
       [](ParameterHandler &prm) {
         prm.declare_entry("Edge length", "1", Patterns::Double(1e-9, 1e3), "Edge length of the cube (mm).");
         prm.declare_entry("Cells per edge", "2", Patterns::Integer(1, 64), "Cells along each edge.");
         prm.declare_entry("Loading", "uniaxial", Patterns::Selection("uniaxial|equibiaxial|simple shear"),
                           "uniaxial: x stretched, y and z free; equibiaxial: x and y stretched, z free; simple "
                           "shear: u = gamma Y e_x on every face.");
         prm.declare_entry("Stretch", "1.2", Patterns::Double(0.1, 10.0),
                           "Final stretch (dimensionless) of the loaded directions (uniaxial, equibiaxial).");
         prm.declare_entry("Shear", "0.3", Patterns::Double(-5.0, 5.0),
                           "Final amount of shear gamma (dimensionless) for simple shear.");
       },
       [](ParameterHandler &prm) -> std::unique_ptr<Problem> { return std::make_unique<HomogeneousBlock>(prm); }});
  } // namespace
} // namespace leafmech
