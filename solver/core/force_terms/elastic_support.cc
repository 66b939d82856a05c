// Springs to ground on a boundary: R_i += int N_i (C u)_c dA, K_ij += int N_i N_j C_cicj dA, with
// C = k_r e_r e_r + k_o (I - e_r e_r) per reference area (elastic_support.h).
#include <deal.II/base/mpi.h>

#include <solver/core/force_terms/elastic_support.h>

namespace leafmech
{
  using namespace dealii;

  ElasticSupport::ElasticSupport(const ForceTermContext &c, const ElasticSupportSpec &spec)
    : support(spec), dofs(c.dofs), comm(c.comm),
      face_values(c.dofs.get_fe(), c.face_quadrature, update_values | update_JxW_values | update_quadrature_points),
      component(c.dofs.get_fe().n_dofs_per_cell())
  {
    for (unsigned int i = 0; i < component.size(); ++i)
      component[i] = c.dofs.get_fe().system_to_component_index(i).first;
  }

  Tensor<1, dim> ElasticSupport::radial(const Point<dim> &X) const
  {
    Tensor<1, dim> r = X - support.axis_point;
    r -= (r * support.axis_direction) * support.axis_direction;
    const double norm = r.norm();
    return norm > 1e-12 ? r / norm : Tensor<1, dim>();
  }

  Tensor<2, dim> ElasticSupport::stiffness(const Point<dim> &X) const
  {
    const Tensor<1, dim> e = radial(X);
    return support.other_stiffness * unit_symmetric_tensor<dim>() +
           (support.radial_stiffness - support.other_stiffness) * outer_product(e, e);
  }

  bool ElasticSupport::add_cell(const DoFHandler<dim>::active_cell_iterator &cell, const Vector<double> &local_u,
                                const LoadState &, FullMatrix<double> *K, Vector<double> &R)
  {
    for (const unsigned int f : cell->face_indices())
      {
        if (!cell->face(f)->at_boundary() || cell->face(f)->boundary_id() != support.boundary)
          continue;
        face_values.reinit(cell, f);
        for (unsigned int q = 0; q < face_values.n_quadrature_points; ++q)
          {
            Tensor<1, dim> u;
            for (unsigned int j = 0; j < component.size(); ++j)
              u[component[j]] += local_u[j] * face_values.shape_value(j, q);
            const Tensor<2, dim> C  = stiffness(face_values.quadrature_point(q));
            const Tensor<1, dim> Cu = C * u;
            const double         dA = face_values.JxW(q);
            for (unsigned int i = 0; i < component.size(); ++i)
              {
                const double Ni = face_values.shape_value(i, q);
                R[i] += Ni * Cu[component[i]] * dA;
                if (K != nullptr)
                  for (unsigned int j = 0; j < component.size(); ++j)
                    (*K)(i, j) += Ni * face_values.shape_value(j, q) * C[component[i]][component[j]] * dA;
              }
          }
      }
    return true;
  }

  SupportMotion ElasticSupport::motion(const PETScWrappers::MPI::Vector &u) const
  {
    SupportMotion        m;
    std::vector<double>  local_u(component.size());
    std::vector<types::global_dof_index> indices(component.size());
    for (const auto &cell : dofs.active_cell_iterators())
      {
        if (!cell->is_locally_owned())
          continue;
        for (const unsigned int f : cell->face_indices())
          {
            if (!cell->face(f)->at_boundary() || cell->face(f)->boundary_id() != support.boundary)
              continue;
            face_values.reinit(cell, f);
            cell->get_dof_indices(indices);
            for (unsigned int j = 0; j < indices.size(); ++j)
              local_u[j] = u(indices[j]);
            for (unsigned int q = 0; q < face_values.n_quadrature_points; ++q)
              {
                Tensor<1, dim> d;
                for (unsigned int j = 0; j < component.size(); ++j)
                  d[component[j]] += local_u[j] * face_values.shape_value(j, q);
                const Point<dim>     X  = face_values.quadrature_point(q);
                const Tensor<1, dim> e  = radial(X);
                const Tensor<1, dim> r  = X - support.axis_point;
                const double         dA = face_values.JxW(q), ur = d * e;
                m.area_mm2 += dA;
                m.mean_radius_mm += (r - (r * support.axis_direction) * support.axis_direction).norm() * dA;
                m.mean_radial_mm += ur * dA;
                m.max_radial_mm = std::max(m.max_radial_mm, ur);
                m.radial_force_N += support.radial_stiffness * ur * dA;
                m.axial_displacement_mm += (d * support.axis_direction) * dA;
              }
          }
      }
    m.area_mm2              = Utilities::MPI::sum(m.area_mm2, comm);
    m.mean_radius_mm        = Utilities::MPI::sum(m.mean_radius_mm, comm);
    m.mean_radial_mm        = Utilities::MPI::sum(m.mean_radial_mm, comm);
    m.radial_force_N        = Utilities::MPI::sum(m.radial_force_N, comm);
    m.axial_displacement_mm = Utilities::MPI::sum(m.axial_displacement_mm, comm);
    m.max_radial_mm         = Utilities::MPI::max(m.max_radial_mm, comm);
    if (m.area_mm2 > 0)
      {
        m.mean_radius_mm /= m.area_mm2;
        m.mean_radial_mm /= m.area_mm2;
        m.axial_displacement_mm /= m.area_mm2;
      }
    return m;
  }

  namespace
  {
    const ForceTermRegistry::Entry support_entry(
      "elastic support",
      {"springs to ground on a boundary (the annulus held by the myocardium)", 25,
       [](const ForceTermContext &c) -> std::unique_ptr<ForceTerm> {
         const ElasticSupportSpec *spec = c.problem.elastic_support();
         return spec != nullptr ? std::make_unique<ElasticSupport>(c, *spec) : nullptr;
       }});
  } // namespace
} // namespace leafmech
