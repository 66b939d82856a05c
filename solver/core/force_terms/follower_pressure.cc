#include <deal.II/base/geometry_info.h>

#include <solver/core/force_terms/follower_pressure.h>
#include <solver/models/problem.h>

namespace leafmech
{
  using namespace dealii;

  FollowerPressure::FollowerPressure(const FiniteElement<dim> &fe, const Quadrature<dim - 1> &quadrature,
                                     const Problem *problem)
    : problem(problem), face_values(fe, quadrature, update_values | update_gradients | update_jacobians | update_normal_vectors),
      component(fe.n_dofs_per_cell())
  {
    for (unsigned int i = 0; i < component.size(); ++i)
      component[i] = fe.system_to_component_index(i).first;
  }

  void FollowerPressure::add(const DoFHandler<dim>::active_cell_iterator &cell, unsigned int face,
                             const Vector<double> &local_u, double p, FullMatrix<double> *K, Vector<double> &R)
  {
    face_values.reinit(cell, face);
    const unsigned int n = component.size();
    const auto        &quadrature = face_values.get_quadrature();
    std::vector<double> G1(n), G2(n);
    for (unsigned int q = 0; q < quadrature.size(); ++q)
      {
        // Reference face tangents from the cell map's Jacobian and the unit cell's tangential directions.
        Tensor<1, dim> T[2];
        for (unsigned int k = 0; k < 2; ++k)
          {
            const Tensor<1, dim> t = GeometryInfo<dim>::unit_tangential_vectors[face][k];
            for (unsigned int i = 0; i < dim; ++i)
              for (unsigned int j = 0; j < dim; ++j)
                T[k][i] += face_values.jacobian(q)[i][j] * t[j];
          }
        const double s = (cross_product_3d(T[0], T[1]) * face_values.normal_vector(q)) > 0 ? 1.0 : -1.0;
        Tensor<2, dim> F = unit_symmetric_tensor<dim>();
        for (unsigned int i = 0; i < n; ++i)
          F[component[i]] += local_u[i] * face_values.shape_grad(i, q);
        const Tensor<1, dim> a1 = F * T[0], a2 = F * T[1];
        const Tensor<1, dim> na = cross_product_3d(a1, a2);
        const double         w  = p * s * quadrature.weight(q);
        for (unsigned int i = 0; i < n; ++i)
          {
            G1[i] = face_values.shape_grad(i, q) * T[0];
            G2[i] = face_values.shape_grad(i, q) * T[1];
            R[i] += w * face_values.shape_value(i, q) * na[component[i]];
          }
        if (K == nullptr)
          continue;
        for (unsigned int i = 0; i < n; ++i)
          {
            const double Ni = face_values.shape_value(i, q);
            if (Ni == 0.0)
              continue;
            const unsigned int a = component[i];
            for (unsigned int j = 0; j < n; ++j)
              {
                const unsigned int b = component[j];
                if (a == b)
                  continue; // epsilon_abc vanishes
                const unsigned int c   = 3 - a - b;
                const double       eps = ((a + 1) % 3 == b) ? 1.0 : -1.0; // epsilon_abc for distinct a, b, c
                (*K)(i, j) += w * Ni * eps * (G1[j] * a2[c] - G2[j] * a1[c]);
              }
          }
      }
  }

  bool FollowerPressure::add_cell(const DoFHandler<dim>::active_cell_iterator &cell, const Vector<double> &local_u,
                                  const LoadState &load, FullMatrix<double> *K, Vector<double> &R)
  {
    for (const unsigned int f : cell->face_indices())
      if (cell->face(f)->at_boundary())
        if (const double p = problem->follower_pressure(cell->face(f)->boundary_id(), load.problem); p != 0.0)
          add(cell, f, local_u, p, K, R);
    return true;
  }

  namespace
  {
    const ForceTermRegistry::Entry follower_pressure_entry(
      "follower pressure",
      {"pressure on deformed boundary faces (the transmitral pressure)", 10,
       [](const ForceTermContext &c) -> std::unique_ptr<ForceTerm> {
         bool loaded = false;
         for (types::boundary_id id = 0; id <= BoundaryIds::other; ++id)
           loaded = loaded || c.problem.follower_pressure(id, 1.0) != 0.0;
         if (!loaded)
           return nullptr;
         return std::make_unique<FollowerPressure>(c.dofs.get_fe(), c.face_quadrature, &c.problem);
       }});
  } // namespace
} // namespace leafmech
