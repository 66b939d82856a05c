#include <deal.II/base/utilities.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/fe/mapping_q1.h>

#include <limits>
#include <solver/core/stress_recovery.h>
#include <solver/postprocess/postprocessors/probes.h>

namespace leafmech
{
  using namespace dealii;

  void Probes::initialize(PostprocessContext &context)
  {
    probes                        = context.output.probes;
    const MPI_Comm            comm = context.comm;
    const DoFHandler<dim>    &dofs = context.solver.dof_handler();
    const MappingQ1<dim> mapping;
    const int            rank = Utilities::MPI::this_mpi_process(comm);
    locations.assign(probes.size(), Location());
    for (unsigned int p = 0; p < probes.size(); ++p)
      {
        const Point<dim> &X = probes[p].point;
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
                    locations[p].cell       = cell;
                    locations[p].unit_point = GeometryInfo<dim>::project_to_unit_cell(unit);
                    locations[p].owner      = rank;
                    break;
                  }
              }
            catch (const typename Mapping<dim>::ExcTransformationFailed &)
              {}
          }
        // The lowest rank that found the point owns it.
        const int found = locations[p].owner >= 0 ? rank : std::numeric_limits<int>::max();
        const int owner = Utilities::MPI::min(found, comm);
        if (owner == std::numeric_limits<int>::max())
          throw std::runtime_error("probe '" + probes[p].name + "' at (" +
                                   std::to_string(X[0]) + ", " + std::to_string(X[1]) + ", " + std::to_string(X[2]) +
                                   ") mm lies outside the reference mesh; fix Output/Probes");
        if (owner != rank)
          locations[p].owner = -1;
      }
  }

  ProbeResult Probes::compute(PostprocessContext &context)
  {
    const SolidSolver &solver = context.solver;
    const auto        &fe     = solver.dof_handler().get_fe();
    const CellForces  &cells  = solver.cells();
    const unsigned int      n_probes = locations.size();
    std::vector<double>     packed(n_probes * 9, 0.0);
    const unsigned int      n = fe.n_dofs_per_cell();
    Vector<double>          local_u(n);
    for (unsigned int p = 0; p < n_probes; ++p)
      {
        const Location &loc = locations[p];
        if (loc.owner < 0)
          continue;
        FEValues<dim> values(fe, Quadrature<dim>(loc.unit_point), update_values | update_gradients |
                                                                   update_quadrature_points);
        values.reinit(loc.cell);
        loc.cell->get_dof_values(solver.displacement(), local_u);
        Tensor<1, dim> u;
        Tensor<2, dim> F = unit_symmetric_tensor<dim>();
        for (unsigned int i = 0; i < n; ++i)
          {
            const unsigned int c = fe.system_to_component_index(i).first;
            u[c] += local_u[i] * values.shape_value(i, 0);
            F[c] += local_u[i] * values.shape_grad(i, 0);
          }
        const CellPressureField field = cells.pressure_field(loc.cell, local_u);
        const auto sigma = cauchy_stress(cells.material(loc.cell->material_id()), F,
                                         cells.fibre_direction(loc.cell, loc.unit_point), cells.formulation(),
                                         field(values.quadrature_point(0)));
        for (unsigned int d = 0; d < dim; ++d)
          packed[9 * p + d] = u[d];
        for (unsigned int k = 0; k < 6; ++k)
          packed[9 * p + 3 + k] = sigma.access_raw_entry(k);
      }
    Utilities::MPI::sum(packed, context.comm, packed);
    ProbeResult result;
    result.values.resize(n_probes);
    for (unsigned int p = 0; p < n_probes; ++p)
      {
        for (unsigned int d = 0; d < dim; ++d)
          result.values[p].displacement[d] = packed[9 * p + d];
        for (unsigned int k = 0; k < 6; ++k)
          result.values[p].cauchy_stress.access_raw_entry(k) = packed[9 * p + 3 + k];
      }
    return result;
  }

  void Probes::columns_of(const ProbeResult &r, Columns &out) const
  {
    for (std::size_t p = 0; p < probes.size() && p < r.values.size(); ++p)
      for (unsigned int d = 0; d < dim; ++d)
        out.emplace_back(probes[p].name + "_u" + "xyz"[d] + "_mm", r.values[p].displacement[d]);
  }

  void Probes::write(const ProbeResult &r, StateWriter &out) const
  {
    out << static_cast<unsigned long long>(r.values.size());
    for (const ProbeValue &v : r.values)
      {
        for (unsigned int d = 0; d < dim; ++d)
          out << v.displacement[d];
        for (unsigned int k = 0; k < v.cauchy_stress.n_independent_components; ++k)
          out << v.cauchy_stress.access_raw_entry(k);
      }
  }

  void Probes::read(ProbeResult &r, StateReader &in) const
  {
    r.values.resize(in.count());
    for (ProbeValue &v : r.values)
      {
        for (unsigned int d = 0; d < dim; ++d)
          in >> v.displacement[d];
        for (unsigned int k = 0; k < v.cauchy_stress.n_independent_components; ++k)
          in >> v.cauchy_stress.access_raw_entry(k);
      }
  }

  namespace
  {
    const PostprocessorRegistry::Entry probes_entry(
      "probes", {"displacement and Cauchy stress at the Output/Probes points", 0,
                 [](const SolidSolver &) -> std::unique_ptr<Postprocessor> { return std::make_unique<Probes>(); }});
  } // namespace
} // namespace leafmech
