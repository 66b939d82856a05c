// `leafmech mesh`: the geometry a run would use, written for ParaView with its figures, without solving.
#include <deal.II/base/utilities.h>
#include <deal.II/distributed/tria.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/dofs/dof_tools.h>
#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_system.h>
#include <deal.II/lac/petsc_vector.h>
#include <deal.II/numerics/data_out.h>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <base/atomic_file.h>
#include <base/output_directory.h>
#include <solver/app/collective.h>
#include <solver/app/run_command.h>
#include <solver/postprocess/vtu_text.h>
#include <sstream>

namespace leafmech
{
  using namespace dealii;

  namespace
  {
    /// Boundary faces of all ranks as one ASCII VTU of quads with their boundary ids (rank 0 writes).
    std::string boundary_vtu(const Triangulation<dim> &tria, MPI_Comm comm)
    {
      std::vector<double> mine;
      for (const auto &cell : tria.active_cell_iterators())
        if (cell->is_locally_owned())
          for (const unsigned int f : cell->face_indices())
            if (cell->face(f)->at_boundary())
              {
                // VTK_QUAD wants the vertices around the face; deal.II numbers them lexicographically.
                for (const unsigned int v : {0u, 1u, 3u, 2u})
                  for (unsigned int d = 0; d < dim; ++d)
                    mine.push_back(cell->face(f)->vertex(v)[d]);
                mine.push_back(cell->face(f)->boundary_id());
              }
      const auto parts = Utilities::MPI::gather(comm, mine);
      if (Utilities::MPI::this_mpi_process(comm) != 0)
        return "";
      std::vector<Point<dim>> points;
      CellArray               ids{"boundary_id", {}};
      for (const auto &part : parts)
        for (std::size_t o = 0; o + 13 <= part.size(); o += 13)
          {
            for (unsigned int v = 0; v < 4; ++v)
              points.emplace_back(part[o + 3 * v], part[o + 3 * v + 1], part[o + 3 * v + 2]);
            ids.values.push_back(part[o + 12]);
          }
      return ascii_vtu(points, 4, 9 /* VTK_QUAD */, {ids});
    }
  } // namespace

  int mesh_command(const RunRequest &request, MPI_Comm comm)
  {
    const bool               root = Utilities::MPI::this_mpi_process(comm) == 0;
    RunInput                                  input;
    parallel::distributed::Triangulation<dim> tria(comm);
    try
      {
        load_input(request, input);
        input.problem->create_grid(tria);
      }
    catch (const std::exception &e)
      {
        if (root)
          std::cerr << "leafmech: " << e.what() << "\n";
        return 2;
      }
    const std::string dir     = input.parameters.output.directory;
    const std::string failure = agree_on_failure(
      comm,
      [&] {
        make_output_directory(dir);
        for (const std::string old : {"mesh.pvtu", "mesh_boundary.vtu", "chordae.vtu", "mesh_report.json"})
          std::filesystem::remove(dir + "/" + old);
      },
      /*root_only=*/true);
    if (!failure.empty())
      {
        if (root)
          std::cerr << "leafmech: " << failure << "\n";
        return 2;
      }

    const SolverParameters &parameters = input.parameters.solver;
    const FESystem<dim>     fe(FE_Q<dim>(parameters.degree), dim);
    DoFHandler<dim>     dofs(tria);
    dofs.distribute_dofs(fe);

    // Cells with material ids and ranks, and the fibre field as a vertex vector (a Q1 interpolant).
    const ValveFeatures *valve = input.problem->valve();
    const FESystem<dim>  fe1(FE_Q<dim>(1), dim);
    DoFHandler<dim>      q1(tria);
    q1.distribute_dofs(fe1);
    IndexSet relevant;
    DoFTools::extract_locally_relevant_dofs(q1, relevant);
    PETScWrappers::MPI::Vector fibres(q1.locally_owned_dofs(), comm), fibres_ghosted;
    Vector<float>              material(tria.n_active_cells()), ranks(tria.n_active_cells());
    for (const auto &cell : q1.active_cell_iterators())
      if (cell->is_locally_owned())
        {
          material[cell->active_cell_index()] = cell->material_id();
          ranks[cell->active_cell_index()]    = Utilities::MPI::this_mpi_process(comm);
          for (const unsigned int v : cell->vertex_indices())
            for (unsigned int c = 0; c < dim; ++c)
              {
                const auto dof = cell->vertex_dof_index(v, c);
                if (q1.locally_owned_dofs().is_element(dof))
                  fibres[dof] = valve != nullptr && !valve->mesh->vertex_fibres.empty() ?
                                  valve->mesh->vertex_fibres[cell->vertex_index(v)][c] :
                                  parameters.materials[cell->material_id()].fibre_direction[c];
              }
        }
    fibres.compress(VectorOperation::insert);
    fibres_ghosted.reinit(q1.locally_owned_dofs(), relevant, comm);
    fibres_ghosted = fibres;
    DataOut<dim> data_out;
    data_out.attach_dof_handler(q1);
    data_out.add_data_vector(fibres_ghosted, std::vector<std::string>(dim, "fibre_direction"),
                             DataOut<dim>::type_dof_data,
                             std::vector<DataComponentInterpretation::DataComponentInterpretation>(
                               dim, DataComponentInterpretation::component_is_part_of_vector));
    data_out.add_data_vector(material, "material_id");
    data_out.add_data_vector(ranks, "rank");
    data_out.build_patches();
    const unsigned int rank = Utilities::MPI::this_mpi_process(comm);
    {
      std::ostringstream vtu;
      data_out.write_vtu(vtu);
      write_file_atomically(dir + "/mesh." + std::to_string(rank) + ".vtu", vtu.str());
    }
    const std::string boundary = boundary_vtu(tria, comm);
    MPI_Barrier(comm);
    if (!root)
      return 0;
    std::vector<std::string> pieces;
    for (unsigned int r = 0; r < Utilities::MPI::n_mpi_processes(comm); ++r)
      pieces.push_back("mesh." + std::to_string(r) + ".vtu");
    std::ostringstream pvtu;
    data_out.write_pvtu_record(pvtu, pieces);
    write_file_atomically(dir + "/mesh.pvtu", pvtu.str());
    write_file_atomically(dir + "/mesh_boundary.vtu", boundary);

    nlohmann::json report = {{"cells", tria.n_global_active_cells()},
                             {"dofs", dofs.n_dofs()},
                             {"degree", parameters.degree},
                             {"vertices", tria.n_vertices()}};
    std::cout << "Mesh: " << tria.n_global_active_cells() << " cells, " << dofs.n_dofs() << " DoFs (FE_Q"
              << parameters.degree << "), " << tria.n_vertices() << " vertices\n";
    if (valve != nullptr)
      {
        for (const auto &[name, value] : valve->mesh->metrics)
          {
            report["geometry"][name] = value;
            std::cout << "  " << name << ": " << value << "\n";
          }
        std::vector<Point<dim>> attachments;
        for (const auto &c : valve->mesh->chordae)
          attachments.push_back(c.attachment);
        write_file_atomically(dir + "/chordae.vtu", chordae_vtu(valve->mesh->chordae, attachments, {}));
      }
    write_file_atomically(dir + "/mesh_report.json", report.dump(2) + "\n");
    std::cout << "Wrote " << dir << "/mesh.pvtu (material_id, fibre_direction), mesh_boundary.vtu (boundary_id)"
              << (valve != nullptr ? ", chordae.vtu" : "") << ", mesh_report.json\n";
    return 0;
  }
} // namespace leafmech
