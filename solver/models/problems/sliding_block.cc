// A block pressed onto a balloon and pulled along it: the friction benchmark. The block's bottom face lies on a
// cylindrical balloon of radius R (axis z through the origin), so along z the support is straight; the block
// spans x in [R, R + H] (radially outwards), y in [-W/2, W/2] and z in [-L/2, L/2]. Over the first half of the
// load factor a dead pressure on the top face presses it onto the balloon; over the second half the top face
// is pulled along z, by a dead shear traction (traction pull: the block sticks while the shear stays below
// mu times the pressure and has no equilibrium beyond it) or by a prescribed displacement (displacement pull:
// once sliding, the friction force is mu times the normal force). The plane y = -W/2 is held in y.
#include <deal.II/grid/grid_generator.h>

#include <algorithm>
#include <solver/models/problem.h>

namespace leafmech
{
  using namespace dealii;

  namespace
  {
    class SlidingBlock final : public Problem
    {
    public:
      explicit SlidingBlock(ParameterHandler &prm)
        : radius(prm.get_double("Support radius")), height(prm.get_double("Height")), width(prm.get_double("Width")),
          length(prm.get_double("Length")), cells(prm.get_integer("Cells per edge")),
          pressure(prm.get_double("Pressure")), pull(prm.get("Pull")), pull_traction(prm.get_double("Pull traction")),
          pull_displacement(prm.get_double("Pull displacement"))
      {}

      void create_grid(Triangulation<dim> &tria) const override
      {
        Triangulation<dim> serial;
        GridGenerator::subdivided_hyper_rectangle(serial, {cells, cells, cells},
                                                  Point<dim>(radius, -0.5 * width, -0.5 * length),
                                                  Point<dim>(radius + height, 0.5 * width, 0.5 * length),
                                                  /*colorize=*/true);
        copy_with_material(serial, MaterialIds::leaflet_anterior, tria);
      }

      void dirichlet_values(const DoFHandler<dim> &dof_handler, double load_factor,
                            std::map<types::global_dof_index, double> &values) const override
      {
        add_boundary_component(dof_handler, y_min, 1, [](const Point<dim> &) { return 0.0; }, values);
        if (pull == "displacement")
          {
            const double u = pull_displacement * pulled(load_factor);
            add_boundary_component(dof_handler, top, 2, [u](const Point<dim> &) { return u; }, values);
          }
      }

      bool traction(types::boundary_id id, const Point<dim> &, double load_factor, Tensor<1, dim> &t) const override
      {
        if (id != top)
          return false;
        t    = Tensor<1, dim>();
        t[0] = -pressure * std::min(1.0, 2.0 * load_factor);
        if (pull == "traction")
          t[2] = pull_traction * pulled(load_factor);
        return true;
      }

      std::vector<types::boundary_id> contact_surfaces() const override { return {bottom}; }

    private:
      static double pulled(double load_factor) { return std::max(0.0, 2.0 * load_factor - 1.0); }

      static constexpr types::boundary_id bottom = 0, top = 1, y_min = 2;
      const double                        radius, height, width, length;
      const unsigned int                  cells;
      const double                        pressure;
      const std::string                   pull;
      const double                        pull_traction, pull_displacement;
    };

    const ProblemRegistry::Entry sliding_block_entry(
      "Sliding block",
      {"block pressed onto a cylindrical balloon and pulled along its axis (the friction benchmark)",
       [](ParameterHandler &prm) {
         prm.declare_entry("Support radius", "50", Patterns::Double(1, 1e3),
                           "Radius R of the balloon the block lies on (mm); its bottom face is at x = R.");
         prm.declare_entry("Height", "1", Patterns::Double(0.01, 100), "Block extent along x (mm).");
         prm.declare_entry("Width", "1", Patterns::Double(0.01, 100), "Block extent along y (mm).");
         prm.declare_entry("Length", "2", Patterns::Double(0.01, 100), "Block extent along z (mm).");
         prm.declare_entry("Cells per edge", "2", Patterns::Integer(1, 64), "Cells along each edge.");
         prm.declare_entry("Pressure", "0.05", Patterns::Double(0, 100),
                           "Dead pressure on the top face at full load (MPa), reached at load factor 0.5.");
         prm.declare_entry("Pull", "traction", Patterns::Selection("traction|displacement"),
                           "How the top face is pulled along z over the second half of the load factor.");
         prm.declare_entry("Pull traction", "0.005", Patterns::Double(-100, 100),
                           "Dead shear traction on the top face at full load (MPa), with Pull = traction.");
         prm.declare_entry("Pull displacement", "0.05", Patterns::Double(-100, 100),
                           "Displacement of the top face along z at full load (mm), with Pull = displacement.");
       },
       [](ParameterHandler &prm) -> std::unique_ptr<Problem> { return std::make_unique<SlidingBlock>(prm); }});
  } // namespace
} // namespace leafmech
