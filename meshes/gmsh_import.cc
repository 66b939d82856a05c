#include <deal.II/grid/grid_in.h>

#include <cctype>
#include <fstream>
#include <map>
#include <meshes/gmsh_check.h>
#include <meshes/gmsh_import.h>
#include <meshes/valve_generator.h>
#include <set>
#include <base/types.h>
#include <sstream>
#include <stdexcept>

namespace leafmech
{
  using namespace dealii;

  namespace
  {
    /// Physical names by (dimension, tag), from the $PhysicalNames section.
    std::map<std::pair<int, unsigned int>, std::string> read_physical_names(const std::string &file)
    {
      std::ifstream in(file);
      std::map<std::pair<int, unsigned int>, std::string> names;
      std::string line;
      while (std::getline(in, line))
        if (line.rfind("$PhysicalNames", 0) == 0)
          {
            std::getline(in, line);
            const int n = std::stoi(line);
            for (int i = 0; i < n && std::getline(in, line); ++i)
              {
                std::istringstream s(line);
                int                d;
                unsigned int       tag;
                std::string        rest;
                s >> d >> tag;
                std::getline(s, rest);
                const auto q0 = rest.find('"'), q1 = rest.rfind('"');
                if (q0 == std::string::npos || q1 <= q0)
                  throw std::invalid_argument("mesh file '" + file + "': malformed $PhysicalNames line '" + line + "'");
                names[{d, tag}] = rest.substr(q0 + 1, q1 - q0 - 1);
              }
            break;
          }
      return names;
    }

    unsigned int id_of(const std::string &name, const std::vector<std::string> &known, const std::string &file,
                       const std::string &what)
    {
      for (unsigned int i = 0; i < known.size(); ++i)
        if (known[i] == name)
          return i;
      std::string list;
      for (const auto &k : known)
        list += (list.empty() ? "" : ", ") + k;
      throw std::invalid_argument("mesh file '" + file + "': physical " + what + " '" + name +
                                  "' is not one of leafmech's names (" + list + ")");
    }
  } // namespace

  ValveMesh import_gmsh_valve(const std::string &file, Triangulation<3> &tria)
  {
    check_gmsh_file(file);
    const auto names = read_physical_names(file);
    if (names.empty())
      throw std::invalid_argument("mesh file '" + file + "' has no named physical groups ($PhysicalNames): name the "
                                  "volumes leaflet_anterior/leaflet_posterior/commissure_fusion/calcium and the "
                                  "surfaces annulus/atrial_surface/... (see meshes/README.md)");
    try
      {
        GridIn<3> grid_in;
        grid_in.attach_triangulation(tria);
        std::ifstream in(file);
        grid_in.read_msh(in);
      }
    catch (const std::exception &e)
      {
        // deal.II's message: keep the 'Additional information' text, drop the stack trace, one line.
        std::string what = e.what();
        const auto  pos  = what.find("Additional information:");
        what             = pos == std::string::npos ? what : what.substr(pos + 23);
        what             = what.substr(0, what.find("Stacktrace:"));
        std::string line;
        for (const char c : what)
          if (!std::isspace(static_cast<unsigned char>(c)) || (!line.empty() && line.back() != ' '))
            line += std::isspace(static_cast<unsigned char>(c)) ? ' ' : c;
        while (!line.empty() && (line.back() == ' ' || line.back() == '-'))
          line.pop_back();
        what = line;
        throw std::invalid_argument("mesh file '" + file + "' cannot be read as a hexahedral gmsh mesh: " + what +
                                    ". leafmech needs ASCII .msh 2.2 or 4.1 with hexahedra (gmsh: transfinite "
                                    "volumes with Recombine, or Mesh.SubdivisionAlgorithm = 2)");
      }
    const std::vector<std::string> materials(MaterialIds::names().begin(), MaterialIds::names().end());
    const std::vector<std::string> boundaries = {"annulus", "atrial_surface", "ventricular_surface", "free_edge",
                                                 "fusion_interface"};
    std::set<std::string> present;
    for (const auto &cell : tria.active_cell_iterators())
      {
        const auto it = names.find({3, cell->material_id()});
        if (it == names.end())
          throw std::invalid_argument("mesh file '" + file + "': cells with physical tag " +
                                      std::to_string(cell->material_id()) + " (cell at " +
                                      Utilities::to_string(cell->center()[0]) + ", ...) belong to no named volume "
                                      "group; every cell needs one of leaflet_anterior, leaflet_posterior, "
                                      "commissure_fusion, calcium");
        cell->set_material_id(id_of(it->second, materials, file, "volume"));
        present.insert(it->second);
      }
    // Remap face tags in two passes: leafmech's ids overlap gmsh's tag numbers.
    std::vector<std::pair<TriaIterator<TriaAccessor<2, 3, 3>>, types::boundary_id>> faces;
    for (const auto &cell : tria.active_cell_iterators())
      for (const unsigned int f : cell->face_indices())
        if (cell->face(f)->at_boundary())
          {
            const types::boundary_id tag = cell->face(f)->boundary_id();
            types::boundary_id       id  = BoundaryIds::other;
            if (tag != 0)
              {
                const auto it = names.find({2, tag});
                if (it == names.end())
                  throw std::invalid_argument("mesh file '" + file + "': boundary faces with physical tag " +
                                              std::to_string(tag) + " belong to no named surface group");
                id = id_of(it->second, boundaries, file, "surface");
                present.insert(it->second);
              }
            faces.emplace_back(cell->face(f), id);
          }
    for (auto &[face, id] : faces)
      face->set_boundary_id(id);
    std::string missing;
    for (const std::string need : {"annulus", "atrial_surface"})
      if (!present.count(need))
        missing += (missing.empty() ? "" : ", ") + std::string("surface '") + need + "'";
    if (!present.count("leaflet_anterior") && !present.count("leaflet_posterior"))
      missing += (missing.empty() ? "" : ", ") + std::string("volume 'leaflet_anterior' or 'leaflet_posterior'");
    if (!missing.empty())
      throw std::invalid_argument("mesh file '" + file + "' lacks the physical group(s) " + missing +
                                  " (the annulus is held, the pressure acts on the atrial surface)");

    ValveMesh mesh;
    for (const auto &v : tria.get_vertices())
      {
        Tensor<1, 3> f({-v[1], v[0], 0.0});
        mesh.vertex_fibres.push_back(f.norm() > 1e-12 ? f / f.norm() : Tensor<1, 3>({1.0, 0.0, 0.0}));
      }
    const double sj = minimum_scaled_jacobian(tria);
    if (!(sj > 0))
      throw std::invalid_argument("mesh file '" + file + "' has inverted or degenerate cells (minimum scaled "
                                  "Jacobian " + Utilities::to_string(sj) + "); fix the mesh in gmsh");
    mesh.add_metric("cells", tria.n_active_cells());
    mesh.add_metric("minimum scaled Jacobian", sj);
    return mesh;
  }

  void attach_chordae(const Triangulation<3> &tria, const std::vector<Point<3>> &points, const Point<3> &al_tip,
                      const Point<3> &pm_tip, ValveMesh &mesh)
  {
    std::vector<Point<3>> candidates;
    for (const auto &cell : tria.active_cell_iterators())
      for (const unsigned int f : cell->face_indices())
        if (cell->face(f)->at_boundary() && (cell->face(f)->boundary_id() == BoundaryIds::ventricular_surface ||
                                             cell->face(f)->boundary_id() == BoundaryIds::free_edge))
          for (unsigned int v = 0; v < 4; ++v)
            candidates.push_back(cell->face(f)->vertex(v));
    if (candidates.empty() && !points.empty())
      throw std::invalid_argument("chordae need ventricular_surface or free_edge faces to attach to; the mesh has none");
    for (const Point<3> &p : points)
      {
        Point<3> best = candidates.front();
        for (const Point<3> &c : candidates)
          if (c.distance(p) < best.distance(p))
            best = c;
        const bool al = best[0] > 0;
        mesh.chordae.push_back({best, al ? al_tip : pm_tip, al ? "anterolateral" : "posteromedial", "attached"});
      }
    mesh.add_metric("chordae", double(mesh.chordae.size()));
  }
} // namespace leafmech
