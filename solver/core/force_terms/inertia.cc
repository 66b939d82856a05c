#include <deal.II/base/mpi.h>

#include <stdexcept>

#include <solver/core/force_terms/inertia.h>

namespace leafmech
{
  using namespace dealii;

  Inertia::Inertia(const ForceTermContext &c)
    : density(c.parameters.dynamics.density), alpha(c.parameters.dynamics.alpha), gamma(0.5 - alpha),
      beta(0.25 * (1.0 - alpha) * (1.0 - alpha)), dofs(c.dofs), quadrature(c.quadrature), comm(c.comm)
  {}

  void Inertia::constraints_ready(const AffineConstraints<double> &constraints)
  {
    lumped = lumped_volume(dofs, quadrature, constraints, comm);
    for (std::vector<double> *v : {&start, &velocity, &acceleration, &scratch})
      v->assign(lumped.dofs.size(), 0.0);
  }

  void Inertia::begin_phase(const LoadPhase &phase)
  {
    if (!(phase.duration > 0.0))
      throw std::logic_error("the " + phase.name + " phase of a dynamic run has no duration (Dynamics/... time)");
    duration = phase.duration;
  }

  void Inertia::reset_to_reference()
  {
    std::fill(velocity.begin(), velocity.end(), 0.0);
    std::fill(acceleration.begin(), acceleration.end(), 0.0);
  }

  void Inertia::begin_increment(const PETScWrappers::MPI::Vector &u_n, double d_lambda)
  {
    dt = d_lambda * duration;
    u_n.extract_subvector_to(lumped.dofs, start);
  }

  bool Inertia::predict(PETScWrappers::MPI::Vector &u) const
  {
    for (std::size_t k = 0; k < lumped.dofs.size(); ++k)
      scratch[k] = dt * velocity[k] + 0.5 * dt * dt * acceleration[k];
    u.add(lumped.dofs, scratch);
    return true;
  }

  double Inertia::acceleration_at(std::size_t k, double u) const
  {
    return (u - start[k] - dt * velocity[k]) / (beta * dt * dt) - (0.5 / beta - 1.0) * acceleration[k];
  }

  void Inertia::add_global(const AssemblyInput &in, PETScWrappers::MPI::SparseMatrix *K,
                           PETScWrappers::MPI::Vector &rhs)
  {
    in.u.extract_subvector_to(lumped.dofs, scratch);
    const double stiffness = (1.0 - alpha) / (beta * dt * dt);
    for (std::size_t k = 0; k < lumped.dofs.size(); ++k)
      {
        const double m = density * lumped.volume[k];
        scratch[k]     = -m * ((1.0 - alpha) * acceleration_at(k, scratch[k]) + alpha * acceleration[k]);
        if (K != nullptr)
          K->add(lumped.dofs[k], lumped.dofs[k], m * stiffness);
      }
    rhs.add(lumped.dofs, scratch);
  }

  void Inertia::commit(const PETScWrappers::MPI::Vector &, const PETScWrappers::MPI::Vector &u)
  {
    u.extract_subvector_to(lumped.dofs, scratch);
    for (std::size_t k = 0; k < lumped.dofs.size(); ++k)
      {
        const double a  = acceleration_at(k, scratch[k]);
        velocity[k]    += dt * ((1.0 - gamma) * acceleration[k] + gamma * a);
        acceleration[k] = a;
      }
    time += dt;
  }

  double Inertia::kinetic_energy() const
  {
    double here = 0.0;
    for (std::size_t k = 0; k < lumped.dofs.size(); ++k)
      here += 0.5 * density * lumped.volume[k] * velocity[k] * velocity[k];
    return Utilities::MPI::sum(here, comm);
  }

  namespace
  {
    const ForceTermRegistry::Entry inertia_entry(
      "inertia", {"the tissue's inertia (Bossak-Newmark implicit dynamics)", 55,
                  [](const ForceTermContext &c) -> std::unique_ptr<ForceTerm> {
                    if (!c.parameters.dynamics.enabled)
                      return nullptr;
                    return std::make_unique<Inertia>(c);
                  }});
  } // namespace
} // namespace leafmech
