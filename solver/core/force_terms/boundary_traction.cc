// Dead-load tractions of the problem on its boundary faces (MPa per reference area; Cook's membrane's shear
// load): R_i -= int N_i t dA, a cell-local force term with no tangent. The whole force term is this file.
#include <deal.II/fe/fe_values.h>

#include <solver/core/force_term.h>
#include <solver/models/problem.h>

namespace leafmech
{
  using namespace dealii;

  namespace
  {
    class BoundaryTraction : public ForceTerm
    {
    public:
      explicit BoundaryTraction(const ForceTermContext &context);

      bool cell_local() const override { return true; }
      bool add_cell(const dealii::DoFHandler<dim>::active_cell_iterator &cell, const dealii::Vector<double> &local_u,
                    const LoadState &load, dealii::FullMatrix<double> *K, dealii::Vector<double> &R) override;

    private:
      const Problem            &problem;
      dealii::FEFaceValues<dim> face_values;
      std::vector<unsigned int> component;
    };

    BoundaryTraction::BoundaryTraction(const ForceTermContext &c)
      : problem(c.problem),
        face_values(c.dofs.get_fe(), c.face_quadrature, update_values | update_JxW_values | update_quadrature_points),
        component(c.dofs.get_fe().n_dofs_per_cell())
    {
      for (unsigned int i = 0; i < component.size(); ++i)
        component[i] = c.dofs.get_fe().system_to_component_index(i).first;
    }

    bool BoundaryTraction::add_cell(const DoFHandler<dim>::active_cell_iterator &cell, const Vector<double> &,
                                    const LoadState &load, FullMatrix<double> *, Vector<double> &R)
    {
      for (const unsigned int f : cell->face_indices())
        {
          if (!cell->face(f)->at_boundary())
            continue;
          const types::boundary_id id = cell->face(f)->boundary_id();
          Tensor<1, dim>           traction;
          if (!problem.traction(id, cell->face(f)->center(), load.problem, traction))
            continue;
          face_values.reinit(cell, f);
          for (unsigned int q = 0; q < face_values.n_quadrature_points; ++q)
            {
              problem.traction(id, face_values.quadrature_point(q), load.problem, traction);
              for (unsigned int i = 0; i < component.size(); ++i)
                R[i] -= face_values.shape_value(i, q) * traction[component[i]] * face_values.JxW(q);
            }
        }
      return true;
    }

    const ForceTermRegistry::Entry traction_entry(
      "boundary traction",
      {"dead-load tractions on boundary faces", 20,
       [](const ForceTermContext &c) -> std::unique_ptr<ForceTerm> { return std::make_unique<BoundaryTraction>(c); }});
  } // namespace
} // namespace leafmech
