#include <deal.II/base/utilities.h>
#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>
#include <deal.II/lac/sparsity_tools.h>

#include <solver/core/solid_solver.h>
#include <solver/models/problem.h>

namespace leafmech
{
  using namespace dealii;

  SolidSolver::SolidSolver(const SolverParameters &parameters, const Problem &problem, MPI_Comm comm,
                           std::ostream &log, TimerOutput &timer)
    : settings(parameters), model(problem), comm(comm), log(log), timer(timer), tria(comm),
      fe(FE_Q<dim>(parameters.degree), dim),
      quadrature(parameters.quadrature_points > 0 ? parameters.quadrature_points : parameters.degree + 1),
      face_quadrature(parameters.degree + 1)
  {}

  void SolidSolver::set_balloon(const BalloonInflation *inflation, kernels::BackendKind kind)
  {
    balloon = inflation;
    backend = kind;
  }

  void SolidSolver::setup()
  {
    TimerOutput::Scope t(timer, "setup");
    model.create_grid(tria);
    for (const auto &cell : tria.active_cell_iterators())
      if (cell->is_locally_owned() && cell->material_id() >= MaterialIds::n_materials)
        throw std::runtime_error("the mesh has a cell with material id " + std::to_string(cell->material_id()) +
                                 "; leafmech knows ids 0-3 (leaflet_anterior, leaflet_posterior, "
                                 "commissure_fusion, calcium)");
    dofs.reinit(tria);
    dofs.distribute_dofs(fe);
    owned = dofs.locally_owned_dofs();
    DoFTools::extract_locally_relevant_dofs(dofs, relevant);

    create_force_terms();
    bool symmetric = true;
    for (const auto &term : terms)
      {
        term->add_ghost_dofs(relevant);
        symmetric = symmetric && term->symmetric();
      }
    // A follower load (pressure, contact area change) makes the tangent non-symmetric; a Cholesky
    // factorisation would read only one triangle of the matrix (Newton then converges linearly).
    linear_solver = std::make_unique<LinearSolver>(settings.linear, comm, symmetric);
    linear_solver->set_rigid_body_modes(dofs);

    std::map<types::global_dof_index, double> dirichlet;
    model.dirichlet_values(dofs, 0.0, dirichlet);
    make_constraints(dirichlet, homogeneous_constraints);

    DynamicSparsityPattern dsp(relevant);
    DoFTools::make_sparsity_pattern(dofs, dsp, homogeneous_constraints, /*keep_constrained_dofs=*/false);
    for (const auto &term : terms)
      term->add_sparsity(dsp);
    SparsityTools::distribute_sparsity_pattern(dsp, owned, comm, relevant);
    matrix.reinit(owned, owned, dsp, comm);
    rhs.reinit(owned, comm);
    solution.reinit(owned, comm);
    solution_ghosted.reinit(owned, relevant, comm);
    trial_ghosted.reinit(owned, relevant, comm);
    for (const auto &term : terms)
      term->constraints_ready(homogeneous_constraints);

    log << "Mesh: " << tria.n_global_active_cells() << " cells, " << dofs.n_dofs() << " DoFs (FE_Q" << settings.degree
        << ", " << (settings.formulation == VolumetricFormulation::three_field ? "three-field" : "displacement")
        << " formulation), " << Utilities::MPI::n_mpi_processes(comm) << " MPI rank(s)\n"
        << "Linear solver: " << linear_solver->describe() << "\n";
  }

  void SolidSolver::create_force_terms()
  {
    terms.clear();
    local_terms.clear();
    cell_forces = nullptr;
    for (const auto &[name, info] : ForceTermRegistry::in_order())
      {
        const ForceTermContext context{settings,   model, balloon, backend, dofs, quadrature, face_quadrature,
                                       cell_forces, comm,  log,     timer};
        std::unique_ptr<ForceTerm> term = info->create(context);
        if (!term)
          continue;
        term->registered_name = name;
        if (cell_forces == nullptr)
          cell_forces = dynamic_cast<CellForces *>(term.get());
        if (term->cell_local())
          local_terms.push_back(term.get());
        terms.push_back(std::move(term));
      }
    AssertThrow(cell_forces != nullptr && !local_terms.empty() && local_terms.front() == cell_forces,
                ExcMessage("the cell term must come first in the sum (ForceTermInfo::order 0)"));
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
    const unsigned int n     = fe.n_dofs_per_cell();
    FullMatrix<double> K(n, n);
    Vector<double>     R(n), local_u(n);
    std::vector<types::global_dof_index> local_dofs(n);
    if (with_matrix)
      matrix = 0.0;
    rhs           = 0.0;
    bool inverted = false;
    // Cell-local terms share one cell loop, so each cell is inserted into the global system once.
    for (const auto &cell : dofs.active_cell_iterators())
      {
        if (!cell->is_locally_owned())
          continue;
        cell->get_dof_indices(local_dofs);
        cell->get_dof_values(u, local_u);
        for (ForceTerm *term : local_terms)
          if (!term->add_cell(cell, local_u, state, with_matrix ? &K : nullptr, R))
            {
              inverted = true;
              break;
            }
        if (inverted)
          break;
        R *= -1.0;
        if (with_matrix)
          c.distribute_local_to_global(K, R, local_dofs, matrix, rhs, /*use_inhomogeneities_for_rhs=*/true);
        else
          c.distribute_local_to_global(R, local_dofs, rhs);
      }
    const AssemblyInput input{u, state, c, with_matrix};
    for (const auto &term : terms)
      if (!term->cell_local())
        term->add_global(input, with_matrix ? &matrix : nullptr, rhs);
    if (with_matrix)
      matrix.compress(VectorOperation::add);
    rhs.compress(VectorOperation::add);
    return Utilities::MPI::max(inverted ? 1 : 0, comm) == 0;
  }

  void SolidSolver::begin_increment(const PETScWrappers::MPI::Vector &u_n, double d_lambda)
  {
    for (const auto &term : terms)
      term->begin_increment(u_n, d_lambda);
  }

  bool SolidSolver::start_from_prediction(double load_factor)
  {
    PETScWrappers::MPI::Vector guess = solution;
    bool                       any   = false;
    for (const auto &term : terms)
      any = term->predict(guess) || any;
    if (Utilities::MPI::max(any ? 1 : 0, comm) == 0)
      return false;
    guess.compress(VectorOperation::add);
    assemble(solution_ghosted, load_factor, homogeneous_constraints, false);
    const double r_converged = rhs.l2_norm();
    trial_ghosted            = guess;
    if (!assemble(trial_ghosted, load_factor, homogeneous_constraints, false) || !(rhs.l2_norm() < r_converged))
      return false;
    solution         = guess;
    solution_ghosted = solution;
    return true;
  }

  void SolidSolver::commit()
  {
    for (const auto &term : terms)
      term->commit(solution_ghosted, solution);
  }

  void SolidSolver::add_output_fields(const LoadState &state, OutputFields &fields) const
  {
    for (const auto &term : terms)
      term->add_output_fields(solution_ghosted, state, fields);
  }

  SolverState SolidSolver::state() const
  {
    SolverState s;
    s.n_dofs      = dofs.n_dofs();
    s.first_owned = owned.n_elements() > 0 ? owned.nth_index_in_set(0) : 0;
    for (const auto i : owned)
      s.solution.push_back(solution[i]);
    for (const auto &term : terms)
      {
        StateWriter out;
        term->save_state(out);
        s.terms.emplace_back(term->name(), out.data());
      }
    s.step_count = step_count;
    s.iterations = iteration_log;
    s.elapsed_s  = earlier_elapsed + wall_clock.wall_time();
    return s;
  }

  void SolidSolver::restore(const SolverState &s)
  {
    const types::global_dof_index first = owned.n_elements() > 0 ? owned.nth_index_in_set(0) : 0;
    if (s.n_dofs != dofs.n_dofs() || s.first_owned != first || s.solution.size() != owned.n_elements())
      throw std::runtime_error("the checkpoint was written for " + std::to_string(s.n_dofs) + " DoFs (" +
                               std::to_string(s.solution.size()) + " on this rank), the mesh here has " +
                               std::to_string(dofs.n_dofs()) + " (" + std::to_string(owned.n_elements()) + ")");
    if (s.terms.size() != terms.size())
      throw std::runtime_error("the checkpoint holds the state of " + std::to_string(s.terms.size()) +
                               " force terms, this run has " + std::to_string(terms.size()));
    std::size_t k = 0;
    for (const auto i : owned)
      solution[i] = s.solution[k++];
    solution.compress(VectorOperation::insert);
    solution_ghosted = solution;
    for (std::size_t t = 0; t < terms.size(); ++t)
      {
        if (s.terms[t].first != terms[t]->name())
          throw std::runtime_error("the checkpoint holds the state of the force term '" + s.terms[t].first +
                                   "' where this run has '" + terms[t]->name() + "'");
        StateReader in(s.terms[t].second, "the force term '" + terms[t]->name() + "'");
        terms[t]->load_state(in);
        in.expect_end();
      }
    step_count      = s.step_count;
    iteration_log   = s.iterations;
    earlier_elapsed = s.elapsed_s - wall_clock.wall_time();
  }
} // namespace leafmech
