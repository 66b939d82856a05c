#include <deal.II/numerics/data_out.h>

#include <filesystem>
#include <functional>
#include <hdf5.h>
#include <iomanip>
#include <solver/postprocess/output_writer.h>
#include <solver/postprocess/stress_fields.h>
#include <sstream>

namespace leafmech
{
  using namespace dealii;

  namespace
  {
    std::string numbered(const std::string &stem, unsigned int index)
    {
      std::ostringstream name;
      name << stem << "-" << std::setw(4) << std::setfill('0') << index;
      return name.str();
    }
  } // namespace

  void write_hdf5_index(const std::string &directory, const std::vector<std::pair<double, std::string>> &outputs)
  {
    // External links, not copies: each output stays in the file all ranks wrote in parallel, and this small
    // index is rewritten (under a temporary name, then renamed) as the series grows.
    const std::string tmp  = directory + "/solution.h5.tmp";
    const hid_t       file = H5Fcreate(tmp.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    if (file < 0)
      throw std::runtime_error("could not create " + tmp + " (disk full or no permission?)");
    std::vector<double> times;
    for (const auto &[time, name] : outputs)
      {
        times.push_back(time);
        const std::string group = "/" + name.substr(0, name.rfind('.'));
        H5Lcreate_external(name.c_str(), "/", file, group.c_str(), H5P_DEFAULT, H5P_DEFAULT);
      }
    // The mesh is the reference configuration, the same at every output.
    for (const char *mesh : {"/nodes", "/cells"})
      H5Lcreate_external(outputs.front().second.c_str(), mesh, file, mesh, H5P_DEFAULT, H5P_DEFAULT);
    const hsize_t n     = times.size();
    const hid_t   space = H5Screate_simple(1, &n, nullptr);
    const hid_t   set   = H5Dcreate2(file, "/times", H5T_NATIVE_DOUBLE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    const herr_t  wrote = H5Dwrite(set, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, times.data());
    H5Dclose(set);
    H5Sclose(space);
    if (H5Fclose(file) < 0 || wrote < 0)
      throw std::runtime_error("could not write " + tmp + " (disk full?)");
    std::filesystem::rename(tmp, directory + "/solution.h5");
  }

  OutputWriter::OutputWriter(const std::string &directory, MPI_Comm comm) : directory(directory), comm(comm) {}

  void OutputWriter::write(PostprocessContext &context, PostprocessManager &postprocessors, unsigned int index,
                           double time)
  {
    const SolidSolver                    &solver   = context.solver;
    const std::vector<CellPressureField> &pressure = context.pressure_fields();
    const StressFields                    stress(solver.cells(), pressure);
    const StressFields                    stress_components(solver.cells(), pressure, true);
    const auto                           &dofs = solver.dof_handler();
    const unsigned int                    rank = Utilities::MPI::this_mpi_process(comm);

    OutputFields fields;
    {
      OutputFields::CellField &material = fields.cells.emplace_back();
      OutputFields::CellField &ranks    = fields.cells.emplace_back();
      material.name = "material_id", ranks.name = "rank";
      material.values.reinit(dofs.get_triangulation().n_active_cells());
      ranks.values.reinit(material.values.size());
      for (const auto &cell : dofs.active_cell_iterators())
        if (cell->is_locally_owned())
          {
            material.values[cell->active_cell_index()] = cell->material_id();
            ranks.values[cell->active_cell_index()]    = rank;
          }
    }
    solver.add_output_fields(context.load, fields);
    postprocessors.add_output_fields(context, fields);

    // Every field goes to two DataOut objects (VTU and HDF5), which differ in how they store the stress tensor.
    const std::vector<std::string> names(dim, "displacement");
    const std::vector<DataComponentInterpretation::DataComponentInterpretation> kinds(
      dim, DataComponentInterpretation::component_is_part_of_vector);
    const auto build = [&](DataOut<dim> &out, const StressFields &stress_fields) {
      out.attach_dof_handler(dofs);
      out.add_data_vector(solver.displacement(), stress_fields);
      out.add_data_vector(solver.displacement(), names, DataOut<dim>::type_dof_data, kinds);
      for (const OutputFields::CellField &f : fields.cells)
        out.add_data_vector(f.values, f.name);
      for (const OutputFields::DofField &f : fields.dofs)
        out.add_data_vector(f.values, f.names, DataOut<dim>::type_dof_data, f.kinds);
      out.build_patches(dofs.get_fe().degree);
    };
    DataOut<dim> data_out;
    build(data_out, stress);

    const std::string stem  = numbered("solution", index);
    const std::string piece = stem + "." + std::to_string(rank) + ".vtu";
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
          pieces.push_back(stem + "." + std::to_string(r) + ".vtu");
        std::ostringstream pvtu;
        data_out.write_pvtu_record(pvtu, pieces);
        write_file_atomically(directory + "/" + stem + ".pvtu", pvtu.str());
        series.solution.emplace_back(time, stem + ".pvtu");
        std::ostringstream pvd;
        DataOutBase::write_pvd_record(pvd, series.solution);
        write_file_atomically(directory + "/solution.pvd", pvd.str());
      }
    // The same fields in HDF5 (written by all ranks into one file per output, mesh and data together) with an
    // XDMF index over all outputs. Written under a temporary name and renamed, like every result file.
    {
      DataOut<dim> h5_out;
      build(h5_out, stress_components);
      DataOutBase::DataOutFilter filter(DataOutBase::DataOutFilterFlags(true, true));
      h5_out.write_filtered_data(filter);
      const std::string h5 = stem + ".h5";
      h5_out.write_hdf5_parallel(filter, directory + "/" + h5 + ".tmp", comm);
      series.xdmf.push_back(h5_out.create_xdmf_entry(filter, h5, time, comm));
      h5_out.write_xdmf_file(series.xdmf, directory + "/solution.xdmf.tmp", comm);
      MPI_Barrier(comm);
      if (rank == 0)
        {
          std::filesystem::rename(directory + "/" + h5 + ".tmp", directory + "/" + h5);
          std::filesystem::rename(directory + "/solution.xdmf.tmp", directory + "/solution.xdmf");
          series.hdf5.emplace_back(time, h5);
          write_hdf5_index(directory, series.hdf5);
        }
    }
    if (rank == 0)
      write_side_files(fields.side_files, index, time);
  }

  void OutputWriter::write_side_files(const std::vector<OutputFields::SideFile> &files, unsigned int index, double time)
  {
    for (const OutputFields::SideFile &f : files)
      {
        const std::string name = numbered(f.series, index) + ".vtu";
        write_file_atomically(directory + "/" + name, f.contents);
        auto &list = series.side[f.series];
        list.emplace_back(time, name);
        std::ostringstream pvd;
        DataOutBase::write_pvd_record(pvd, list);
        write_file_atomically(directory + "/" + f.series + ".pvd", pvd.str());
      }
  }
} // namespace leafmech
