// Cook's membrane: tapered plate 48 mm long, 44 mm high at the clamped end, 16 mm at the loaded end, 1 mm
// thick, plane strain (out-of-plane displacement held on both faces), total vertical dead load on the free
// end. Reference: deal.II code gallery "Quasi-Static Finite-Strain Compressible Elasticity".
#include <deal.II/grid/grid_generator.h>
#include <deal.II/grid/grid_tools.h>

#include <solver/models/problem.h>

namespace leafmech
{
  using namespace dealii;

  namespace
  {
    class CookMembrane final : public Problem
    {
    public:
      explicit CookMembrane(ParameterHandler &prm)
        : n_cells(prm.get_integer("Cells per edge")), n_thickness(prm.get_integer("Cells through thickness")),
          total_load(prm.get_double("Total vertical load")), plane_strain(prm.get("Out-of-plane") == "plane strain")
      {}

      void create_grid(Triangulation<dim> &tria) const override
      {
        Triangulation<dim> serial;
        GridGenerator::subdivided_hyper_rectangle(serial, {n_cells, n_cells, n_thickness}, Point<dim>(0, 0, 0),
                                                  Point<dim>(48, 44, thickness), /*colorize=*/true);
        // Map the 48 x 44 rectangle onto the tapered quadrilateral (0,0), (48,44), (48,60), (0,44).
        GridTools::transform(
          [](const Point<dim> &p) {
            const double s = p[0] / 48.0;
            return Point<dim>(p[0], 44.0 * s + p[1] * (44.0 - 28.0 * s) / 44.0, p[2]);
          },
          serial);
        copy_with_material(serial, MaterialIds::leaflet_anterior, tria);
      }

      void dirichlet_values(const DoFHandler<dim> &dof_handler, double,
                            std::map<types::global_dof_index, double> &values) const override
      {
        const auto zero = [](const Point<dim> &) { return 0.0; };
        for (unsigned int c = 0; c < dim; ++c)
          add_boundary_component(dof_handler, clamped_end, c, zero, values);
        if (plane_strain)
          for (const types::boundary_id face : {z_min, z_max})
            add_boundary_component(dof_handler, face, 2, zero, values);
      }

      bool traction(types::boundary_id id, const Point<dim> &, double load_factor, Tensor<1, dim> &t) const override
      {
        if (id != loaded_end)
          return false;
        t    = Tensor<1, dim>();
        t[1] = load_factor * total_load / (16.0 * thickness);
        return true;
      }

    private:
      static constexpr double             thickness   = 1.0;
      static constexpr types::boundary_id clamped_end = 0, loaded_end = 1, z_min = 4, z_max = 5;
      const unsigned int                  n_cells, n_thickness;
      const double                        total_load;
      const bool                          plane_strain;
    };

    const ProblemRegistry::Entry cook_entry(
      "Cook membrane",
      {"Cook's tapered membrane under an end shear load (plane strain)",
       [](ParameterHandler &prm) {
         prm.declare_entry("Cells per edge", "16", Patterns::Integer(1, 512),
                           "Number of cells along each in-plane edge (the published studies use 2 to 64).");
         prm.declare_entry("Cells through thickness", "1", Patterns::Integer(1, 16),
                           "Number of cells through the 1 mm thickness.");
         prm.declare_entry("Total vertical load", "1", Patterns::Double(-1e6, 1e6),
                           "Total vertical dead load (N) on the free end, spread uniformly over its 16 mm x 1 mm face.");
         prm.declare_entry("Out-of-plane", "plane strain", Patterns::Selection("plane strain|free"),
                           "plane strain: out-of-plane displacement held on both faces; free: a 1 mm plate free to "
                           "contract through its thickness (the setting behind the code gallery's published table).");
       },
       [](ParameterHandler &prm) -> std::unique_ptr<Problem> { return std::make_unique<CookMembrane>(prm); }});
  } // namespace
} // namespace leafmech
