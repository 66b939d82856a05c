// Element assembly throughput: residual + consistent tangent of one hexahedron (FE_Q1 / FE_Q2, three-field and
// displacement formulations, neo-Hookean and HGO leaflet), in elements per second on one core.
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_system.h>
#include <deal.II/grid/grid_generator.h>
#include <deal.II/grid/grid_tools.h>
#include <deal.II/grid/tria.h>

#include <benchmark/benchmark.h>
#include <solver/core/cell_integrator.h>

using namespace dealii;
using namespace leafmech;

namespace
{
  void assemble(benchmark::State &state, unsigned int degree, VolumetricFormulation formulation, bool fibres,
                bool with_matrix)
  {
    Triangulation<dim> tria;
    GridGenerator::hyper_cube(tria, 0.0, 1.0);
    GridTools::distort_random(0.1, tria, false, 1);
    FESystem<dim>   fe(FE_Q<dim>(degree), dim);
    DoFHandler<dim> dofs(tria);
    dofs.distribute_dofs(fe);
    CellIntegrator integrator(fe, QGauss<dim>(degree + 1), formulation);

    MaterialDescription m;
    using Hgo              = kernels::HgoLeaflet;
    m.kernel.model         = fibres ? kernels::model_index<Hgo>() : kernels::model_index<kernels::NeoHookean>();
    m.kernel.constants[0]  = fibres ? 0.00764 : 0.4225; // mu of both models
    m.kernel.constants[Hgo::k1] = fibres ? 0.9966 : 0.0;
    m.kernel.constants[Hgo::k2] = fibres ? 524.6 : 0.0;
    m.kernel.bulk_modulus  = 10.0;
    const std::vector<Tensor<1, dim>> fibre(QGauss<dim>(degree + 1).size(), Tensor<1, dim>({1.0, 0.0, 0.0}));

    const unsigned int n = fe.n_dofs_per_cell();
    Vector<double>     u(n), R(n);
    for (unsigned int i = 0; i < n; ++i) // a smooth stretch along x
      u[i] = fe.system_to_component_index(i).first == 0 ? 0.02 * fe.get_unit_support_points()[i][0] : 0.0;
    FullMatrix<double> K(n, n);
    const auto         cell = dofs.begin_active();
    for (auto _ : state)
      {
        integrator.integrate(cell, u, m, fibre.data(), with_matrix ? &K : nullptr, R);
        benchmark::DoNotOptimize(R[0]);
      }
    state.SetItemsProcessed(state.iterations());
    state.counters["elements/s"] = benchmark::Counter(state.iterations(), benchmark::Counter::kIsRate);
  }
} // namespace

#define LEAFMECH_BENCH(name, ...)                                                                            \
  static void name(benchmark::State &s) { assemble(s, __VA_ARGS__); }                                      \
  BENCHMARK(name)->Unit(benchmark::kMicrosecond)

LEAFMECH_BENCH(BM_Q1_three_field_neo_hookean_tangent, 1, VolumetricFormulation::three_field, false, true);
LEAFMECH_BENCH(BM_Q2_three_field_neo_hookean_tangent, 2, VolumetricFormulation::three_field, false, true);
LEAFMECH_BENCH(BM_Q2_displacement_neo_hookean_tangent, 2, VolumetricFormulation::displacement, false, true);
LEAFMECH_BENCH(BM_Q2_three_field_hgo_tangent, 2, VolumetricFormulation::three_field, true, true);
LEAFMECH_BENCH(BM_Q2_three_field_neo_hookean_residual, 2, VolumetricFormulation::three_field, false, false);

BENCHMARK_MAIN();
