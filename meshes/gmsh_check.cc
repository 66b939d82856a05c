#include <array>
#include <base/parsing.h>
#include <cmath>
#include <fstream>
#include <map>
#include <meshes/gmsh_check.h>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace leafmech
{
  namespace
  {
    using Point = std::array<double, 3>;

    [[noreturn]] void refuse(const std::string &file, const std::string &what)
    {
      throw std::invalid_argument("mesh file '" + file + "' " + what);
    }

    struct Truncated
    {};

    /// The next line's whitespace-separated fields (the file ending here means it is cut short).
    std::vector<std::string> words(std::istream &in)
    {
      std::string              line, w;
      std::vector<std::string> out;
      if (!std::getline(in, line))
        throw Truncated();
      for (std::istringstream s(line); s >> w;)
        out.push_back(w);
      return out;
    }

    double coordinate(const std::string &text, const std::string &file, const std::string &node)
    {
      try
        {
          return parse_number(text, "node " + node);
        }
      catch (const std::invalid_argument &)
        {
          refuse(file, "has node " + node + " with the coordinate '" + excerpt(text, 30) +
                         "', which is not a finite number. Fix: export the mesh again from gmsh");
        }
    }

    /// Nodes of $Nodes (format 2.2 or 4.1) by tag.
    std::map<long, Point> read_nodes(std::istream &in, bool v4, const std::string &file)
    {
      std::map<long, Point> nodes;
      const auto            head = words(in);
      if (head.empty())
        refuse(file, "has an empty $Nodes section");
      const long blocks = v4 ? std::stol(head[0]) : 1;
      for (long b = 0; b < blocks; ++b)
        {
          long n = std::stol(head[0]);
          if (v4)
            {
              const auto block = words(in);
              if (block.size() < 4)
                refuse(file, "has a malformed $Nodes block");
              n = std::stol(block[3]);
              std::vector<long> tags;
              for (long i = 0; i < n; ++i)
                tags.push_back(std::stol(words(in).at(0)));
              for (long i = 0; i < n; ++i)
                {
                  const auto xyz = words(in);
                  if (xyz.size() < 3)
                    refuse(file, "has node " + std::to_string(tags[i]) + " with fewer than 3 coordinates");
                  const std::string tag = std::to_string(tags[i]);
                  nodes[tags[i]]        = {{coordinate(xyz[0], file, tag), coordinate(xyz[1], file, tag),
                                     coordinate(xyz[2], file, tag)}};
                }
              continue;
            }
          for (long i = 0; i < n; ++i)
            {
              const auto row = words(in);
              if (row.size() < 4)
                refuse(file, "has a $Nodes line with fewer than 4 fields (tag x y z) at node " + std::to_string(i + 1));
              nodes[std::stol(row[0])] = {{coordinate(row[1], file, row[0]), coordinate(row[2], file, row[0]),
                                           coordinate(row[3], file, row[0])}};
            }
        }
      return nodes;
    }

    /// The Jacobian determinant at the centre of a hexahedron in gmsh's node order.
    double centre_jacobian(const std::array<Point, 8> &x)
    {
      Point d[3];
      for (int c = 0; c < 3; ++c)
        {
          d[0][c] = (x[1][c] - x[0][c] + x[2][c] - x[3][c] + x[5][c] - x[4][c] + x[6][c] - x[7][c]) / 4;
          d[1][c] = (x[3][c] - x[0][c] + x[2][c] - x[1][c] + x[7][c] - x[4][c] + x[6][c] - x[5][c]) / 4;
          d[2][c] = (x[4][c] - x[0][c] + x[5][c] - x[1][c] + x[6][c] - x[2][c] + x[7][c] - x[3][c]) / 4;
        }
      return d[0][0] * (d[1][1] * d[2][2] - d[1][2] * d[2][1]) - d[0][1] * (d[1][0] * d[2][2] - d[1][2] * d[2][0]) +
             d[0][2] * (d[1][0] * d[2][1] - d[1][1] * d[2][0]);
    }

    void check_hexahedron(const std::map<long, Point> &nodes, const std::vector<long> &tags, const std::string &element,
                          const std::string &file)
    {
      std::array<Point, 8> x;
      for (int v = 0; v < 8; ++v)
        {
          const auto it = nodes.find(tags[v]);
          if (it == nodes.end())
            refuse(file, "has element " + element + " with node " + std::to_string(tags[v]) + ", which $Nodes lacks");
          x[v] = it->second;
        }
      if (!(centre_jacobian(x) > 0))
        refuse(file, "has hexahedron " + element + " with its nodes in mirrored order (its bottom and top faces are "
                       "swapped, so its volume is negative). Fix: reverse it in gmsh (Reverse Volume{...}; or "
                       "Mesh > Reverse) or mesh the volume again");
    }

    void check_elements(std::istream &in, bool v4, const std::map<long, Point> &nodes, const std::string &file)
    {
      const auto head = words(in);
      if (head.empty())
        refuse(file, "has an empty $Elements section");
      if (!v4)
        {
          const long n = std::stol(head[0]);
          for (long i = 0; i < n; ++i)
            {
              const auto row = words(in);
              if (row.size() < 3)
                refuse(file, "has a malformed $Elements line");
              const std::size_t tags = std::stoul(row[2]);
              if (row[1] == "5" && row.size() >= 3 + tags + 8)
                {
                  std::vector<long> ids;
                  for (std::size_t v = 0; v < 8; ++v)
                    ids.push_back(std::stol(row[3 + tags + v]));
                  check_hexahedron(nodes, ids, row[0], file);
                }
            }
          return;
        }
      for (long b = 0, blocks = std::stol(head[0]); b < blocks; ++b)
        {
          const auto block = words(in);
          if (block.size() < 4)
            refuse(file, "has a malformed $Elements block");
          for (long i = 0, n = std::stol(block[3]); i < n; ++i)
            {
              const auto row = words(in);
              if (block[2] == "5" && row.size() >= 9)
                {
                  std::vector<long> ids;
                  for (int v = 1; v <= 8; ++v)
                    ids.push_back(std::stol(row[v]));
                  check_hexahedron(nodes, ids, row[0], file);
                }
            }
        }
    }
  } // namespace

  void check_gmsh_file(const std::string &file)
  {
    std::ifstream in(file);
    if (!in)
      throw std::invalid_argument("cannot open mesh file '" + file + "' (check the path; relative paths are taken "
                                  "from the working directory)");
    if (in.peek() == std::ifstream::traits_type::eof())
      refuse(file, "is empty. Fix: export the mesh from gmsh as ASCII .msh 2.2 or 4.1");
    std::string line;
    bool        format = false, v4 = false;
    std::map<long, Point> nodes;
    try
      {
        while (std::getline(in, line))
          if (line.rfind("$MeshFormat", 0) == 0)
            {
              const auto version = words(in);
              format             = !version.empty();
              v4                 = format && version[0].rfind("4", 0) == 0;
            }
          else if (line.rfind("$Nodes", 0) == 0 && format)
            nodes = read_nodes(in, v4, file);
          else if (line.rfind("$Elements", 0) == 0 && format)
            check_elements(in, v4, nodes, file);
      }
    catch (const std::invalid_argument &)
      {
        throw;
      }
    catch (const Truncated &)
      {
        refuse(file, "cannot be read: it ends inside a section (is it truncated?). Fix: export the mesh again");
      }
    catch (const std::exception &)
      {
        refuse(file, "has a number where gmsh's format needs one that cannot be read. Fix: export the mesh again "
                     "as ASCII .msh 2.2 or 4.1");
      }
    if (!format)
      refuse(file, "is not a gmsh mesh: it has no $MeshFormat section. Fix: give an ASCII .msh 2.2 or 4.1 file "
                   "(gmsh: File > Export, .msh)");
  }
} // namespace leafmech
