#include <cmath>
#include <iomanip>
#include <leafmech/kernels/contact/balloon_profiles.h>
#include <solver/models/balloon_model.h>
#include <solver/postprocess/vtu_text.h>
#include <sstream>

namespace leafmech
{
  using namespace dealii;

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
