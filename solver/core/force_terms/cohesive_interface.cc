#include <deal.II/base/quadrature_lib.h>
#include <deal.II/base/symmetric_tensor.h>
#include <deal.II/base/utilities.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/fe/mapping_q1.h>

#include <algorithm>
#include <limits>
#include <map>
#include <solver/core/force_terms/cohesive_interface.h>
#include <sstream>

namespace leafmech
{
  using namespace dealii;

  namespace
  {
    /// One interface node as gathered from all ranks: position, its three dofs, tributary area, area normal.
    struct NodeRecord
    {
      static constexpr unsigned int size = 11;
      std::array<double, size>      v; // x, y, z, dof_x, dof_y, dof_z, w, n_x w, n_y w, n_z w, law

      Point<dim>              position() const { return Point<dim>(v[0], v[1], v[2]); }
      types::global_dof_index dof(unsigned int c) const { return static_cast<types::global_dof_index>(v[3 + c]); }
    };

    /// Largest extent of a point cloud along its principal direction (the covariance's leading eigenvector).
    double principal_extent(const std::vector<Point<dim>> &points)
    {
      if (points.size() < 2)
        return 0.0;
      Point<dim> mean;
      for (const auto &p : points)
        mean += p / double(points.size());
      SymmetricTensor<2, dim> C;
      for (const auto &p : points)
        C += symmetrize(outer_product(p - mean, p - mean));
      const Tensor<1, dim> e  = eigenvectors(C)[0].second;
      double               lo = std::numeric_limits<double>::max(), hi = -lo;
      for (const auto &p : points)
        {
          lo = std::min(lo, (p - mean) * e);
          hi = std::max(hi, (p - mean) * e);
        }
      return hi - lo;
    }
  } // namespace

  void CohesiveInterface::setup(const DoFHandler<dim> &dofs, types::boundary_id id, const CohesiveSpec &spec,
                                MPI_Comm comm)
  {
    laws          = spec.laws;
    group_names   = spec.groups;
    fused_lengths = spec.fused_length_mm;
    if (!fused_lengths.empty() && fused_lengths.size() != group_names.size())
      throw std::runtime_error("the cohesive interface has " + std::to_string(group_names.size()) + " groups but " +
                               std::to_string(fused_lengths.size()) + " fused lengths");
    pairs.clear();
    const FiniteElement<dim> &fe = dofs.get_fe();
    const MappingQ1<dim>      mapping;
    QGauss<dim - 1>           quadrature(fe.degree + 1);
    FEFaceValues<dim>         face_values(fe, quadrature, update_values | update_JxW_values | update_normal_vectors);
    const auto               &unit_points = fe.get_unit_support_points();
    std::vector<types::global_dof_index> local(fe.n_dofs_per_cell());

    // Interface nodes of this rank's faces, keyed by their x dof; faces sharing a node add their areas.
    std::map<types::global_dof_index, NodeRecord> mine;
    for (const auto &cell : dofs.active_cell_iterators())
      if (cell->is_locally_owned())
        for (const unsigned int f : cell->face_indices())
          if (cell->face(f)->at_boundary() && cell->face(f)->boundary_id() == id)
            {
              face_values.reinit(cell, f);
              cell->get_dof_indices(local);
              for (unsigned int i = 0; i < local.size(); ++i)
                if (fe.has_support_on_face(i, f) && fe.system_to_component_index(i).first == 0)
                  {
                    const unsigned int base = fe.system_to_component_index(i).second;
                    double             w = 0.0, wn[dim] = {0, 0, 0};
                    for (unsigned int q = 0; q < quadrature.size(); ++q)
                      {
                        const double dw = face_values.shape_value(i, q) * face_values.JxW(q);
                        w += dw;
                        for (unsigned int d = 0; d < dim; ++d)
                          wn[d] += dw * face_values.normal_vector(q)[d];
                      }
                    auto [it, fresh] = mine.try_emplace(local[i]);
                    if (fresh)
                      {
                        const Point<dim> x = mapping.transform_unit_to_real_cell(cell, unit_points[i]);
                        it->second.v = {{x[0], x[1], x[2], 0, 0, 0, 0, 0, 0, 0, 0}};
                        for (unsigned int c = 0; c < dim; ++c)
                          it->second.v[3 + c] = double(local[fe.component_to_system_index(c, base)]);
                      }
                    it->second.v[6] += w;
                    it->second.v[10] = std::max(it->second.v[10], double(spec.law_of(cell->material_id())));
                    for (unsigned int d = 0; d < dim; ++d)
                      it->second.v[7 + d] += wn[d];
                  }
            }
    std::vector<double> packed;
    for (const auto &[dof, r] : mine)
      packed.insert(packed.end(), r.v.begin(), r.v.end());
    // Faces of one side on different ranks can share a node: merge by dof after gathering.
    std::map<types::global_dof_index, NodeRecord> all;
    for (const auto &part : Utilities::MPI::all_gather(comm, packed))
      for (std::size_t o = 0; o + NodeRecord::size <= part.size(); o += NodeRecord::size)
        {
          NodeRecord r;
          std::copy(part.begin() + o, part.begin() + o + NodeRecord::size, r.v.begin());
          auto [it, fresh] = all.try_emplace(r.dof(0), r);
          if (!fresh)
            {
              for (unsigned int k = 6; k < 10; ++k)
                it->second.v[k] += r.v[k];
              it->second.v[10] = std::max(it->second.v[10], r.v[10]);
            }
        }
    std::vector<NodeRecord> records;
    for (const auto &[dof, r] : all)
      records.push_back(r);
    std::sort(records.begin(), records.end(), [](const NodeRecord &p, const NodeRecord &q) { return p.v < q.v; });

    double scale = 1.0;
    for (const auto &r : records)
      scale = std::max({scale, std::abs(r.v[0]), std::abs(r.v[1]), std::abs(r.v[2])});
    const double      tol = 1e-7 * scale;
    std::vector<bool> used(records.size(), false);
    const IndexSet   &owned = dofs.locally_owned_dofs();
    ghosts.clear();
    ghosts.set_size(dofs.n_dofs());
    n_global = 0;
    std::vector<std::vector<Point<dim>>> group_points(group_names.size());
    for (std::size_t i = 0; i < records.size(); ++i)
      {
        if (used[i])
          continue;
        std::size_t partner = records.size();
        for (std::size_t j = i + 1; j < records.size() && records[j].v[0] <= records[i].v[0] + tol; ++j)
          if (!used[j] && records[i].position().distance(records[j].position()) <= 2 * tol)
            {
              partner = j;
              break;
            }
        if (partner == records.size())
          {
            std::ostringstream msg;
            msg << "fusion_interface: the face node at " << records[i].position()
                << " mm has no coincident node on the other side; the interface must be two coincident, "
                << "separately meshed face sets (duplicate the nodes along the commissure)";
            throw std::runtime_error(msg.str());
          }
        used[i] = used[partner] = true;
        ++n_global;
        const NodeRecord &A = records[i], &B = records[partner];
        const unsigned int group = spec.group_of(A.position());
        AssertThrow(group < group_names.size(), ExcMessage("cohesive interface: group index out of range"));
        group_points[group].push_back(A.position());
        if (!owned.is_element(A.dof(0)))
          continue;
        Pair p;
        // The area normal of A points out of A, that of B out of B: their difference is twice A's normal.
        Tensor<1, dim> n;
        for (unsigned int d = 0; d < dim; ++d)
          n[d] = A.v[7 + d] - B.v[7 + d];
        AssertThrow(n.norm() > 0, ExcMessage("cohesive interface: a node pair without an area normal"));
        n /= n.norm();
        for (unsigned int c = 0; c < dim; ++c)
          {
            p.a[c]      = A.dof(c);
            p.b[c]      = B.dof(c);
            p.normal[c] = n[c];
            if (!owned.is_element(p.b[c]))
              ghosts.add_index(p.b[c]);
          }
        p.weight = 0.5 * (A.v[6] + B.v[6]);
        p.law    = static_cast<unsigned int>(std::max(A.v[10], B.v[10]));
        AssertThrow(p.law < laws.size(), ExcMessage("cohesive interface: law index out of range"));
        p.group  = group;
        pairs.push_back(p);
      }
    ghosts.compress();
    group_lengths.clear();
    for (const auto &points : group_points)
      group_lengths.push_back(principal_extent(points));
  }

  void CohesiveInterface::add_sparsity(DynamicSparsityPattern &dsp) const
  {
    for (const Pair &p : pairs)
      for (const auto i : p.a)
        for (const auto j : p.b)
          {
            for (const auto k : p.a)
              dsp.add(i, k);
            for (const auto k : p.b)
              dsp.add(j, k);
            dsp.add(i, j);
            dsp.add(j, i);
          }
  }

  std::array<double, dim> CohesiveInterface::jump(const Pair &p, const PETScWrappers::MPI::Vector &u) const
  {
    std::array<double, dim> d;
    for (unsigned int c = 0; c < dim; ++c)
      d[c] = u(p.b[c]) - u(p.a[c]);
    return d;
  }

  void CohesiveInterface::assemble(const PETScWrappers::MPI::Vector &u, const AffineConstraints<double> &c,
                                   PETScWrappers::MPI::SparseMatrix *K, PETScWrappers::MPI::Vector &rhs) const
  {
    FullMatrix<double>                   k_local(2 * dim, 2 * dim);
    Vector<double>                       r_local(2 * dim);
    std::vector<types::global_dof_index> local(2 * dim);
    for (const Pair &p : pairs)
      {
        const auto d = jump(p, u);
        double     s[dim], k[dim * dim];
        kernels::cohesive_response(laws[p.law], d.data(), p.normal.data(), p.history, increment, s, k);
        for (unsigned int a = 0; a < dim; ++a)
          {
            local[a]       = p.a[a];
            local[dim + a] = p.b[a];
            // R_B = w s, R_A = -w s; the rhs is -R.
            r_local[a]       = p.weight * s[a];
            r_local[dim + a] = -p.weight * s[a];
            for (unsigned int b = 0; b < dim; ++b)
              {
                const double kw = p.weight * k[dim * a + b];
                k_local(a, b) = k_local(dim + a, dim + b) = kw;
                k_local(a, dim + b) = k_local(dim + a, b) = -kw;
              }
          }
        if (K != nullptr)
          c.distribute_local_to_global(k_local, r_local, local, *K, rhs, true);
        else
          c.distribute_local_to_global(r_local, local, rhs);
      }
  }

  std::vector<kernels::CohesiveHistory> CohesiveInterface::histories() const
  {
    std::vector<kernels::CohesiveHistory> h;
    for (const Pair &p : pairs)
      h.push_back(p.history);
    return h;
  }

  void CohesiveInterface::restore(const std::vector<kernels::CohesiveHistory> &h)
  {
    if (h.size() != pairs.size())
      throw std::runtime_error("the checkpoint holds " + std::to_string(h.size()) +
                               " cohesive pairs on this rank, the mesh here has " + std::to_string(pairs.size()));
    for (std::size_t i = 0; i < h.size(); ++i)
      pairs[i].history = h[i];
  }

  void CohesiveInterface::commit(const PETScWrappers::MPI::Vector &u)
  {
    for (Pair &p : pairs)
      {
        const auto d = jump(p, u);
        double     s[dim], k[dim * dim];
        p.history = kernels::cohesive_response(laws[p.law], d.data(), p.normal.data(), p.history, increment, s, k);
      }
  }

  std::vector<CohesiveInterface::GroupState> CohesiveInterface::groups(const PETScWrappers::MPI::Vector &u,
                                                                       MPI_Comm comm) const
  {
    const unsigned int  n = group_names.size();
    std::vector<double> sums(4 * n, 0.0), maxima(n, 0.0), resultants(dim * n, 0.0);
    for (const Pair &p : pairs)
      {
        const auto d = jump(p, u);
        double     s[dim], k[dim * dim];
        const kernels::CohesiveLaw &law = laws[p.law];
        kernels::cohesive_response(law, d.data(), p.normal.data(), p.history, 0.0, s, k); // the committed state
        for (unsigned int c = 0; c < dim; ++c)
          resultants[dim * p.group + c] += p.weight * s[c];
        sums[4 * p.group] += p.weight;
        sums[4 * p.group + 1] += p.history.kappa >= law.final_opening() ? p.weight : 0.0;
        sums[4 * p.group + 2] += p.history.kappa > law.final_opening() / 3 ? p.weight : 0.0; // past the peak
        sums[4 * p.group + 3] += p.weight * kernels::cohesive_dissipated_energy(law, p.history.kappa);
        maxima[p.group] = std::max(maxima[p.group], std::sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]));
      }
    Utilities::MPI::sum(sums, comm, sums);
    Utilities::MPI::max(maxima, comm, maxima);
    Utilities::MPI::sum(resultants, comm, resultants);
    std::vector<GroupState> states(n);
    for (unsigned int g = 0; g < n; ++g)
      {
        states[g].name           = group_names[g];
        states[g].length_mm      = group_lengths[g];
        if (!fused_lengths.empty())
          states[g].fused_length_mm = fused_lengths[g];
        states[g].area_mm2       = sums[4 * g];
        states[g].separated_mm2  = sums[4 * g + 1];
        states[g].cracking_mm2   = sums[4 * g + 2];
        states[g].dissipated_mJ  = sums[4 * g + 3];
        states[g].max_opening_mm = maxima[g];
        states[g].force_N        = std::sqrt(std::pow(resultants[dim * g], 2) + std::pow(resultants[dim * g + 1], 2) +
                                      std::pow(resultants[dim * g + 2], 2));
      }
    return states;
  }

  void CohesiveInterface::fill_fields(const PETScWrappers::MPI::Vector &u, PETScWrappers::MPI::Vector &fields) const
  {
    fields = 0.0;
    for (const Pair &p : pairs)
      {
        const auto   d  = jump(p, u);
        const double dn = d[0] * p.normal[0] + d[1] * p.normal[1] + d[2] * p.normal[2];
        double       shear2 = 0.0;
        for (unsigned int c = 0; c < dim; ++c)
          shear2 += std::pow(d[c] - dn * p.normal[c], 2);
        const double values[dim] = {p.history.damage, dn, std::sqrt(shear2)};
        for (unsigned int c = 0; c < dim; ++c)
          {
            fields(p.a[c]) = values[c];
            fields(p.b[c]) = values[c];
          }
      }
    fields.compress(VectorOperation::insert);
  }

  CohesiveInterface::CohesiveInterface(const ForceTermContext &c)
  {
    const CohesiveSpec &spec = *c.problem.cohesive_interface();
    setup(c.dofs, BoundaryIds::fusion_interface, spec, c.comm);
    c.log << "Cohesive interface: " << n_pairs_global() << " node pairs; laws (strength MPa, fracture energy N/mm, "
          << "separated at mm):";
    for (const kernels::CohesiveLaw &law : spec.laws)
      c.log << " (" << law.strength << ", " << law.fracture_energy << ", " << law.final_opening() << ")";
    c.log << "\n";
  }

  void CohesiveInterface::load_state(StateReader &in)
  {
    std::vector<kernels::CohesiveHistory> h;
    in >> h;
    restore(h);
  }

  void CohesiveInterface::add_output_fields(const PETScWrappers::MPI::Vector &u, const LoadState &,
                                            OutputFields &fields) const
  {
    if (!active())
      return;
    PETScWrappers::MPI::Vector owned(u.locally_owned_elements(), u.get_mpi_communicator());
    fill_fields(u, owned);
    OutputFields::DofField &f = fields.dofs.emplace_back();
    f.names = {"cohesive_damage", "cohesive_normal_opening", "cohesive_shear_opening"};
    f.kinds.assign(dim, DataComponentInterpretation::component_is_scalar);
    f.values.reinit(u);
    f.values = owned;
  }

  namespace
  {
    const ForceTermRegistry::Entry cohesive_entry(
      "cohesive interface",
      {"traction-separation law across the fused commissures", 30,
       [](const ForceTermContext &c) -> std::unique_ptr<ForceTerm> {
         if (c.problem.cohesive_interface() == nullptr)
           return nullptr;
         return std::make_unique<CohesiveInterface>(c);
       }});
  } // namespace
} // namespace leafmech
