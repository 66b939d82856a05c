#include <deal.II/base/utilities.h>

#include <deal.II/base/geometry_info.h>

#include <solver/core/force_terms/balloon_contact.h>
#include <solver/models/problem.h>

namespace leafmech
{
  using namespace dealii;

  BalloonContact::BalloonContact(const BalloonInflation &inflation, kernels::BackendKind backend)
    : balloon(inflation), evaluator(kernels::make_contact_evaluator(backend))
  {}

  BalloonContact::BalloonContact(const ForceTermContext &c) : BalloonContact(*c.balloon, c.backend)
  {
    if (c.problem.contact_surfaces().empty())
      throw std::runtime_error("Balloon/Model = " + c.balloon->model_name() + ", but this problem has no surface a "
                               "balloon can touch; set Balloon/Model = none");
    comm  = c.comm;
    timer = &c.timer;
    log   = &c.log;
    setup(c.dofs, c.problem.contact_surfaces());
  }

  void BalloonContact::add_global(const AssemblyInput &in, PETScWrappers::MPI::SparseMatrix *K,
                                  PETScWrappers::MPI::Vector &rhs)
  {
    if (!(in.load.contact > 0.0)) // a withdrawn balloon (scale 0, multipliers reset) pushes nothing
      return;
    TimerOutput::Scope t(*timer, "contact");
    set_scale(in.load.contact);
    assemble(in.u, in.load.balloon, in.constraints, K, rhs);
  }

  ForceTerm::Augmentation BalloonContact::augment(const PETScWrappers::MPI::Vector &u, const LoadState &load,
                                                  unsigned int round, std::string &why)
  {
    // Augmented Lagrangian: re-solve the step with updated multipliers until the penetration is small.
    if (!balloon.augmented_lagrangian())
      return Augmentation::done;
    const double penetration = summarise(u, load.balloon, comm).max_penetration;
    *log << "  augmented Lagrangian " << round << ": deepest penetration " << penetration << " mm\n";
    if (penetration <= balloon.gap_tolerance())
      return Augmentation::done;
    if (round + 1 >= balloon.max_augmentations())
      {
        why = "the contact penetration stayed above Balloon/Gap tolerance after " +
              std::to_string(balloon.max_augmentations()) + " augmentations (raise Balloon/Penalty)";
        return Augmentation::failed;
      }
    augment();
    return Augmentation::again;
  }

  std::string BalloonContact::newton_start_note() const
  {
    return ", contact points keeping their side " + std::to_string(Utilities::MPI::sum(sides_kept_here(), comm));
  }

  void BalloonContact::commit(const PETScWrappers::MPI::Vector &ghosted, const PETScWrappers::MPI::Vector &)
  {
    save_multipliers();
    if (!(last_state.law.friction > 0.0))
      return;
    // The converged state's positions and friction tractions become the next increment's reference.
    evaluate(ghosted, state_load_factor);
    double work = 0.0;
    for (std::size_t p = 0; p < points.n; ++p)
      work += points.friction_work[p];
    friction_work += Utilities::MPI::sum(work, comm);
    points.x_prev        = points.x;
    points.traction_prev = points.traction;
  }

  void BalloonContact::save_state(StateWriter &out) const
  {
    out << points.multiplier << saved << facing << sides_decided << points.x_prev << points.traction_prev
        << friction_started << friction_work;
  }

  void BalloonContact::load_state(StateReader &in)
  {
    History h;
    in >> h.multiplier >> h.saved >> h.facing >> h.sides_decided >> h.x_prev >> h.traction_prev >>
      h.friction_started >> h.friction_work;
    restore(h);
  }

  void BalloonContact::add_output_fields(const PETScWrappers::MPI::Vector &, const LoadState &,
                                         OutputFields &fields) const
  {
    const std::vector<double> p        = cell_pressure(n_cells);
    OutputFields::CellField  &pressure = fields.cells.emplace_back();
    OutputFields::CellField  &status   = fields.cells.emplace_back();
    pressure.name                      = "contact_pressure";
    status.name                        = "contact_status";
    pressure.values.reinit(n_cells);
    status.values.reinit(n_cells);
    for (unsigned int c = 0; c < n_cells; ++c)
      {
        pressure.values[c] = p[c];
        status.values[c]   = p[c] > 0 ? 1 : 0;
      }
  }

  void BalloonContact::setup(const DoFHandler<dim> &dofs, const std::vector<types::boundary_id> &surfaces)
  {
    const FiniteElement<dim> &fe = dofs.get_fe();
    const QGauss<dim - 1>     quadrature(fe.degree + 1);
    n_q         = quadrature.size();
    face_values = std::make_unique<FEFaceValues<dim>>(fe, quadrature,
                                                       update_values | update_gradients | update_jacobians |
                                                         update_quadrature_points | update_normal_vectors);
    faces.clear();
    n_cells = dofs.get_triangulation().n_active_cells();
    for (const auto &cell : dofs.active_cell_iterators())
      if (cell->is_locally_owned())
        for (const unsigned int f : cell->face_indices())
          if (cell->face(f)->at_boundary() &&
              std::find(surfaces.begin(), surfaces.end(), cell->face(f)->boundary_id()) != surfaces.end())
            faces.emplace_back(cell, f);
    points.resize(faces.size() * n_q);
    tangents.resize(points.n);
    normals.resize(points.n);
    facing.assign(points.n, 1);
    facing_stale     = true;
    sides_decided    = false;
    friction_started = false;
    friction_work    = 0.0;
    reset_multipliers();
  }

  void BalloonContact::reset_multipliers() { std::fill(points.multiplier.begin(), points.multiplier.end(), 0.0); }

  void BalloonContact::restore(const History &h)
  {
    if (h.multiplier.size() != points.multiplier.size() || h.facing.size() != facing.size() ||
        h.x_prev.size() != points.x_prev.size())
      throw std::runtime_error("the checkpoint holds " + std::to_string(h.multiplier.size()) +
                               " contact points on this rank, the mesh here has " +
                               std::to_string(points.multiplier.size()));
    points.multiplier    = h.multiplier;
    saved                = h.saved;
    facing               = h.facing;
    sides_decided        = h.sides_decided;
    points.x_prev        = h.x_prev;
    points.traction_prev = h.traction_prev;
    friction_started     = h.friction_started;
    friction_work        = h.friction_work;
    facing_stale         = true;
  }

  void BalloonContact::face_tangents(unsigned int face, unsigned int q, const Vector<double> &local_u,
                                     Tensor<1, dim> T[2], Tensor<1, dim> a[2]) const
  {
    const FiniteElement<dim> &fe = face_values->get_fe();
    Tensor<2, dim>            F  = unit_symmetric_tensor<dim>();
    for (unsigned int i = 0; i < fe.n_dofs_per_cell(); ++i)
      F[fe.system_to_component_index(i).first] += local_u[i] * face_values->shape_grad(i, q);
    for (unsigned int k = 0; k < 2; ++k)
      {
        const Tensor<1, dim> t = GeometryInfo<dim>::unit_tangential_vectors[face][k];
        T[k]                   = Tensor<1, dim>();
        for (unsigned int i = 0; i < dim; ++i)
          for (unsigned int j = 0; j < dim; ++j)
            T[k][i] += face_values->jacobian(q)[i][j] * t[j];
        a[k] = F * T[k];
      }
  }

  void BalloonContact::evaluate(const PETScWrappers::MPI::Vector &u, double load_factor)
  {
    const FiniteElement<dim> &fe = face_values->get_fe();
    const unsigned int        n  = fe.n_dofs_per_cell(), N = points.n;
    Vector<double>            local_u(n);
    for (unsigned int k = 0; k < faces.size(); ++k)
      {
        const auto &[cell, f] = faces[k];
        face_values->reinit(cell, f);
        cell->get_dof_values(u, local_u);
        for (unsigned int q = 0; q < n_q; ++q)
          {
            Point<dim> x = face_values->quadrature_point(q);
            for (unsigned int i = 0; i < n; ++i)
              x[fe.system_to_component_index(i).first] += local_u[i] * face_values->shape_value(i, q);
            const unsigned int p = k * n_q + q;
            for (unsigned int d = 0; d < dim; ++d)
              points.x[d * N + p] = x[d];
            auto &[T0, T1, a0, a1] = tangents[p];
            Tensor<1, dim> T[2], a[2];
            face_tangents(f, q, local_u, T, a);
            T0 = T[0], T1 = T[1], a0 = a[0], a1 = a[1];
            const Tensor<1, dim> m = cross_product_3d(a[0], a[1]);
            points.weight[p]       = m.norm() * face_values->get_quadrature().weight(q);
            // Deformed outward normal: a_1 x a_2 oriented like the reference outward normal.
            normals[p] = (cross_product_3d(T[0], T[1]) * face_values->normal_vector(q) >= 0 ? 1.0 : -1.0) * m /
                         m.norm();
          }
      }
    // The balloon depends on the load factor only: rebuild its profiles when that changes, not per iteration.
    if (load_factor != state_load_factor || scale != state_scale || balloon.target_diameter() != state_target)
      {
        last_state = balloon.state(load_factor);
        last_state.law.penalty *= scale;
        last_state.law.tangential_penalty *= scale;
        last_state.law.pressure_cap *= scale; // a cap of 0 means uncapped, but then the penalty is 0 as well
        state_load_factor = load_factor;
        state_scale       = scale;
        state_target      = balloon.target_diameter();
      }
    last_state.law.curvature = full_tangent ? 1.0 : 0.0;
    if (facing_stale)
      {
        // A point takes the side it faces only where it carries no contact pressure (beyond the smoothing gap
        // and its multiplier's reach): switching a loaded point would make the force jump between two load
        // states however close, and no increment could converge. Inside, it keeps the side it came in on.
        sides_kept = 0;
        const kernels::BalloonView view = last_state.geometry.host_view();
        const double eps = last_state.law.penalty;
        for (std::size_t p = 0; p < N; ++p)
          {
            const double x[3] = {points.x[p], points.x[N + p], points.x[2 * N + p]};
            const auto   d    = kernels::balloon_distance(view, x);
            const char   now  = normals[p] * Tensor<1, dim>({d.n[0], d.n[1], d.n[2]}) < 0.0 ? 1 : 0;
            const bool   free = !sides_decided || eps <= 0.0 ||
                              d.gap >= last_state.law.smoothing + points.multiplier[p] / eps;
            if (free)
              facing[p] = now;
            else
              sides_kept += now != facing[p] ? 1 : 0;
          }
        sides_decided = true;
        facing_stale = false;
      }
    if (!friction_started)
      {
        // Friction measures slip from the last converged state: the first evaluation is that state.
        points.x_prev = points.x;
        std::fill(points.traction_prev.begin(), points.traction_prev.end(), 0.0);
        friction_started = true;
      }
    if (N == 0)
      return;
    evaluator->evaluate(last_state.geometry, last_state.law, points);
    for (std::size_t p = 0; p < N; ++p)
      if (!facing[p])
        {
          points.pressure[p]      = 0.0;
          points.friction_work[p] = 0.0;
          for (unsigned int k = 0; k < 3; ++k)
            points.force[k * N + p] = points.traction[k * N + p] = 0.0;
          for (unsigned int k = 0; k < 9; ++k)
            points.stiffness[k * N + p] = 0.0;
        }
  }

  void BalloonContact::assemble(const PETScWrappers::MPI::Vector &u, double load_factor,
                                const AffineConstraints<double> &c, PETScWrappers::MPI::SparseMatrix *K,
                                PETScWrappers::MPI::Vector &rhs)
  {
    evaluate(u, load_factor);
    const FiniteElement<dim> &fe = face_values->get_fe();
    const unsigned int        n = fe.n_dofs_per_cell(), N = points.n;
    FullMatrix<double>        k_local(n, n);
    Vector<double>            r_local(n);
    std::vector<double>       dda(n);
    std::vector<types::global_dof_index> dofs(n);
    for (unsigned int k = 0; k < faces.size(); ++k)
      {
        bool active = false;
        for (unsigned int q = 0; q < n_q; ++q)
          active = active || points.pressure[k * n_q + q] > 0.0;
        if (!active)
          continue;
        const auto &[cell, f] = faces[k];
        face_values->reinit(cell, f);
        k_local = 0;
        r_local = 0;
        for (unsigned int q = 0; q < n_q; ++q)
          {
            const unsigned int p = k * n_q + q;
            if (points.pressure[p] <= 0.0)
              continue;
            // Change of the deformed area element: d da / du_Jb = w [G1_J (a2 x m) + G2_J (m x a1)]_b.
            // Face tangents as evaluate() computed them at this state.
            const auto &[T0, T1, a0, a1] = tangents[p];
            const Tensor<1, dim> T[2] = {T0, T1}, a[2] = {a0, a1};
            Tensor<1, dim>       m    = cross_product_3d(a[0], a[1]);
            m /= m.norm();
            const double         w  = face_values->get_quadrature().weight(q);
            const Tensor<1, dim> c1 = w * cross_product_3d(a[1], m), c2 = w * cross_product_3d(m, a[0]);
            for (unsigned int j = 0; j < n; ++j)
              {
                const unsigned int b = fe.system_to_component_index(j).first;
                dda[j] = (face_values->shape_grad(j, q) * T[0]) * c1[b] + (face_values->shape_grad(j, q) * T[1]) * c2[b];
              }
            for (unsigned int i = 0; i < n; ++i)
              {
                const double Ni = face_values->shape_value(i, q);
                if (Ni == 0.0)
                  continue;
                const unsigned int ai = fe.system_to_component_index(i).first;
                r_local[i] -= Ni * points.force[ai * N + p]; // rhs = -R
                if (K == nullptr)
                  continue;
                for (unsigned int j = 0; j < n; ++j)
                  {
                    const unsigned int b = fe.system_to_component_index(j).first;
                    k_local(i, j) += Ni * (face_values->shape_value(j, q) * points.stiffness[(3 * ai + b) * N + p] +
                                           last_state.law.curvature * points.force[ai * N + p] / points.weight[p] * dda[j]);
                  }
              }
          }
        cell->get_dof_indices(dofs);
        if (K != nullptr)
          c.distribute_local_to_global(k_local, r_local, dofs, *K, rhs, true);
        else
          c.distribute_local_to_global(r_local, dofs, rhs);
      }
  }

  void BalloonContact::augment()
  {
    const double eps = last_state.law.penalty;
    for (std::size_t p = 0; p < points.n; ++p)
      points.multiplier[p] = facing[p] ? std::max(0.0, points.multiplier[p] - eps * points.gap[p]) : 0.0;
  }

  BalloonContact::Summary BalloonContact::summarise(const PETScWrappers::MPI::Vector &u, double load_factor,
                                                    MPI_Comm comm)
  {
    evaluate(u, load_factor);
    Summary      s;
    const auto  &lobe = last_state.geometry.lobes.front();
    double       total = 0, force = 0, weighted_radius = 0, max_p = 0, max_pen = 0, in_contact = 0;
    double       friction = 0;
    const std::size_t N = points.n;
    for (std::size_t p = 0; p < N; ++p)
      {
        if (points.pressure[p] <= 0)
          continue;
        double d[3], xi = 0;
        for (int k = 0; k < 3; ++k)
          {
            d[k] = points.x[k * N + p] - lobe.origin[k];
            xi += d[k] * lobe.axis[k];
          }
        double r2 = 0;
        for (int k = 0; k < 3; ++k)
          r2 += (d[k] - xi * lobe.axis[k]) * (d[k] - xi * lobe.axis[k]);
        const double f = points.pressure[p] * points.weight[p];
        total += f;
        friction += points.weight[p] * std::sqrt(points.traction[p] * points.traction[p] +
                                                 points.traction[N + p] * points.traction[N + p] +
                                                 points.traction[2 * N + p] * points.traction[2 * N + p]);
        if (std::abs(xi) <= balloon.waist_half_length())
          {
            force += f;
            weighted_radius += f * std::sqrt(r2);
          }
        max_p   = std::max(max_p, points.pressure[p]);
        max_pen = std::max(max_pen, -points.gap[p]);
        in_contact += 1;
      }
    force           = Utilities::MPI::sum(force, comm);
    weighted_radius = Utilities::MPI::sum(weighted_radius, comm);
    s.total_force       = Utilities::MPI::sum(total, comm);
    s.friction_force    = Utilities::MPI::sum(friction, comm);
    s.friction_work  = friction_work;
    s.achieved_diameter = force > 0 ? 2.0 * weighted_radius / force : 0.0;
    s.max_pressure      = Utilities::MPI::max(max_p, comm);
    s.max_penetration   = Utilities::MPI::max(max_pen, comm);
    s.points_in_contact = static_cast<unsigned int>(Utilities::MPI::sum(in_contact, comm));
    s.free_diameter     = last_state.free_diameter;
    s.balloon_pressure  = last_state.pressure;
    return s;
  }

  std::vector<double> BalloonContact::cell_pressure(unsigned int n_active_cells) const
  {
    std::vector<double> p(n_active_cells, 0.0);
    for (unsigned int k = 0; k < faces.size(); ++k)
      for (unsigned int q = 0; q < n_q; ++q)
        p[faces[k].first->active_cell_index()] =
          std::max(p[faces[k].first->active_cell_index()], points.pressure[k * n_q + q]);
    return p;
  }

  namespace
  {
    const ForceTermRegistry::Entry contact_entry(
      "balloon contact", {"pressurised balloon pushing on the problem's contact surfaces (kernels/ backends)", 40,
                          [](const ForceTermContext &c) -> std::unique_ptr<ForceTerm> {
                            if (c.balloon == nullptr)
                              return nullptr;
                            return std::make_unique<BalloonContact>(c);
                          }});
  } // namespace
} // namespace leafmech
