#include <deal.II/fe/mapping_q1.h>
#include <deal.II/numerics/data_out.h>
#include <deal.II/numerics/data_postprocessor.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <iomanip>
#include <limits>
#include <leafmech/kernels/contact/balloon_profiles.h>
#include <hdf5.h>
#include <solver/output_writer.h>
#include <solver/stress_recovery.h>
#include <solver/tear_assessment.h>
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
      /// tensor_as_components: the stress tensor as nine scalars cauchy_stress_xx ... (HDF5/XDMF, whose
      /// writer keeps only the first three components of a tensor).
      StressPostprocessor(const SolidSolver &solver, const RunParameters &parameters,
                          const std::vector<CellPressureField> &pressure, bool tensor_as_components = false)
        : solver(solver), parameters(parameters), pressure(pressure), tensor_as_components(tensor_as_components)
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
            const Point<dim> unit = mapping.transform_real_to_unit_cell(cell, inputs.evaluation_points[q]);
            const Tensor<1, dim> a0 = solver.fibre_direction(cell, GeometryInfo<dim>::project_to_unit_cell(unit));
            if (determinant(F) > 0.0)
              {
                const auto sigma = cauchy_stress(m, F, a0, parameters.formulation, p(inputs.evaluation_points[q]));
                for (unsigned int i = 0; i < dim; ++i)
                  for (unsigned int j = 0; j < dim; ++j)
                    computed[q][dim * i + j] = sigma[i][j];
                computed[q][9]  = von_mises(sigma);
                computed[q][10] = max_principal(sigma);
              }
            else
              // The deformation interpolated to this output point (a cell vertex) is inverted although every
              // quadrature point of the cell is valid: no stress exists there, so say so with NaN.
              for (unsigned int k = 0; k <= 10; ++k)
                computed[q][k] = std::numeric_limits<double>::quiet_NaN();
            computed[q][11] = determinant(F);
            for (unsigned int d = 0; d < dim; ++d)
              computed[q][12 + d] = a0[d];
          }
      }

      std::vector<std::string> get_names() const override
      {
        std::vector<std::string> names(9, "cauchy_stress");
        for (unsigned int k = 0; k < 9 && tensor_as_components; ++k)
          names[k] = std::string("cauchy_stress_") + "xyz"[k / 3] + "xyz"[k % 3];
        names.insert(names.end(), {"von_mises_stress", "max_principal_stress", "J", "fibre_direction",
                                   "fibre_direction", "fibre_direction"});
        return names;
      }

      std::vector<DataComponentInterpretation::DataComponentInterpretation>
      get_data_component_interpretation() const override
      {
        std::vector<DataComponentInterpretation::DataComponentInterpretation> kinds(
          9, tensor_as_components ? DataComponentInterpretation::component_is_scalar
                                  : DataComponentInterpretation::component_is_part_of_tensor);
        kinds.insert(kinds.end(), 3, DataComponentInterpretation::component_is_scalar);
        kinds.insert(kinds.end(), dim, DataComponentInterpretation::component_is_part_of_vector);
        return kinds;
      }

      UpdateFlags get_needed_update_flags() const override { return update_gradients | update_quadrature_points; }

    private:
      const SolidSolver                    &solver;
      const MappingQ1<dim>                  mapping;
      const RunParameters                  &parameters;
      const std::vector<CellPressureField> &pressure;
      const bool                            tensor_as_components;
    };
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

  void OutputWriter::write(SolidSolver &solver, const RunParameters &parameters, unsigned int index, double time,
                           const LoadState &state)
  {
    const std::vector<CellPressureField> pressure = solver.pressure_fields();
    const StressPostprocessor            stress(solver, parameters, pressure);
    const StressPostprocessor            stress_components(solver, parameters, pressure, true);
    const auto                          &dofs = solver.dof_handler();
    const unsigned int                   rank = Utilities::MPI::this_mpi_process(comm);

    // Every field is prepared once; `build` adds them to a DataOut (one for VTU, one for HDF5).
    std::vector<std::function<void(DataOut<dim> &)>> fields;
    const std::vector<std::string> names(dim, "displacement");
    const std::vector<DataComponentInterpretation::DataComponentInterpretation> kinds(
      dim, DataComponentInterpretation::component_is_part_of_vector);
    fields.push_back([&](DataOut<dim> &out) {
      out.add_data_vector(solver.displacement(), names, DataOut<dim>::type_dof_data, kinds);
    });
    Vector<float> material(dofs.get_triangulation().n_active_cells()), ranks(material.size());
    for (const auto &cell : dofs.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          material[cell->active_cell_index()] = cell->material_id();
          ranks[cell->active_cell_index()]    = rank;
        }
    fields.push_back([&](DataOut<dim> &out) { out.add_data_vector(material, "material_id"); });
    fields.push_back([&](DataOut<dim> &out) { out.add_data_vector(ranks, "rank"); });
    Vector<float> contact_pressure(material.size()), contact_status(material.size());
    if (BalloonContact *contact = solver.balloon_contact())
      {
        const std::vector<double> p = contact->cell_pressure(material.size());
        for (unsigned int c = 0; c < p.size(); ++c)
          {
            contact_pressure[c] = p[c];
            contact_status[c]   = p[c] > 0 ? 1 : 0;
          }
        fields.push_back([&](DataOut<dim> &out) { out.add_data_vector(contact_pressure, "contact_pressure"); });
        fields.push_back([&](DataOut<dim> &out) { out.add_data_vector(contact_status, "contact_status"); });
      }
    // Leaflet tear index (cell maximum over the quadrature points) for valves.
    Vector<float> tear_index(material.size());
    if (const ValveFeatures *valve = solver.problem_valve())
      {
        const TearState tear = assess_tear(solver, pressure, parameters, valve->leaflet_strength, comm);
        std::copy(tear.cell_tear_index.begin(), tear.cell_tear_index.end(), tear_index.begin());
        fields.push_back([&](DataOut<dim> &out) { out.add_data_vector(tear_index, "tear_index"); });
      }
    // Cohesive interface: damage and openings at the interface nodes, in the displacement dofs' slots.
    PETScWrappers::MPI::Vector cohesive_fields;
    const std::vector<std::string> cohesive_names{"cohesive_damage", "cohesive_normal_opening",
                                                  "cohesive_shear_opening"};
    const std::vector<DataComponentInterpretation::DataComponentInterpretation> scalars(
      dim, DataComponentInterpretation::component_is_scalar);
    if (solver.cohesive_interface().active())
      {
        PETScWrappers::MPI::Vector owned_fields(dofs.locally_owned_dofs(), comm);
        solver.cohesive_interface().fill_fields(solver.displacement(), owned_fields);
        cohesive_fields.reinit(dofs.locally_owned_dofs(), solver.relevant_dofs(), comm);
        cohesive_fields = owned_fields;
        fields.push_back([&](DataOut<dim> &out) {
          out.add_data_vector(cohesive_fields, cohesive_names, DataOut<dim>::type_dof_data, scalars);
        });
      }
    const auto build = [&](DataOut<dim> &out, const StressPostprocessor &stress_fields) {
      out.attach_dof_handler(dofs);
      out.add_data_vector(solver.displacement(), stress_fields);
      for (const auto &add : fields)
        add(out);
      out.build_patches(dofs.get_fe().degree);
    };
    DataOut<dim> data_out;
    build(data_out, stress);

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
        series.solution.emplace_back(time, stem.str() + ".pvtu");
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
      const std::string h5 = stem.str() + ".h5";
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
    if (BalloonContact *contact = solver.balloon_contact(); contact != nullptr && rank == 0)
      {
        std::ostringstream name;
        name << "balloon-" << std::setw(4) << std::setfill('0') << index << ".vtu";
        write_file_atomically(directory + "/" + name.str(), balloon_vtu(contact->inflation().state(state.balloon).geometry));
        series.balloon.emplace_back(time, name.str());
        std::ostringstream pvd;
        DataOutBase::write_pvd_record(pvd, series.balloon);
        write_file_atomically(directory + "/balloon.pvd", pvd.str());
      }
    const Chordae &chordae = solver.chordae_set();
    if (chordae.specs().empty())
      return;
    const auto attachments = chordae.attachments(solver.displacement(), comm);
    const auto tensions    = chordae.tensions(solver.displacement(), state.problem, comm);
    if (rank == 0)
      {
        std::ostringstream name;
        name << "chordae-" << std::setw(4) << std::setfill('0') << index << ".vtu";
        write_file_atomically(directory + "/" + name.str(), chordae_vtu(chordae.specs(), attachments, tensions));
        series.chordae.emplace_back(time, name.str());
        std::ostringstream pvd;
        DataOutBase::write_pvd_record(pvd, series.chordae);
        write_file_atomically(directory + "/chordae.pvd", pvd.str());
      }
  }

  std::string ascii_vtu(const std::vector<Point<dim>> &points, unsigned int points_per_cell, unsigned int vtk_type,
                        const std::vector<CellArray> &cell_data)
  {
    const std::size_t  n = points.size() / points_per_cell;
    std::ostringstream out;
    out << std::setprecision(17)
        << "<?xml version=\"1.0\"?>\n<VTKFile type=\"UnstructuredGrid\" version=\"0.1\" byte_order=\"LittleEndian\">\n"
        << "<UnstructuredGrid>\n<Piece NumberOfPoints=\"" << points.size() << "\" NumberOfCells=\"" << n << "\">\n"
        << "<Points>\n<DataArray type=\"Float64\" NumberOfComponents=\"3\" format=\"ascii\">\n";
    for (const Point<dim> &p : points)
      out << p << "\n";
    out << "</DataArray>\n</Points>\n<Cells>\n<DataArray type=\"Int64\" Name=\"connectivity\" format=\"ascii\">\n";
    for (std::size_t i = 0; i < points.size(); ++i)
      out << i << ((i + 1) % points_per_cell == 0 ? "\n" : " ");
    out << "</DataArray>\n<DataArray type=\"Int64\" Name=\"offsets\" format=\"ascii\">\n";
    for (std::size_t c = 0; c < n; ++c)
      out << points_per_cell * (c + 1) << "\n";
    out << "</DataArray>\n<DataArray type=\"UInt8\" Name=\"types\" format=\"ascii\">\n";
    for (std::size_t c = 0; c < n; ++c)
      out << vtk_type << "\n";
    out << "</DataArray>\n</Cells>\n<CellData>\n";
    for (const CellArray &a : cell_data)
      {
        out << "<DataArray type=\"Float64\" Name=\"" << a.name << "\" format=\"ascii\">\n";
        for (const double v : a.values)
          out << v << "\n";
        out << "</DataArray>\n";
      }
    out << "</CellData>\n</Piece>\n</UnstructuredGrid>\n</VTKFile>\n";
    return out.str();
  }

  std::string balloon_vtu(const kernels::BalloonGeometry &balloon, unsigned int n_around)
  {
    std::vector<Point<dim>> points;
    CellArray               lobe_id{"lobe", {}};
    for (unsigned int l = 0; l < balloon.lobes.size(); ++l)
      {
        const auto    &lobe = balloon.lobes[l];
        const Tensor<1, dim> a({lobe.axis[0], lobe.axis[1], lobe.axis[2]});
        const auto [e1, e2] = axis_frame(a);
        const Point<dim>     o(lobe.origin[0], lobe.origin[1], lobe.origin[2]);
        // The spline resampled at most every 0.25 mm along the axis: enough to show the shoulders smoothly.
        const double   length = lobe.h * (lobe.r.size() - 1);
        const unsigned n_along = static_cast<unsigned>(std::ceil(length / 0.25));
        const auto     at      = [&](unsigned k, unsigned int j) {
          const double phi = 2 * M_PI * j / n_around, xi = lobe.xi0 + length * k / n_along;
          return o + xi * a + kernels::profile_radius(lobe, xi) * (std::cos(phi) * e1 + std::sin(phi) * e2);
        };
        for (unsigned k = 0; k < n_along; ++k)
          for (unsigned int j = 0; j < n_around; ++j)
            {
              for (const Point<dim> &p : {at(k, j), at(k + 1, j), at(k + 1, j + 1), at(k, j + 1)})
                points.push_back(p);
              lobe_id.values.push_back(l);
            }
      }
    return ascii_vtu(points, 4, 9 /* VTK_QUAD */, {lobe_id});
  }

  std::string chordae_vtu(const std::vector<ChordSpec> &chordae, const std::vector<Point<dim>> &attachments,
                          const std::vector<double> &tensions)
  {
    std::vector<Point<dim>> points;
    CellArray               tension{"tension_N", {}}, muscle{"papillary_muscle", {}};
    for (std::size_t c = 0; c < chordae.size(); ++c)
      {
        points.push_back(attachments[c]);
        points.push_back(chordae[c].papillary_tip);
        tension.values.push_back(tensions.empty() ? 0.0 : tensions[c]);
        muscle.values.push_back(chordae[c].papillary == "anterolateral" ? 0 : 1);
      }
    return ascii_vtu(points, 2, 3 /* VTK_LINE */, {tension, muscle});
  }
} // namespace leafmech
