#include <deal.II/base/utilities.h>

#include <solver/core/force_terms/chordae.h>
#include <solver/models/problem.h>
#include <sstream>

namespace leafmech
{
  using namespace dealii;

  void Chordae::setup(const DoFHandler<dim> &dofs, const std::vector<ChordSpec> &specs, const kernels::CableLaw &l,
                      double rest_length_factor, MPI_Comm comm)
  {
    all    = specs;
    law    = l;
    factor = rest_length_factor;
    local.clear();
    const IndexSet     &owned = dofs.locally_owned_dofs();
    std::vector<double> found(specs.size(), 0.0);
    for (unsigned int c = 0; c < specs.size(); ++c)
      {
        bool done = false;
        for (const auto &cell : dofs.active_cell_iterators())
          {
            if (!cell->is_locally_owned() || done)
              continue;
            for (const unsigned int v : cell->vertex_indices())
              if (cell->vertex(v).distance(specs[c].attachment) < 1e-9 * (1.0 + specs[c].attachment.norm()))
                {
                  const std::array<types::global_dof_index, 3> d = {
                    {cell->vertex_dof_index(v, 0), cell->vertex_dof_index(v, 1), cell->vertex_dof_index(v, 2)}};
                  if (owned.is_element(d[0]))
                    {
                      local.push_back({c, d, specs[c].attachment.distance(specs[c].papillary_tip)});
                      found[c] = 1.0;
                    }
                  done = true;
                  break;
                }
          }
      }
    Utilities::MPI::sum(found, comm, found);
    for (unsigned int c = 0; c < specs.size(); ++c)
      if (found[c] != 1.0)
        {
          std::ostringstream msg;
          msg << "chorda " << c << ": its attachment (" << specs[c].attachment << ") mm is not a vertex of the mesh";
          throw std::runtime_error(msg.str());
        }
  }

  double Chordae::response(const Local &chord, const PETScWrappers::MPI::Vector &u, double load_factor, double f[3],
                           double K[9]) const
  {
    const ChordSpec &s = all[chord.index];
    double           x[3], anchor[3];
    for (unsigned int d = 0; d < 3; ++d)
      {
        x[d]      = s.attachment[d] + u(chord.dofs[d]);
        anchor[d] = s.papillary_tip[d];
      }
    const double rest = chord.reference_length * (1.0 - load_factor * (1.0 - factor));
    return kernels::cable_response(law, x, anchor, rest, f, K);
  }

  void Chordae::assemble(const PETScWrappers::MPI::Vector &u, double load_factor, const AffineConstraints<double> &c,
                         PETScWrappers::MPI::SparseMatrix *K, PETScWrappers::MPI::Vector &rhs) const
  {
    FullMatrix<double> k_local(3, 3);
    Vector<double>     r_local(3);
    for (const Local &chord : local)
      {
        double f[3], k[9];
        response(chord, u, load_factor, f, k);
        std::vector<types::global_dof_index> dofs(chord.dofs.begin(), chord.dofs.end());
        for (unsigned int a = 0; a < 3; ++a)
          {
            r_local[a] = -f[a]; // rhs = -R
            for (unsigned int b = 0; b < 3; ++b)
              k_local(a, b) = k[3 * a + b];
          }
        if (K != nullptr)
          c.distribute_local_to_global(k_local, r_local, dofs, *K, rhs, true);
        else
          c.distribute_local_to_global(r_local, dofs, rhs);
      }
  }

  std::vector<double> Chordae::tensions(const PETScWrappers::MPI::Vector &u, double load_factor, MPI_Comm comm) const
  {
    std::vector<double> T(all.size(), 0.0);
    for (const Local &chord : local)
      {
        double f[3], k[9];
        T[chord.index] = response(chord, u, load_factor, f, k);
      }
    Utilities::MPI::sum(T, comm, T);
    return T;
  }

  std::vector<Point<dim>> Chordae::attachments(const PETScWrappers::MPI::Vector &u, MPI_Comm comm) const
  {
    std::vector<double> x(3 * all.size(), 0.0);
    for (const Local &chord : local)
      for (unsigned int d = 0; d < 3; ++d)
        x[3 * chord.index + d] = all[chord.index].attachment[d] + u(chord.dofs[d]);
    Utilities::MPI::sum(x, comm, x);
    std::vector<Point<dim>> p(all.size());
    for (unsigned int c = 0; c < all.size(); ++c)
      p[c] = Point<dim>(x[3 * c], x[3 * c + 1], x[3 * c + 2]);
    return p;
  }

  Chordae::Chordae(const ForceTermContext &c)
  {
    const ValveFeatures &valve = *c.problem.valve();
    setup(c.dofs, valve.mesh->chordae, valve.chord_law, valve.chord_rest_length_factor, c.comm);
    c.log << "Valve: " << specs().size() << " chordae\n";
  }

  namespace
  {
    const ForceTermRegistry::Entry chordae_entry(
      "chordae", {"tension-only chordae tendineae to the papillary tips", 50,
                  [](const ForceTermContext &c) -> std::unique_ptr<ForceTerm> {
                    return c.problem.valve() != nullptr ? std::make_unique<Chordae>(c) : nullptr;
                  }});
  } // namespace
} // namespace leafmech
