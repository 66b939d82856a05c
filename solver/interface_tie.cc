#include <deal.II/base/quadrature_lib.h>
#include <deal.II/base/utilities.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/fe/mapping_q1.h>

#include <algorithm>
#include <map>
#include <solver/interface_tie.h>
#include <sstream>

namespace leafmech
{
  using namespace dealii;

  void InterfaceTie::setup(const DoFHandler<dim> &dofs, types::boundary_id id, double k, MPI_Comm comm)
  {
    stiffness = k;
    pairs.clear();
    const FiniteElement<dim> &fe = dofs.get_fe();
    const MappingQ1<dim>      mapping;
    QGauss<dim - 1>           quadrature(fe.degree + 1);
    FEFaceValues<dim>         face_values(fe, quadrature, update_values | update_JxW_values);
    const auto               &unit_points = fe.get_unit_support_points();
    std::vector<types::global_dof_index> local(fe.n_dofs_per_cell());

    // Records (x, y, z, component, dof, weight) of every interface dof, summed over the faces that touch it.
    std::map<types::global_dof_index, std::array<double, 6>> mine;
    for (const auto &cell : dofs.active_cell_iterators())
      if (cell->is_locally_owned())
        for (const unsigned int f : cell->face_indices())
          if (cell->face(f)->at_boundary() && cell->face(f)->boundary_id() == id)
            {
              face_values.reinit(cell, f);
              cell->get_dof_indices(local);
              for (unsigned int i = 0; i < local.size(); ++i)
                if (fe.has_support_on_face(i, f))
                  {
                    double w = 0.0;
                    for (unsigned int q = 0; q < quadrature.size(); ++q)
                      w += face_values.shape_value(i, q) * face_values.JxW(q);
                    const Point<dim> x = mapping.transform_unit_to_real_cell(cell, unit_points[i]);
                    auto it = mine.find(local[i]);
                    if (it == mine.end())
                      mine[local[i]] = {x[0], x[1], x[2], double(fe.system_to_component_index(i).first),
                                        double(local[i]), w};
                    else
                      it->second[5] += w;
                  }
            }
    std::vector<double> packed;
    for (const auto &[dof, r] : mine)
      packed.insert(packed.end(), r.begin(), r.end());
    // Faces of one side on different ranks can share a dof: merge by dof index after gathering.
    std::map<types::global_dof_index, std::array<double, 6>> all;
    for (const auto &part : Utilities::MPI::all_gather(comm, packed))
      for (std::size_t o = 0; o + 6 <= part.size(); o += 6)
        {
          const auto dof = static_cast<types::global_dof_index>(part[o + 4]);
          auto       it  = all.find(dof);
          if (it == all.end())
            all[dof] = {part[o], part[o + 1], part[o + 2], part[o + 3], part[o + 4], part[o + 5]};
          else
            it->second[5] += part[o + 5];
        }
    std::vector<std::array<double, 6>> records;
    for (const auto &[dof, r] : all)
      records.push_back(r);
    std::sort(records.begin(), records.end());
    std::vector<bool> used(records.size(), false);
    const IndexSet   &owned = dofs.locally_owned_dofs();
    ghosts.clear();
    ghosts.set_size(dofs.n_dofs());
    n_global = 0;
    double scale = 1.0;
    for (const auto &r : records)
      scale = std::max({scale, std::abs(r[0]), std::abs(r[1]), std::abs(r[2])});
    for (std::size_t i = 0; i < records.size(); ++i)
      {
        if (used[i])
          continue;
        std::size_t partner = records.size();
        for (std::size_t j = i + 1; j < records.size() && records[j][0] <= records[i][0] + 1e-7 * scale; ++j)
          if (!used[j] && records[j][3] == records[i][3] && std::abs(records[j][1] - records[i][1]) <= 1e-7 * scale &&
              std::abs(records[j][2] - records[i][2]) <= 1e-7 * scale)
            {
              partner = j;
              break;
            }
        if (partner == records.size())
          {
            std::ostringstream msg;
            msg << "fusion_interface: the face node at (" << records[i][0] << ", " << records[i][1] << ", "
                << records[i][2] << ") mm has no coincident node on the other side; the interface must be two "
                << "coincident, separately meshed face sets (duplicate the nodes along the commissure)";
            throw std::runtime_error(msg.str());
          }
        used[i] = used[partner] = true;
        ++n_global;
        const auto a = static_cast<types::global_dof_index>(records[i][4]);
        const auto b = static_cast<types::global_dof_index>(records[partner][4]);
        if (owned.is_element(a))
          {
            pairs.push_back({a, b, 0.5 * (records[i][5] + records[partner][5])});
            if (!owned.is_element(b))
              ghosts.add_index(b);
          }
      }
    ghosts.compress();
  }

  void InterfaceTie::add_sparsity(DynamicSparsityPattern &dsp) const
  {
    for (const Pair &p : pairs)
      {
        dsp.add(p.a, p.b);
        dsp.add(p.b, p.a);
        dsp.add(p.a, p.a);
        dsp.add(p.b, p.b);
      }
  }

  void InterfaceTie::assemble(const PETScWrappers::MPI::Vector &u, const AffineConstraints<double> &c,
                              PETScWrappers::MPI::SparseMatrix *K, PETScWrappers::MPI::Vector &rhs) const
  {
    FullMatrix<double>                   k_local(2, 2);
    Vector<double>                       r_local(2);
    std::vector<types::global_dof_index> dofs(2);
    for (const Pair &p : pairs)
      {
        const double kw = stiffness * p.weight;
        const double f  = kw * (u(p.a) - u(p.b));
        r_local[0]      = -f; // rhs = -R
        r_local[1]      = f;
        dofs            = {p.a, p.b};
        if (K != nullptr)
          {
            k_local(0, 0) = k_local(1, 1) = kw;
            k_local(0, 1) = k_local(1, 0) = -kw;
            c.distribute_local_to_global(k_local, r_local, dofs, *K, rhs, true);
          }
        else
          c.distribute_local_to_global(r_local, dofs, rhs);
      }
  }

  double InterfaceTie::max_opening(const PETScWrappers::MPI::Vector &u, MPI_Comm comm) const
  {
    double m = 0.0;
    for (const Pair &p : pairs)
      m = std::max(m, std::abs(u(p.a) - u(p.b)));
    return Utilities::MPI::max(m, comm);
  }
} // namespace leafmech
