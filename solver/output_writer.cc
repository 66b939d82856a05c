#include <deal.II/numerics/data_out.h>
#include <deal.II/numerics/data_postprocessor.h>

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <solver/output_writer.h>
#include <solver/stress_recovery.h>
#include <sstream>

namespace leafmech
{
  using namespace dealii;

  namespace
  {
    /// Cauchy stress and its invariants at every output point, from the displacement gradient.
    class StressPostprocessor : public DataPostprocessor<dim>
    {
    public:
      StressPostprocessor(const RunParameters &parameters, const std::vector<CellPressureField> &pressure)
        : parameters(parameters), pressure(pressure)
      {}

      void evaluate_vector_field(const DataPostprocessorInputs::Vector<dim> &inputs,
                                 std::vector<Vector<double>> &computed) const override
      {
        const auto                 cell = inputs.template get_cell<dim>();
        const MaterialDescription &m    = parameters.materials[cell->material_id()];
        const CellPressureField   &p    = pressure[cell->active_cell_index()];
        for (unsigned int q = 0; q < computed.size(); ++q)
          {
            Tensor<2, dim> F = unit_symmetric_tensor<dim>();
            for (unsigned int c = 0; c < dim; ++c)
              F[c] += inputs.solution_gradients[q][c];
            const auto sigma = cauchy_stress(m, F, m.fibre_direction, parameters.formulation,
                                             p(inputs.evaluation_points[q]));
            for (unsigned int i = 0; i < dim; ++i)
              for (unsigned int j = 0; j < dim; ++j)
                computed[q][dim * i + j] = sigma[i][j];
            computed[q][9]  = von_mises(sigma);
            computed[q][10] = max_principal(sigma);
            computed[q][11] = determinant(F);
          }
      }

      std::vector<std::string> get_names() const override
      {
        std::vector<std::string> names(9, "cauchy_stress");
        names.insert(names.end(), {"von_mises_stress", "max_principal_stress", "J"});
        return names;
      }

      std::vector<DataComponentInterpretation::DataComponentInterpretation>
      get_data_component_interpretation() const override
      {
        std::vector<DataComponentInterpretation::DataComponentInterpretation> kinds(
          9, DataComponentInterpretation::component_is_part_of_tensor);
        kinds.insert(kinds.end(), 3, DataComponentInterpretation::component_is_scalar);
        return kinds;
      }

      UpdateFlags get_needed_update_flags() const override { return update_gradients | update_quadrature_points; }

    private:
      const RunParameters                  &parameters;
      const std::vector<CellPressureField> &pressure;
    };
  } // namespace

  void write_file_atomically(const std::string &path, const std::string &contents)
  {
    const std::string tmp = path + ".tmp";
    {
      std::ofstream out(tmp);
      out << contents;
      out.close();
      if (!out)
        throw std::runtime_error("cannot write '" + tmp + "' (disk full or no permission?)");
    }
    std::filesystem::rename(tmp, path);
  }

  OutputWriter::OutputWriter(const std::string &directory, MPI_Comm comm) : directory(directory), comm(comm) {}

  void OutputWriter::write(SolidSolver &solver, const RunParameters &parameters, unsigned int index, double time)
  {
    const std::vector<CellPressureField> pressure = solver.pressure_fields();
    StressPostprocessor                  stress(parameters, pressure);
    const auto                          &dofs = solver.dof_handler();
    const unsigned int                   rank = Utilities::MPI::this_mpi_process(comm);

    DataOut<dim> data_out;
    data_out.attach_dof_handler(dofs);
    const std::vector<std::string> names(dim, "displacement");
    const std::vector<DataComponentInterpretation::DataComponentInterpretation> kinds(
      dim, DataComponentInterpretation::component_is_part_of_vector);
    data_out.add_data_vector(solver.displacement(), names, DataOut<dim>::type_dof_data, kinds);
    data_out.add_data_vector(solver.displacement(), stress);
    Vector<float> material(dofs.get_triangulation().n_active_cells()), ranks(material.size());
    for (const auto &cell : dofs.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          material[cell->active_cell_index()] = cell->material_id();
          ranks[cell->active_cell_index()]    = rank;
        }
    data_out.add_data_vector(material, "material_id");
    data_out.add_data_vector(ranks, "rank");
    data_out.build_patches(dofs.get_fe().degree);

    std::ostringstream stem;
    stem << "solution-" << std::setw(4) << std::setfill('0') << index;
    const std::string piece = stem.str() + "." + std::to_string(rank) + ".vtu";
    {
      std::ostringstream vtu;
      data_out.write_vtu(vtu);
      write_file_atomically(directory + "/" + piece, vtu.str());
    }
    MPI_Barrier(comm);
    if (rank == 0)
      {
        std::vector<std::string> pieces;
        for (unsigned int r = 0; r < Utilities::MPI::n_mpi_processes(comm); ++r)
          pieces.push_back(stem.str() + "." + std::to_string(r) + ".vtu");
        std::ostringstream pvtu;
        data_out.write_pvtu_record(pvtu, pieces);
        write_file_atomically(directory + "/" + stem.str() + ".pvtu", pvtu.str());
        records.emplace_back(time, stem.str() + ".pvtu");
        std::ostringstream pvd;
        DataOutBase::write_pvd_record(pvd, records);
        write_file_atomically(directory + "/solution.pvd", pvd.str());
      }
  }
} // namespace leafmech
