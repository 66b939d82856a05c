#include <deal.II/base/function.h>
#include <deal.II/fe/component_mask.h>
#include <deal.II/numerics/vector_tools_boundary.h>

#include <solver/models/problem.h>

namespace leafmech
{
  using namespace dealii;

  void declare_problem_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Geometry");
    prm.declare_entry("Problem", "Cook membrane", Patterns::Selection(ProblemRegistry::names()),
                      "Boundary-value problem to solve: " + ProblemRegistry::names(", ") +
                        ". Its settings are in the subsection of the same name.");
    for (const auto &[name, info] : ProblemRegistry::entries())
      {
        prm.enter_subsection(name);
        info.declare(prm);
        prm.leave_subsection();
      }
    prm.leave_subsection();
  }

  std::unique_ptr<Problem> create_problem(ParameterHandler &prm)
  {
    prm.enter_subsection("Geometry");
    const std::string name = prm.get("Problem");
    prm.enter_subsection(name);
    auto problem = ProblemRegistry::get(name).create(prm);
    prm.leave_subsection();
    prm.leave_subsection();
    return problem;
  }

  void copy_with_material(Triangulation<dim> &serial, types::material_id id, Triangulation<dim> &tria)
  {
    for (const auto &cell : serial.active_cell_iterators())
      cell->set_material_id(id);
    tria.copy_triangulation(serial);
  }

  void add_boundary_component(const DoFHandler<dim> &dof_handler, types::boundary_id id, unsigned int component,
                              const std::function<double(const Point<dim> &)> &value,
                              std::map<types::global_dof_index, double> &values)
  {
    const VectorFunctionFromScalarFunctionObject<dim> f(value, component, dim);
    std::vector<bool>                                 mask(dim, false);
    mask[component] = true;
    VectorTools::interpolate_boundary_values(dof_handler, id, f, values, ComponentMask(mask));
  }
} // namespace leafmech
