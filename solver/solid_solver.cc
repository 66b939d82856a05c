#include <deal.II/base/utilities.h>
#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/fe/mapping_q1.h>
#include <deal.II/grid/grid_tools.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>
#include <deal.II/lac/sparsity_tools.h>

#include <cmath>
#include <iomanip>
#include <meshes/orifice_area.h>
#include <solver/solid_solver.h>
#include <solver/stress_recovery.h>
#include <solver/tear_assessment.h>

namespace leafmech
{
  using namespace dealii;

  SolidSolver::SolidSolver(const RunParameters &parameters, const Problem &problem, MPI_Comm comm,
                           std::ostream &log, TimerOutput &timer)
    : parameters(parameters), problem(problem), comm(comm), log(log), timer(timer), tria(comm),
      fe(FE_Q<dim>(parameters.degree), dim),
      quadrature(parameters.quadrature_points > 0 ? parameters.quadrature_points : parameters.degree + 1),
      face_quadrature(parameters.degree + 1)
  {}

  void SolidSolver::set_balloon(const BalloonInflation *inflation, kernels::BackendKind kind)
  {
    balloon = inflation != nullptr && inflation->enabled() ? inflation : nullptr;
    backend = kind;
  }

  void SolidSolver::setup()
  {
    TimerOutput::Scope t(timer, "setup");
    problem.create_grid(tria);
    for (const auto &cell : tria.active_cell_iterators())
      if (cell->is_locally_owned() && cell->material_id() >= MaterialIds::n_materials)
        throw std::runtime_error("the mesh has a cell with material id " + std::to_string(cell->material_id()) +
                                 "; leafmech knows ids 0-3 (leaflet_anterior, leaflet_posterior, "
                                 "commissure_fusion, calcium)");
    dofs.reinit(tria);
    dofs.distribute_dofs(fe);
    owned = dofs.locally_owned_dofs();
    DoFTools::extract_locally_relevant_dofs(dofs, relevant);

    integrator = std::make_unique<CellIntegrator>(fe, quadrature, parameters.formulation);
    setup_valve_features();
    if (balloon != nullptr)
      {
        if (problem.contact_surfaces().empty())
          throw std::runtime_error("Balloon/Model = " + balloon->model_name() + ", but this problem has no surface "
                                   "a balloon can touch; set Balloon/Model = none");
        contact = std::make_unique<BalloonContact>(*balloon, backend);
        contact->setup(dofs, problem.contact_surfaces());
      }
    // A follower pressure makes the tangent non-symmetric.
    bool symmetric = true;
    for (types::boundary_id id = 0; id <= BoundaryIds::other; ++id)
      symmetric = symmetric && problem.follower_pressure(id, 1.0) == 0.0;
    if (!symmetric)
      follower_pressure = std::make_unique<FollowerPressure>(fe, face_quadrature);
    // So does contact: the change of the deformed area under a contact pressure is a follower-load term, and
    // a Cholesky factorisation would read only one triangle of the matrix (Newton then converges linearly).
    linear_solver = std::make_unique<LinearSolver>(parameters.linear, comm, symmetric && !contact);
    linear_solver->set_rigid_body_modes(dofs);

    std::map<types::global_dof_index, double> dirichlet;
    problem.dirichlet_values(dofs, 0.0, dirichlet);
    make_constraints(dirichlet, homogeneous_constraints);

    DynamicSparsityPattern dsp(relevant);
    DoFTools::make_sparsity_pattern(dofs, dsp, homogeneous_constraints, /*keep_constrained_dofs=*/false);
    cohesive.add_sparsity(dsp);
    SparsityTools::distribute_sparsity_pattern(dsp, owned, comm, relevant);
    matrix.reinit(owned, owned, dsp, comm);
    rhs.reinit(owned, comm);
    solution.reinit(owned, comm);
    solution_ghosted.reinit(owned, relevant, comm);
    trial_ghosted.reinit(owned, relevant, comm);
    stabilization.setup(parameters.stabilization, dofs, quadrature, homogeneous_constraints, comm);
    locate_probes();

    log << "Mesh: " << tria.n_global_active_cells() << " cells, " << dofs.n_dofs() << " DoFs (FE_Q" << parameters.degree
        << ", " << (parameters.formulation == VolumetricFormulation::three_field ? "three-field" : "displacement")
        << " formulation), " << Utilities::MPI::n_mpi_processes(comm) << " MPI rank(s)\n"
        << "Linear solver: " << linear_solver->describe() << "\n";
  }

  void SolidSolver::setup_valve_features()
  {
    const unsigned int n_q = quadrature.size();
    fibres_at_q.assign(tria.n_active_cells() * n_q, Tensor<1, dim>());
    const ValveFeatures *valve = problem.valve();
    if (valve != nullptr && valve->mesh->vertex_fibres.size() != tria.n_vertices())
      throw std::runtime_error("the valve's fibre field has " + std::to_string(valve->mesh->vertex_fibres.size()) +
                               " vertices, the mesh " + std::to_string(tria.n_vertices()));
    for (const auto &cell : dofs.active_cell_iterators())
      if (cell->is_locally_owned())
        for (unsigned int q = 0; q < n_q; ++q)
          fibres_at_q[cell->active_cell_index() * n_q + q] = fibre_direction(cell, quadrature.point(q));
    if (const CohesiveSpec *spec = problem.cohesive_interface())
      {
        cohesive.setup(dofs, BoundaryIds::fusion_interface, *spec, comm);
        relevant.add_indices(cohesive.ghost_dofs());
        log << "Cohesive interface: " << cohesive.n_pairs_global() << " node pairs; laws (strength MPa, fracture "
            << "energy N/mm, separated at mm):";
        for (const kernels::CohesiveLaw &law : spec->laws)
          log << " (" << law.strength << ", " << law.fracture_energy << ", " << law.final_opening() << ")";
        log << "\n";
      }
    if (valve == nullptr)
      return;
    chordae.setup(dofs, valve->mesh->chordae, valve->chord_law, valve->chord_rest_length_factor, comm);
    log << "Valve: " << chordae.specs().size() << " chordae\n";
  }

  Tensor<1, dim> SolidSolver::fibre_direction(const DoFHandler<dim>::active_cell_iterator &cell,
                                              const Point<dim> &unit_point) const
  {
    const ValveFeatures *valve = problem.valve();
    if (valve == nullptr || valve->mesh->vertex_fibres.empty())
      return parameters.materials[cell->material_id()].fibre_direction;
    // Trilinear interpolation of the vertex field, renormalised.
    Tensor<1, dim> f;
    for (const unsigned int v : cell->vertex_indices())
      f += GeometryInfo<dim>::d_linear_shape_function(unit_point, v) * valve->mesh->vertex_fibres[cell->vertex_index(v)];
    return f / f.norm();
  }

  std::vector<std::pair<std::string, double>> SolidSolver::measures(const LoadState &state)
  {
    std::vector<std::pair<std::string, double>> m;
    const ValveFeatures *valve = problem.valve();
    // One pass over the cells gives the pressure fields (tear measure) and the strain energy.
    double                               energy = 0.0;
    const std::vector<CellPressureField> pressure =
      valve != nullptr || stabilization.active() ? pressure_fields(stabilization.active() ? &energy : nullptr)
                                                 : std::vector<CellPressureField>();
    if (contact)
      {
        contact->set_scale(state.contact);
        const BalloonContact::Summary b = contact->summarise(solution_ghosted, state.balloon, comm);
        m.emplace_back("balloon_free_diameter_mm", b.free_diameter);
        m.emplace_back("balloon_achieved_diameter_mm", b.achieved_diameter);
        m.emplace_back("balloon_pressure_kPa", 1e3 * b.balloon_pressure);
        m.emplace_back("contact_max_pressure_kPa", 1e3 * b.max_pressure);
        m.emplace_back("contact_force_N", b.total_force);
        m.emplace_back("contact_max_penetration_mm", b.max_penetration);
        m.emplace_back("contact_points", b.points_in_contact);
      }
    if (stabilization.active())
      {
        m.emplace_back("strain_energy_mJ", energy);
        m.emplace_back("stabilization_energy_mJ", stabilization.dissipated());
      }
    for (const auto &g : cohesive.groups(solution_ghosted, comm))
      {
        m.emplace_back(g.name + "_interface_length_mm", g.length_mm);
        m.emplace_back(g.name + "_split_length_mm", g.split_length_mm());
        m.emplace_back(g.name + "_cracking_area_mm2", g.cracking_mm2);
        m.emplace_back(g.name + "_max_opening_mm", g.max_opening_mm);
        m.emplace_back(g.name + "_dissipated_mJ", g.dissipated_mJ);
        m.emplace_back(g.name + "_force_N", g.force_N);
      }
    if (valve == nullptr)
      return m;
    {
      TimerOutput::Scope t(timer, "orifice area");
      m.emplace_back("orifice_area_cm2", orifice_area(dofs, solution_ghosted, valve->orifice_pixel, comm) / 100.0);
    }
    const std::vector<double> T = chordae.tensions(solution_ghosted, state.problem, comm);
    double max_t = 0, total = 0, taut = 0;
    for (const double t : T)
      {
        max_t = std::max(max_t, t);
        total += t;
        taut += t > 0 ? 1 : 0;
      }
    const TearState tear = assess_tear(*this, pressure, parameters, valve->leaflet_strength, comm);
    m.emplace_back("leaflet_max_principal_stress_MPa", tear.max_principal_stress);
    m.emplace_back("leaflet_tear_index", tear.tear_index);
    for (unsigned int d = 0; d < dim; ++d)
      m.emplace_back(std::string("tear_location_") + "xyz"[d] + "_mm", tear.location[d]);
    m.emplace_back("tear_leaflet_anterior", tear.leaflet == "anterior" ? 1.0 : 0.0);
    m.emplace_back("chordae_max_tension_N", max_t);
    m.emplace_back("chordae_total_tension_N", total);
    m.emplace_back("chordae_taut", taut);
    return m;
  }

  void SolidSolver::make_constraints(const std::map<types::global_dof_index, double> &dirichlet,
                                     AffineConstraints<double> &c) const
  {
    c.clear();
    c.reinit(relevant);
    DoFTools::make_hanging_node_constraints(dofs, c);
    for (const auto &[dof, value] : dirichlet)
      if (c.can_store_line(dof) && !c.is_constrained(dof))
        {
          c.add_line(dof);
          c.set_inhomogeneity(dof, value);
        }
    c.close();
  }

  bool SolidSolver::assemble(const PETScWrappers::MPI::Vector &u, double load_factor, const AffineConstraints<double> &c,
                             bool with_matrix)
  {
    TimerOutput::Scope t(timer, with_matrix ? "assembly (tangent + residual)" : "assembly (residual)");
    const LoadState    state = phase.at(load_factor);
    const unsigned int n = fe.n_dofs_per_cell();
    FullMatrix<double> K(n, n);
    Vector<double>     R(n), local_u(n);
    std::vector<types::global_dof_index> local_dofs(n);
    FEFaceValues<dim> face_values(fe, face_quadrature, update_values | update_JxW_values | update_quadrature_points);
    const unsigned int n_q = quadrature.size();
    if (with_matrix)
      matrix = 0.0;
    rhs          = 0.0;
    bool inverted = false;
    for (const auto &cell : dofs.active_cell_iterators())
      {
        if (!cell->is_locally_owned())
          continue;
        cell->get_dof_indices(local_dofs);
        cell->get_dof_values(u, local_u);
        const MaterialDescription &m = parameters.materials[cell->material_id()];
        if (!integrator->integrate(cell, local_u, m, &fibres_at_q[cell->active_cell_index() * n_q],
                                   with_matrix ? &K : nullptr, R))
          {
            inverted = true;
            break;
          }
        for (const unsigned int f : cell->face_indices())
          {
            if (!cell->face(f)->at_boundary())
              continue;
            const double p = problem.follower_pressure(cell->face(f)->boundary_id(), state.problem);
            if (p != 0.0)
              follower_pressure->add(cell, f, local_u, p, with_matrix ? &K : nullptr, R);
            Tensor<1, dim> traction;
            if (!problem.traction(cell->face(f)->boundary_id(), cell->face(f)->center(), state.problem, traction))
              continue;
            face_values.reinit(cell, f);
            for (unsigned int q = 0; q < face_quadrature.size(); ++q)
              {
                problem.traction(cell->face(f)->boundary_id(), face_values.quadrature_point(q), state.problem, traction);
                for (unsigned int i = 0; i < n; ++i)
                  {
                    const unsigned int comp = fe.system_to_component_index(i).first;
                    R[i] -= face_values.shape_value(i, q) * traction[comp] * face_values.JxW(q);
                  }
              }
          }
        R *= -1.0;
        if (with_matrix)
          c.distribute_local_to_global(K, R, local_dofs, matrix, rhs, /*use_inhomogeneities_for_rhs=*/true);
        else
          c.distribute_local_to_global(R, local_dofs, rhs);
      }
    cohesive.assemble(u, c, with_matrix ? &matrix : nullptr, rhs);
    if (contact && state.contact > 0.0) // a withdrawn balloon (scale 0, multipliers reset) pushes nothing
      {
        TimerOutput::Scope tc(timer, "contact");
        contact->set_scale(state.contact);
        contact->assemble(u, state.balloon, c, with_matrix ? &matrix : nullptr, rhs);
      }
    chordae.assemble(u, state.problem, c, with_matrix ? &matrix : nullptr, rhs);
    stabilization.assemble(u, with_matrix ? &matrix : nullptr, rhs);
    if (with_matrix)
      matrix.compress(VectorOperation::add);
    rhs.compress(VectorOperation::add);
    return Utilities::MPI::max(inverted ? 1 : 0, comm) == 0;
  }

  SolidSolver::IncrementStatus SolidSolver::solve_increment(unsigned int step, double load_factor, std::string &why,
                                                            unsigned int &iterations)
  {
    iterations = 0;
    std::map<types::global_dof_index, double> target;
    problem.dirichlet_values(dofs, phase.at(load_factor).problem, target);

    // Reference residual: the out-of-balance force of the new load on the last converged state.
    if (contact)
      contact->refresh_facing();
    assemble(solution_ghosted, load_factor, homogeneous_constraints, false);
    double       r_prev  = rhs.l2_norm();
    const double r_first = r_prev;
    // The residual tolerance is relative to the largest out-of-balance force of the phase's increments, so a
    // cut increment (whose small start residual says nothing about the forces at play) is not held to a
    // tighter absolute tolerance than a full one.
    stepping.force_scale = std::max(stepping.force_scale, r_first);
    double r_ref         = stepping.force_scale;
    log << "    start |R| " << std::scientific << std::setprecision(3) << r_first;
    if (contact)
      log << ", contact points keeping their side " << Utilities::MPI::sum(contact->sides_kept_here(), comm);
    log << "\n";
    double g_max  = 0.0;
    for (const auto &[dof, value] : target)
      g_max = std::max(g_max, std::abs(value));
    g_max = Utilities::MPI::max(g_max, comm);

    PETScWrappers::MPI::Vector du(owned, comm), trial(owned, comm);
    AffineConstraints<double>  step_constraints;
    for (unsigned int it = 0; it < parameters.max_newton_iterations; ++it)
      {
        // Dirichlet dofs: the update must bring u to the prescribed value (zero once reached).
        std::map<types::global_dof_index, double> remaining;
        for (const auto &[dof, value] : target)
          remaining[dof] = value - solution_ghosted(dof);
        make_constraints(remaining, step_constraints);
        // Contact: the normal stiffness only until the residual has fallen 100-fold, then the consistent tangent.
        if (contact)
          contact->set_full_tangent(it > 0 && r_prev <= 1e-2 * r_first);
        assemble(solution_ghosted, load_factor, step_constraints, true);
        if (parameters.check_tangent)
          log_tangent_check(load_factor);

        LinearSolver::Result lin;
        {
          TimerOutput::Scope t(timer, "linear solve");
          try
            {
              du  = 0.0;
              lin = linear_solver->solve(matrix, du, rhs);
            }
          catch (const LinearSolverFailure &e)
            {
              why = e.what();
              return IncrementStatus::linear_failure;
            }
          step_constraints.distribute(du);
        }

        // Backtracking line search on the residual norm; inadmissible (inverted) trial states are rejected.
        double alpha = 1.0, r = std::numeric_limits<double>::infinity(), best_alpha = 0.0;
        bool   accepted = false;
        for (unsigned int ls = 0; ls <= parameters.max_line_search_steps; ++ls, alpha *= 0.5)
          {
            trial = solution;
            trial.add(alpha, du);
            trial_ghosted = trial;
            const bool   valid = assemble(trial_ghosted, load_factor, homogeneous_constraints, false);
            const double r_try = valid ? rhs.l2_norm() : std::numeric_limits<double>::infinity();
            if (std::isfinite(r_try) && r_try < r)
              {
                r          = r_try;
                best_alpha = alpha;
              }
            const bool sufficient = !parameters.line_search || it == 0 || r_try <= (1.0 - 1e-4 * alpha) * r_prev;
            if (std::isfinite(r_try) && sufficient)
              {
                accepted = true;
                break;
              }
            if (!parameters.line_search && !std::isfinite(r_try))
              break;
          }
        if (!std::isfinite(r))
          {
            why = "every trial state along the Newton direction inverts a cell (J <= 0)";
            return IncrementStatus::inverted;
          }
        if (!accepted)
          alpha = best_alpha; // no sufficient decrease: take the best admissible point and go on
        solution.add(alpha, du);
        solution_ghosted = solution;
        if (!accepted)
          {
            assemble(solution_ghosted, load_factor, homogeneous_constraints, false);
            r = rhs.l2_norm();
          }

        iterations             = it + 1;
        const double full_step = du.l2_norm();
        const double update    = alpha * full_step;
        const double u_norm = solution.l2_norm();
        iteration_log.push_back({step, load_factor, it, r, update, alpha, lin.iterations});
        log << "    it " << std::setw(2) << it << "  |R| " << std::scientific << std::setprecision(3) << r
            << "  |du| " << update << "  alpha " << std::fixed << std::setprecision(3) << alpha << "  lin "
            << lin.iterations << "\n";
        r_ref = std::max(r_ref, r);
        r_prev = r;
        if (!std::isfinite(r) || r > 1e12 * (1.0 + r_ref))
          {
            why = "the residual diverged";
            return IncrementStatus::diverged;
          }
        double gap = 0.0;
        for (const auto &[dof, value] : target)
          gap = std::max(gap, std::abs(value - solution_ghosted(dof)));
        const bool boundary_reached = Utilities::MPI::max(gap, comm) <= 1e-10 * (1.0 + g_max);
        const bool small_residual   = r <= parameters.residual_tolerance * r_ref;
        const bool small_update     = update <= parameters.increment_tolerance * std::max(u_norm, 1e-30);
        // A full Newton correction at round-off level: the residual has reached its floor (an increment with
        // a tiny out-of-balance force, e.g. the first step of unloading, cannot reduce it 1e9-fold).
        const bool at_round_off = full_step <= 1e-12 * std::max(u_norm, 1e-30);
        if (boundary_reached &&
            ((small_update && (small_residual || at_round_off)) || r <= parameters.absolute_residual_tolerance))
          return IncrementStatus::converged;
      }
    why = "Newton did not converge in " + std::to_string(parameters.max_newton_iterations) + " iterations";
    return IncrementStatus::not_converged;
  }

  RunOutcome SolidSolver::run(const LoadPhase &load_phase, const std::function<bool(const StepRecord &)> &on_step,
                              const PhaseProgress &start)
  {
    phase = load_phase;
    const double nominal = 1.0 / (phase.n_steps > 0 ? phase.n_steps : parameters.n_load_steps);
    stepping             = start;
    if (stepping.increment <= 0.0)
      stepping.increment = nominal;
    if (phase.from_reference && start.load_factor == 0.0)
      {
        solution         = 0.0;
        solution_ghosted = solution;
        if (contact)
          contact->reset_multipliers();
      }
    RunOutcome   outcome;
    double      &lambda = stepping.load_factor, &dlambda = stepping.increment;
    unsigned int cuts_in_row = 0, step = step_count;
    PETScWrappers::MPI::Vector converged = solution;
    while (lambda < 1.0 - 1e-12)
      {
        const double target = std::min(1.0, lambda + dlambda);
        log << "Step " << step + 1 << " (" << phase.name << "): load factor " << std::fixed << std::setprecision(5)
            << target << "\n";
        std::string  why;
        unsigned int iterations = 0;
        cohesive.set_increment(target - lambda);
        stabilization.begin_increment(converged, target - lambda);
        auto         status     = solve_increment(step + 1, target, why, iterations);
        // Augmented Lagrangian: re-solve the step with updated multipliers until the penetration is small.
        for (unsigned int aug = 0; status == IncrementStatus::converged && contact && balloon->augmented_lagrangian();
             ++aug)
          {
            const double penetration =
              contact->summarise(solution_ghosted, phase.at(target).balloon, comm).max_penetration;
            log << "  augmented Lagrangian " << aug << ": deepest penetration " << penetration << " mm\n";
            if (penetration <= balloon->gap_tolerance())
              break;
            if (aug + 1 >= balloon->max_augmentations())
              {
                status = IncrementStatus::not_converged;
                why    = "the contact penetration stayed above Balloon/Gap tolerance after " +
                      std::to_string(balloon->max_augmentations()) + " augmentations (raise Balloon/Penalty)";
                break;
              }
            contact->augment();
            unsigned int more = 0;
            status            = solve_increment(step + 1, target, why, more);
            iterations += more;
          }
        if (status == IncrementStatus::converged)
          {
            stabilization.commit(solution, comm);
            if (stabilization.active() && target >= 1.0 - 1e-12)
              iterations += hold_final_load(step + 1, nominal);
            if (contact)
              contact->save_multipliers();
            cohesive.commit(solution_ghosted);
            lambda = target;
            ++step;
            converged  = solution;
            step_count = step;
            // Recover the nominal increment gradually after cuts.
            dlambda                  = std::min(nominal, 2.0 * dlambda);
            const unsigned int cuts  = cuts_in_row;
            cuts_in_row              = 0;
            const bool         go_on = on_step(StepRecord{step, lambda, phase.name, phase.at(lambda), iterations,
                                                  iteration_log.back().residual_norm, cuts,
                                                  earlier_elapsed + wall_clock.wall_time(), evaluate_probes(),
                                                  measures(phase.at(lambda))});
            if (!go_on && lambda < 1.0 - 1e-12)
              {
                outcome.stopped     = true;
                outcome.message     = "stopped as asked after step " + std::to_string(step);
                outcome.load_factor = lambda;
                outcome.steps       = step;
                return outcome;
              }
            continue;
          }
        solution         = converged;
        solution_ghosted = solution;
        if (contact)
          contact->restore_multipliers();
        ++cuts_in_row;
        log << "  increment to load factor " << target << " failed: " << why << "\n";
        if (cuts_in_row > parameters.max_step_cuts)
          {
            std::ostringstream msg;
            msg << "stopped in the " << phase.name << " phase at its load factor " << lambda
                << " (last converged state kept): the increment to " << target
                << " failed " << cuts_in_row << " times; last cause: " << why
                << ". Fix: use more load steps (Load stepping/Number of load steps), allow more cuts (Load "
                   "stepping/Maximum step cuts) or Newton iterations, or check the loads and material parameters.";
            outcome.message     = msg.str();
            outcome.load_factor = lambda;
            outcome.steps       = step;
            return outcome;
          }
        dlambda *= 0.5;
        log << "  cutting the increment to " << dlambda << "\n";
      }
    outcome.completed   = true;
    outcome.message     = "completed " + std::to_string(step) + " load steps";
    outcome.load_factor = lambda;
    outcome.steps       = step;
    return outcome;
  }

  unsigned int SolidSolver::hold_final_load(unsigned int step, double first_dt)
  {
    // The damping lags the state behind a moving load. Holding the phase's final load over growing spans of
    // pseudo-time (pseudo-transient continuation) lets the state relax along the damped path, and the damping
    // c / dt fades away, so the phase ends in static equilibrium. A Newton solve without damping from the lagging
    // state could instead jump to another equilibrium (a split running unstably: the viscous path is the
    // quasi-static answer). If a held increment fails, the phase ends in the last state reached.
    unsigned int total = 0;
    for (double dt = first_dt; dt <= hold_end_time; dt *= 4.0)
      {
        PETScWrappers::MPI::Vector held = solution;
        cohesive.commit(solution_ghosted);
        cohesive.set_increment(dt);
        stabilization.begin_increment(held, dt);
        std::string  why;
        unsigned int iterations = 0;
        log << "  holding the final load, damping relaxed over " << dt << " (load-factor time)\n";
        const IncrementStatus status = solve_increment(step, 1.0, why, iterations);
        total += iterations;
        if (status != IncrementStatus::converged)
          {
            log << "  the phase ends before the hold was over: " << why << "\n";
            solution         = held;
            solution_ghosted = solution;
            break;
          }
        stabilization.commit(solution, comm);
      }
    return total;
  }

  SolverState SolidSolver::state() const
  {
    SolverState s;
    s.n_dofs      = dofs.n_dofs();
    s.first_owned = owned.n_elements() > 0 ? owned.nth_index_in_set(0) : 0;
    for (const auto i : owned)
      s.solution.push_back(solution[i]);
    s.cohesive = cohesive.histories();
    if (contact)
      s.contact = contact->history();
    s.step_count = step_count;
    s.iterations = iteration_log;
    s.elapsed_s  = earlier_elapsed + wall_clock.wall_time();
    s.stabilization_mJ = stabilization.dissipated();
    return s;
  }

  void SolidSolver::restore(const SolverState &s)
  {
    const types::global_dof_index first = owned.n_elements() > 0 ? owned.nth_index_in_set(0) : 0;
    if (s.n_dofs != dofs.n_dofs() || s.first_owned != first || s.solution.size() != owned.n_elements())
      throw std::runtime_error("the checkpoint was written for " + std::to_string(s.n_dofs) + " DoFs (" +
                               std::to_string(s.solution.size()) + " on this rank), the mesh here has " +
                               std::to_string(dofs.n_dofs()) + " (" + std::to_string(owned.n_elements()) + ")");
    std::size_t k = 0;
    for (const auto i : owned)
      solution[i] = s.solution[k++];
    solution.compress(VectorOperation::insert);
    solution_ghosted = solution;
    cohesive.restore(s.cohesive);
    if (contact)
      contact->restore(s.contact);
    stabilization.restore(s.stabilization_mJ);
    step_count      = s.step_count;
    iteration_log   = s.iterations;
    earlier_elapsed = s.elapsed_s - wall_clock.wall_time();
  }

  void SolidSolver::log_tangent_check(double load_factor)
  {
    // K v against -(rhs(u + h v) - rhs(u - h v)) / 2h on the unconstrained dofs, v random.
    PETScWrappers::MPI::Vector saved_rhs = rhs, v(owned, comm), Kv(owned, comm), fd(owned, comm), plus(owned, comm);
    std::srand(1 + Utilities::MPI::this_mpi_process(comm));
    for (const auto i : owned)
      v[i] = homogeneous_constraints.is_constrained(i) ? 0.0 : double(std::rand()) / RAND_MAX - 0.5;
    v.compress(VectorOperation::insert);
    matrix.vmult(Kv, v);
    const double h = 1e-6 * std::max(1.0, solution.linfty_norm());
    PETScWrappers::MPI::Vector trial(owned, comm);
    for (const double sign : {1.0, -1.0})
      {
        trial = solution;
        trial.add(sign * h, v);
        trial_ghosted = trial;
        assemble(trial_ghosted, load_factor, homogeneous_constraints, false);
        if (sign > 0)
          plus = rhs;
        else
          fd = rhs;
      }
    fd -= plus;
    fd /= 2 * h; // = (R(u + hv) - R(u - hv)) / 2h
    for (const auto i : owned)
      if (homogeneous_constraints.is_constrained(i))
        {
          fd[i] = 0.0;
          Kv[i] = 0.0;
        }
    fd.compress(VectorOperation::insert);
    Kv.compress(VectorOperation::insert);
    const double scale = Kv.l2_norm();
    Kv -= fd;
    log << "    tangent check: |K v - dR/du v| / |K v| = " << std::scientific << Kv.l2_norm() / scale
        << (contact && !contact->uses_full_tangent() ? " (contact: normal stiffness only)" : "") << "\n";
    rhs = saved_rhs;
  }

  void SolidSolver::locate_probes()
  {
    const MappingQ1<dim> mapping;
    const int            rank = Utilities::MPI::this_mpi_process(comm);
    probe_locations.assign(parameters.probes.size(), ProbeLocation());
    for (unsigned int p = 0; p < parameters.probes.size(); ++p)
      {
        const Point<dim> &X = parameters.probes[p].point;
        for (const auto &cell : dofs.active_cell_iterators())
          {
            if (!cell->is_locally_owned())
              continue;
            const auto box = cell->bounding_box();
            bool       near = true;
            for (unsigned int d = 0; d < dim; ++d)
              near = near && X[d] >= box.lower_bound(d) - 1e-9 && X[d] <= box.upper_bound(d) + 1e-9;
            if (!near)
              continue;
            try
              {
                const Point<dim> unit = mapping.transform_real_to_unit_cell(cell, X);
                if (GeometryInfo<dim>::is_inside_unit_cell(unit, 1e-10))
                  {
                    probe_locations[p].cell       = cell;
                    probe_locations[p].unit_point = GeometryInfo<dim>::project_to_unit_cell(unit);
                    probe_locations[p].owner      = rank;
                    break;
                  }
              }
            catch (const typename Mapping<dim>::ExcTransformationFailed &)
              {}
          }
        // The lowest rank that found the point owns it.
        const int found = probe_locations[p].owner >= 0 ? rank : std::numeric_limits<int>::max();
        const int owner = Utilities::MPI::min(found, comm);
        if (owner == std::numeric_limits<int>::max())
          throw std::runtime_error("probe '" + parameters.probes[p].name + "' at (" +
                                   std::to_string(X[0]) + ", " + std::to_string(X[1]) + ", " + std::to_string(X[2]) +
                                   ") mm lies outside the reference mesh; fix Output/Probes");
        if (owner != rank)
          probe_locations[p].owner = -1;
      }
  }

  std::vector<ProbeValue> SolidSolver::evaluate_probes()
  {
    const unsigned int      n_probes = probe_locations.size();
    std::vector<double>     packed(n_probes * 9, 0.0);
    const unsigned int      n = fe.n_dofs_per_cell();
    Vector<double>          local_u(n), R(n);
    for (unsigned int p = 0; p < n_probes; ++p)
      {
        const ProbeLocation &loc = probe_locations[p];
        if (loc.owner < 0)
          continue;
        FEValues<dim> values(fe, Quadrature<dim>(loc.unit_point), update_values | update_gradients |
                                                                   update_quadrature_points);
        values.reinit(loc.cell);
        loc.cell->get_dof_values(solution_ghosted, local_u);
        Tensor<1, dim> u;
        Tensor<2, dim> F = unit_symmetric_tensor<dim>();
        for (unsigned int i = 0; i < n; ++i)
          {
            const unsigned int c = fe.system_to_component_index(i).first;
            u[c] += local_u[i] * values.shape_value(i, 0);
            F[c] += local_u[i] * values.shape_grad(i, 0);
          }
        const MaterialDescription &m = parameters.materials[loc.cell->material_id()];
        CellPressureField          field;
        integrator->integrate(loc.cell, local_u, m, &fibres_at_q[loc.cell->active_cell_index() * quadrature.size()],
                              nullptr, R, &field);
        const auto sigma = cauchy_stress(m, F, fibre_direction(loc.cell, loc.unit_point), parameters.formulation,
                                         field(values.quadrature_point(0)));
        for (unsigned int d = 0; d < dim; ++d)
          packed[9 * p + d] = u[d];
        for (unsigned int k = 0; k < 6; ++k)
          packed[9 * p + 3 + k] = sigma.access_raw_entry(k);
      }
    Utilities::MPI::sum(packed, comm, packed);
    std::vector<ProbeValue> result(n_probes);
    for (unsigned int p = 0; p < n_probes; ++p)
      {
        for (unsigned int d = 0; d < dim; ++d)
          result[p].displacement[d] = packed[9 * p + d];
        for (unsigned int k = 0; k < 6; ++k)
          result[p].cauchy_stress.access_raw_entry(k) = packed[9 * p + 3 + k];
      }
    return result;
  }

  std::vector<CellPressureField> SolidSolver::pressure_fields(double *strain_energy)
  {
    std::vector<CellPressureField> fields(tria.n_active_cells());
    const bool three_field = parameters.formulation == VolumetricFormulation::three_field;
    if (!three_field && strain_energy == nullptr)
      return fields;
    const unsigned int n = fe.n_dofs_per_cell();
    Vector<double>     local_u(n), R(n);
    double             energy = 0.0;
    for (const auto &cell : dofs.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          cell->get_dof_values(solution_ghosted, local_u);
          const MaterialDescription &m = parameters.materials[cell->material_id()];
          if (integrator->integrate(cell, local_u, m, &fibres_at_q[cell->active_cell_index() * quadrature.size()],
                                    nullptr, R, three_field ? &fields[cell->active_cell_index()] : nullptr))
            energy += integrator->strain_energy();
        }
    if (strain_energy != nullptr)
      *strain_energy = Utilities::MPI::sum(energy, comm);
    return fields;
  }
} // namespace leafmech
