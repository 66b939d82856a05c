// Hoop membrane on a boundary (hoop_ring.h). With f = F T, lambda = |f| and a_i = grad N_i . T:
//   R_i  = int E t (1 - 1/lambda) f_ci a_i dA,
//   K_ij = int E t a_i a_j (f_ci f_cj / lambda^3 + delta_cicj (1 - 1/lambda)) dA.
#include <solver/core/force_terms/hoop_ring.h>

namespace leafmech
{
  using namespace dealii;

  HoopRing::HoopRing(const ForceTermContext &c, const HoopRingSpec &spec)
    : ring(spec),
      face_values(c.dofs.get_fe(), c.face_quadrature,
                  update_gradients | update_JxW_values | update_quadrature_points | update_normal_vectors),
      component(c.dofs.get_fe().n_dofs_per_cell())
  {
    for (unsigned int i = 0; i < component.size(); ++i)
      component[i] = c.dofs.get_fe().system_to_component_index(i).first;
  }

  Tensor<1, dim> HoopRing::hoop_tangent(const Point<dim> &X, const Tensor<1, dim> &normal) const
  {
    Tensor<1, dim> r = X - ring.axis_point;
    r -= (r * ring.axis_direction) * ring.axis_direction;
    Tensor<1, dim> t = cross_product_3d(ring.axis_direction, r);
    t -= (t * normal) * normal;
    const double norm = t.norm();
    return norm > 1e-12 ? t / norm : Tensor<1, dim>();
  }

  bool HoopRing::add_cell(const DoFHandler<dim>::active_cell_iterator &cell, const Vector<double> &local_u,
                          const LoadState &, FullMatrix<double> *K, Vector<double> &R)
  {
    std::vector<double> a(component.size());
    for (const unsigned int face : cell->face_indices())
      {
        if (!cell->face(face)->at_boundary() || cell->face(face)->boundary_id() != ring.boundary)
          continue;
        face_values.reinit(cell, face);
        for (unsigned int q = 0; q < face_values.n_quadrature_points; ++q)
          {
            const Tensor<1, dim> T = hoop_tangent(face_values.quadrature_point(q), face_values.normal_vector(q));
            Tensor<1, dim>       f = T;
            for (unsigned int j = 0; j < component.size(); ++j)
              {
                a[j] = face_values.shape_grad(j, q) * T;
                f[component[j]] += local_u[j] * a[j];
              }
            const double lambda = f.norm();
            if (lambda < 1e-12)
              return false; // the ring has collapsed to a point
            const double c = ring.stiffness * face_values.JxW(q), tension = 1.0 - 1.0 / lambda;
            for (unsigned int i = 0; i < component.size(); ++i)
              {
                R[i] += c * tension * f[component[i]] * a[i];
                if (K != nullptr)
                  for (unsigned int j = 0; j < component.size(); ++j)
                    (*K)(i, j) += c * a[i] * a[j] *
                                  (f[component[i]] * f[component[j]] / (lambda * lambda * lambda) +
                                   (component[i] == component[j] ? tension : 0.0));
              }
          }
      }
    return true;
  }

  namespace
  {
    const ForceTermRegistry::Entry ring_entry(
      "hoop ring",
      {"a hoop membrane on a boundary (the fibrous annulus as a ring that ovalises but resists stretching)", 26,
       [](const ForceTermContext &c) -> std::unique_ptr<ForceTerm> {
         const HoopRingSpec *spec = c.problem.hoop_ring();
         return spec != nullptr ? std::make_unique<HoopRing>(c, *spec) : nullptr;
       }});
  } // namespace
} // namespace leafmech
