#include <deal.II/base/quadrature.h>
#include <deal.II/base/utilities.h>
#include <deal.II/fe/fe_values.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <meshes/orifice_area.h>
#include <stdexcept>

namespace leafmech
{
  using namespace dealii;

  namespace
  {
    /// Covered-pixel image of the xy-plane: pixel (i, j) has its centre at lower + (i + 1/2, j + 1/2) pixel.
    struct Raster
    {
      Point<2>                   lower;
      double                     pixel = 0;
      unsigned int               nx = 0, ny = 0;
      std::vector<unsigned char> covered;

      void fill_triangle(const Point<2> &a, const Point<2> &b, const Point<2> &c)
      {
        const double area2 = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
        if (std::abs(area2) < 1e-300)
          return;
        // Pixel centres on a shared edge belong to both triangles: no cracks between neighbouring faces.
        const double tol = -1e-12 * std::abs(area2);
        const auto   to_index = [&](double v, double lo) { return (v - lo) / pixel - 0.5; };
        const int    i0 = std::max(0, int(std::floor(to_index(std::min({a[0], b[0], c[0]}), lower[0]))));
        const int    i1 = std::min(int(nx) - 1, int(std::ceil(to_index(std::max({a[0], b[0], c[0]}), lower[0]))));
        const int    j0 = std::max(0, int(std::floor(to_index(std::min({a[1], b[1], c[1]}), lower[1]))));
        const int    j1 = std::min(int(ny) - 1, int(std::ceil(to_index(std::max({a[1], b[1], c[1]}), lower[1]))));
        const double s  = area2 > 0 ? 1.0 : -1.0;
        for (int j = j0; j <= j1; ++j)
          for (int i = i0; i <= i1; ++i)
            {
              const double x  = lower[0] + (i + 0.5) * pixel, y = lower[1] + (j + 0.5) * pixel;
              const double w0 = s * ((b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]));
              const double w1 = s * ((c[0] - b[0]) * (y - b[1]) - (c[1] - b[1]) * (x - b[0]));
              const double w2 = s * ((a[0] - c[0]) * (y - c[1]) - (a[1] - c[1]) * (x - c[0]));
              if (w0 >= tol && w1 >= tol && w2 >= tol)
                covered[std::size_t(j) * nx + i] = 1;
            }
      }
    };

    /// Number of uncovered pixels not reachable from the border through uncovered pixels (4-connected).
    std::size_t count_hole_pixels(const Raster &r)
    {
      std::vector<unsigned char> outside(r.covered.size(), 0);
      std::deque<std::size_t>    front;
      const auto                 seed = [&](std::size_t k) {
        if (!r.covered[k] && !outside[k])
          {
            outside[k] = 1;
            front.push_back(k);
          }
      };
      for (unsigned int i = 0; i < r.nx; ++i)
        {
          seed(i);
          seed(std::size_t(r.ny - 1) * r.nx + i);
        }
      for (unsigned int j = 0; j < r.ny; ++j)
        {
          seed(std::size_t(j) * r.nx);
          seed(std::size_t(j) * r.nx + r.nx - 1);
        }
      while (!front.empty())
        {
          const std::size_t k = front.front();
          front.pop_front();
          const unsigned int i = k % r.nx, j = k / r.nx;
          if (i > 0)
            seed(k - 1);
          if (i + 1 < r.nx)
            seed(k + 1);
          if (j > 0)
            seed(k - r.nx);
          if (j + 1 < r.ny)
            seed(k + r.nx);
        }
      std::size_t holes = 0;
      for (std::size_t k = 0; k < r.covered.size(); ++k)
        holes += (!r.covered[k] && !outside[k]) ? 1 : 0;
      return holes;
    }
  } // namespace

  double hole_area(const std::vector<ProjectedQuad> &quads, double pixel, MPI_Comm comm)
  {
    if (!(pixel > 0))
      throw std::invalid_argument("orifice area: the raster pixel size must be positive");
    double lo[2] = {std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};
    double hi[2] = {-lo[0], -lo[1]};
    for (const auto &q : quads)
      for (const auto &p : q)
        for (unsigned int d = 0; d < 2; ++d)
          {
            lo[d] = std::min(lo[d], p[d]);
            hi[d] = std::max(hi[d], p[d]);
          }
    for (unsigned int d = 0; d < 2; ++d)
      {
        lo[d] = Utilities::MPI::min(lo[d], comm);
        hi[d] = Utilities::MPI::max(hi[d], comm);
      }
    if (!(hi[0] > lo[0] && hi[1] > lo[1]))
      return 0.0;
    Raster r;
    r.pixel    = pixel;
    r.lower    = Point<2>(lo[0] - 2 * pixel, lo[1] - 2 * pixel); // a free border ring for the flood fill
    r.nx       = static_cast<unsigned int>(std::ceil((hi[0] - lo[0]) / pixel)) + 4;
    r.ny       = static_cast<unsigned int>(std::ceil((hi[1] - lo[1]) / pixel)) + 4;
    if (double(r.nx) * r.ny > 4e8)
      throw std::invalid_argument("orifice area: a " + std::to_string(r.nx) + " x " + std::to_string(r.ny) +
                                  " raster is too large; use a larger pixel size");
    r.covered.assign(std::size_t(r.nx) * r.ny, 0);
    for (const auto &q : quads)
      {
        r.fill_triangle(q[0], q[1], q[3]);
        r.fill_triangle(q[0], q[3], q[2]);
      }
    // Image sizes can exceed INT_MAX elements only for absurd pixel sizes (refused above); chunk anyway.
    const std::size_t chunk = 1 << 26;
    for (std::size_t off = 0; off < r.covered.size(); off += chunk)
      MPI_Allreduce(MPI_IN_PLACE, r.covered.data() + off, int(std::min(chunk, r.covered.size() - off)),
                    MPI_UNSIGNED_CHAR, MPI_BOR, comm);
    return double(count_hole_pixels(r)) * pixel * pixel;
  }

  double orifice_area(const Triangulation<3> &tria, double pixel, MPI_Comm comm)
  {
    std::vector<ProjectedQuad> quads;
    for (const auto &cell : tria.active_cell_iterators())
      if (cell->is_locally_owned())
        for (const unsigned int f : cell->face_indices())
          if (cell->face(f)->at_boundary())
            {
              ProjectedQuad q;
              for (unsigned int v = 0; v < 4; ++v)
                q[v] = Point<2>(cell->face(f)->vertex(v)[0], cell->face(f)->vertex(v)[1]);
              quads.push_back(q);
            }
    return hole_area(quads, pixel, comm);
  }

  double orifice_area(const DoFHandler<3> &dofs, const PETScWrappers::MPI::Vector &u, double pixel, MPI_Comm comm)
  {
    const FiniteElement<3> &fe = dofs.get_fe();
    const unsigned int      m  = 2 * fe.degree;
    std::vector<Point<2>>   grid;
    for (unsigned int j = 0; j <= m; ++j)
      for (unsigned int i = 0; i <= m; ++i)
        grid.emplace_back(double(i) / m, double(j) / m);
    FEFaceValues<3>            face_values(fe, Quadrature<2>(grid), update_values | update_quadrature_points);
    const unsigned int         n = fe.n_dofs_per_cell();
    Vector<double>             local_u(n);
    std::vector<Point<2>>      x(grid.size());
    std::vector<ProjectedQuad> quads;
    for (const auto &cell : dofs.active_cell_iterators())
      if (cell->is_locally_owned())
        for (const unsigned int f : cell->face_indices())
          if (cell->face(f)->at_boundary())
            {
              face_values.reinit(cell, f);
              cell->get_dof_values(u, local_u);
              for (unsigned int q = 0; q < grid.size(); ++q)
                {
                  Point<3> p = face_values.quadrature_point(q);
                  for (unsigned int i = 0; i < n; ++i)
                    {
                      const unsigned int c = fe.system_to_component_index(i).first;
                      if (c < 2)
                        p[c] += local_u[i] * face_values.shape_value(i, q);
                    }
                  x[q] = Point<2>(p[0], p[1]);
                }
              for (unsigned int j = 0; j < m; ++j)
                for (unsigned int i = 0; i < m; ++i)
                  quads.push_back(ProjectedQuad{{x[j * (m + 1) + i], x[j * (m + 1) + i + 1], x[(j + 1) * (m + 1) + i],
                                                 x[(j + 1) * (m + 1) + i + 1]}});
            }
    return hole_area(quads, pixel, comm);
  }
} // namespace leafmech
