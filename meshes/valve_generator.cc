#include <deal.II/base/utilities.h>
#include <deal.II/grid/grid_tools.h>

#include <cmath>
#include <functional>
#include <base/parsing.h>
#include <meshes/orifice_area.h>
#include <meshes/valve_generator.h>
#include <base/types.h>
#include <sstream>
#include <stdexcept>

namespace leafmech
{
  using namespace dealii;

  namespace
  {
    constexpr double pi = M_PI;

    std::string fmt(double v, int digits = 2)
    {
      std::ostringstream s;
      s.setf(std::ios::fixed);
      s.precision(digits);
      s << v;
      return s.str();
    }

    /// The valve's shape for one orifice width b: annulus, orifice contour, bulge and surfaces.
    class ValveShape
    {
    public:
      ValveShape(const ValveGeometry &geometry, double half_width) : b(half_width), g(geometry)
      {
        Rx = 0.5 * g.intercommissural_diameter;
        Ra = g.anterior_fraction * g.anteroposterior_diameter;
        Rp = (1.0 - g.anterior_fraction) * g.anteroposterior_diameter;
        yc = g.orifice_offset;
        // The orifice ends lie (commissural span + fused length) from each commissure, measured on the surface.
        const double s_al = g.commissural_span + g.anterolateral_fusion;
        const double s_pm = g.commissural_span + g.posteromedial_fusion;
        if (s_al <= std::abs(yc) || s_pm <= std::abs(yc))
          {
            const bool  al      = s_al <= std::abs(yc);
            const double fusion = al ? g.anterolateral_fusion : g.posteromedial_fusion;
            const std::string which = al ? "Anterolateral" : "Posteromedial";
            if (fusion == 0.0)
              throw std::invalid_argument(
                which + " fusion length = 0 (not fused) leaves the orifice's end " + fmt(g.commissural_span) +
                " mm (the Commissural span) from the commissure, which must exceed |Orifice offset| = " +
                fmt(std::abs(yc)) + " mm. Fix: raise Commissural span to the span plus the fusion it replaces "
                "(e.g. 3 + 7 = 10 mm for the same valve unfused) or reduce the offset");
            throw std::invalid_argument("commissural span + fused length (" + fmt(std::min(s_al, s_pm)) +
                                        " mm) must exceed |Orifice offset| = " + fmt(std::abs(yc)) +
                                        " mm; increase Commissural span or reduce the offset");
          }
        a  = orifice_half_length(g);
        xc = 0.5 * (std::sqrt(s_pm * s_pm - yc * yc) - std::sqrt(s_al * s_al - yc * yc));
        if (a < 1.0)
          throw std::invalid_argument("the fused lengths plus commissural spans (" + fmt(2 * (Rx - a)) +
                                      " mm together) leave no orifice across the " +
                                      fmt(g.intercommissural_diameter) + " mm intercommissural diameter; shorten "
                                      "the fusion lengths");
        if (yc + b > Ra - 1.0 || yc - b < -Rp + 1.0 || b <= 0.0)
          throw std::invalid_argument("the orifice (half-width " + fmt(b) + " mm at y = " + fmt(yc) +
                                      " mm) does not fit inside the annulus; lower Target orifice area or move "
                                      "the orifice offset towards the centre");
        const double excess_anterior  = g.anterior_height - straight_length(0.5 * pi);
        const double excess_posterior = g.posterior_height - straight_length(1.5 * pi);
        if (excess_anterior < 0)
          throw std::invalid_argument("Anterior leaflet height " + fmt(g.anterior_height) + " mm is shorter than the "
                                      "straight distance " + fmt(straight_length(0.5 * pi)) + " mm from the annulus to "
                                      "the free edge; lengthen it or reduce Funnel depth");
        if (excess_posterior < 0)
          throw std::invalid_argument("Posterior leaflet height " + fmt(g.posterior_height) + " mm is shorter than the "
                                      "straight distance " + fmt(straight_length(1.5 * pi)) + " mm from the annulus "
                                      "to the free edge; lengthen it, reduce Funnel depth or move the orifice offset "
                                      "towards the posterior annulus");
        bulge_anterior  = bulge_for_length(0.5 * pi, g.anterior_height);
        bulge_posterior = bulge_for_length(1.5 * pi, g.posterior_height);
      }

      /// The bulge delta >= 0 whose meridian at theta has the given length (bisection; length grows with delta).
      double bulge_for_length(double th, double length) const
      {
        double lo = 0.0, hi = 1.0;
        while (meridian_length(th, hi) < length)
          hi *= 2.0;
        for (int it = 0; it < 60; ++it)
          {
            const double mid = 0.5 * (lo + hi);
            (meridian_length(th, mid) < length ? lo : hi) = mid;
          }
        return 0.5 * (lo + hi);
      }

      /// Half-length of the orifice along x: the intercommissural radius less the commissures' projected spans.
      static double orifice_half_length(const ValveGeometry &g)
      {
        const double yc = g.orifice_offset, s_al = g.commissural_span + g.anterolateral_fusion,
                     s_pm = g.commissural_span + g.posteromedial_fusion;
        return 0.5 * g.intercommissural_diameter -
               0.5 * (std::sqrt(std::max(0.0, s_al * s_al - yc * yc)) + std::sqrt(std::max(0.0, s_pm * s_pm - yc * yc)));
      }

      Point<3> annulus(double th) const
      {
        const double s = std::sin(th);
        return Point<3>(Rx * std::cos(th), (s >= 0 ? Ra : Rp) * s, 0.5 * g.saddle_height * std::cos(2 * th));
      }

      Point<2> orifice(double th) const { return Point<2>(xc + a * std::cos(th), yc + b * std::sin(th)); }

      double straight_length(double th) const
      {
        const Point<3> A = annulus(th);
        const Point<2> E = orifice(th);
        return std::hypot(std::hypot(E[0] - A[0], E[1] - A[1]), g.funnel_depth - A[2]);
      }

      /// Length of the meridian at theta whose belly is pushed 4 delta s (1 - s) off its chord (a parabola).
      double meridian_length(double th, double delta) const
      {
        const double   L = straight_length(th);
        const unsigned n = 64;
        double         length = 0.0;
        for (unsigned i = 0; i < n; ++i)
          {
            const double s0 = double(i) / n, s1 = double(i + 1) / n;
            length += std::hypot(L * (s1 - s0), 4 * delta * (s1 * (1 - s1) - s0 * (1 - s0)));
          }
        return length;
      }

      /// Bulge at theta: the leaflet middles get their heights, tapering as sin^2 to the commissures (smooth there).
      double bulge(double th) const
      {
        const double sn = std::sin(th);
        return (sn >= 0 ? bulge_anterior : bulge_posterior) * sn * sn;
      }

      /**
       * Atrial surface point: the chord from the annulus to the orifice contour, its belly pushed 4 delta s (1 - s)
       * perpendicular to the chord towards the ventricle (down and outward), so the ventricular surface, offset
       * to this convex side, never folds.
       */
      Point<3> atrial(double th, double s) const
      {
        const Point<3>     A = annulus(th);
        const Point<2>     E = orifice(th);
        const Tensor<1, 3> chord({E[0] - A[0], E[1] - A[1], g.funnel_depth - A[2]});
        const double       c_r = std::hypot(chord[0], chord[1]);
        const Tensor<1, 3> inward({chord[0] / c_r, chord[1] / c_r, 0.0});
        Tensor<1, 3>       belly = -chord[2] * inward;
        belly[2] += c_r;
        belly /= belly.norm();
        return A + s * chord + 4 * bulge(th) * s * (1 - s) * belly;
      }

      double thickness(double s) const { return g.base_thickness + (g.tip_thickness - g.base_thickness) * s * s; }

      /// Circumferential tangent (unnormalised) and the unit normal towards the ventricle.
      void frame(double th, double s, Tensor<1, 3> &t_theta, Tensor<1, 3> &normal) const
      {
        const double h = 1e-6;
        t_theta        = (atrial(th + h, s) - atrial(th - h, s)) / (2 * h);
        const Tensor<1, 3> t_s = (atrial(th, s + h) - atrial(th, s - h)) / (2 * h);
        normal                 = cross_product_3d(t_theta, t_s);
        normal /= normal.norm();
      }

      double a, b, xc, yc, Rx, Ra, Rp;

    private:
      const ValveGeometry &g;
      double               bulge_anterior = 0, bulge_posterior = 0;
    };

    struct CellIndex
    {
      unsigned int piece, k, j, l; ///< piece 0 anterior, 1 posterior; k local angle, j along, l through thickness
    };

    /// Builds the two leaflet pieces for one orifice width into tria; fills fibres and the cell index map.
    void build(const ValveGeometry &g, const ValveShape &shape, Triangulation<3> &tria, ValveMesh &mesh,
               std::vector<CellIndex> &index)
    {
      const unsigned int n = g.cells_around, m = n / 2, ns = g.cells_along, nt = g.cells_through_thickness;
      std::vector<Point<3>> vertices;
      mesh.vertex_fibres.clear();
      const auto vertex_id = [&](unsigned int piece, unsigned int k, unsigned int j, unsigned int l) {
        return ((piece * (m + 1) + k) * (ns + 1) + j) * (nt + 1) + l;
      };
      for (unsigned int piece = 0; piece < 2; ++piece)
        for (unsigned int k = 0; k <= m; ++k)
          {
            // The same global angle index gives bitwise identical points on both sides of a commissure.
            const unsigned int kg = (piece * m + k) % n;
            const double       th = 2 * pi * kg / n;
            for (unsigned int j = 0; j <= ns; ++j)
              {
                const double s = double(j) / ns;
                const Point<3> P = shape.atrial(th, s);
                Tensor<1, 3> t_theta, normal;
                shape.frame(th, s, t_theta, normal);
                for (unsigned int l = 0; l <= nt; ++l)
                  {
                    vertices.push_back(P + (double(l) / nt) * shape.thickness(s) * normal);
                    mesh.vertex_fibres.push_back(t_theta / t_theta.norm());
                  }
              }
          }
      std::vector<CellData<3>> cells;
      index.clear();
      for (unsigned int piece = 0; piece < 2; ++piece)
        for (unsigned int k = 0; k < m; ++k)
          for (unsigned int j = 0; j < ns; ++j)
            for (unsigned int l = 0; l < nt; ++l)
              {
                CellData<3> c;
                for (unsigned int v = 0; v < 8; ++v)
                  c.vertices[v] = vertex_id(piece, k + (v & 1), j + ((v >> 1) & 1), l + ((v >> 2) & 1));
                c.material_id = piece == 0 ? MaterialIds::leaflet_anterior : MaterialIds::leaflet_posterior;
                cells.push_back(c);
                index.push_back({piece, k, j, l});
              }
      tria.clear();
      tria.create_triangulation(vertices, cells, SubCellData());
      for (const auto &cell : tria.active_cell_iterators())
        {
          const CellIndex &i = index[cell->active_cell_index()];
          const auto       mark = [&](unsigned int face, types::boundary_id id) {
            Assert(cell->face(face)->at_boundary(), ExcInternalError());
            cell->face(face)->set_boundary_id(id);
          };
          if (i.k == 0)
            mark(0, BoundaryIds::fusion_interface);
          if (i.k == m - 1)
            mark(1, BoundaryIds::fusion_interface);
          if (i.j == 0)
            mark(2, BoundaryIds::annulus);
          if (i.j == ns - 1)
            mark(3, BoundaryIds::free_edge);
          if (i.l == 0)
            mark(4, BoundaryIds::atrial_surface);
          if (i.l == nt - 1)
            mark(5, BoundaryIds::ventricular_surface);
        }
    }

    /// commissure_fusion cells: within half the fusion width of a commissure meridian, on its fused part.
    void mark_fusion(const ValveGeometry &g, const ValveShape &shape, Triangulation<3> &tria,
                     const std::vector<CellIndex> &index, ValveMesh &mesh)
    {
      const unsigned int n = g.cells_around, ns = g.cells_along;
      double             fused_volume[2] = {0, 0};
      for (const auto &cell : tria.active_cell_iterators())
        {
          const CellIndex &i  = index[cell->active_cell_index()];
          const double     th = 2 * pi * (i.piece * n / 2 + i.k + 0.5) / n, s = (i.j + 0.5) / ns;
          for (unsigned int c = 0; c < 2; ++c)
            {
              const double fused = c == 0 ? g.anterolateral_fusion : g.posteromedial_fusion;
              if (fused <= 0)
                continue;
              const double th_c  = c == 0 ? (th > pi ? 2 * pi : 0.0) : pi;
              const double s_min = g.commissural_span / (g.commissural_span + fused);
              const double away  = shape.atrial(th, s).distance(shape.atrial(th_c, s));
              if (s >= s_min && away < 0.5 * g.fusion_width)
                {
                  cell->set_material_id(MaterialIds::commissure_fusion);
                  fused_volume[c] += cell->measure();
                }
            }
        }
      mesh.fused_length_mm = {g.anterolateral_fusion, g.posteromedial_fusion};
      mesh.add_metric("anterolateral fused length (mm)", g.anterolateral_fusion);
      mesh.add_metric("posteromedial fused length (mm)", g.posteromedial_fusion);
      for (unsigned int c = 0; c < 2; ++c)
        if ((c == 0 ? g.anterolateral_fusion : g.posteromedial_fusion) > 0 && fused_volume[c] == 0)
          throw std::invalid_argument(std::string(c == 0 ? "anterolateral" : "posteromedial") +
                                      " fusion zone contains no cell: Fusion width is narrower than the cells; widen "
                                      "it or use more Cells around");
      mesh.add_metric("commissure_fusion volume (mm^3)", fused_volume[0] + fused_volume[1]);
    }

    /// Volume (mm^3) of the union of spheres: their sum when none overlap, else by counting the points of a fine
    /// grid (h = smallest radius / 24).
    double union_volume(const std::vector<std::pair<Point<3>, double>> &spheres)
    {
      double separate = 0.0; // exact while no two spheres overlap
      bool   overlap  = false;
      for (std::size_t i = 0; i < spheres.size(); ++i)
        {
          separate += 4.0 / 3.0 * pi * std::pow(spheres[i].second, 3);
          for (std::size_t j = 0; j < i; ++j)
            overlap = overlap ||
                      spheres[i].first.distance(spheres[j].first) < spheres[i].second + spheres[j].second;
        }
      if (!overlap)
        return separate;
      Point<3> lo = spheres[0].first, hi = lo;
      double   h  = spheres[0].second;
      for (const auto &[c, r] : spheres)
        for (unsigned int d = 0; d < 3; ++d)
          {
            lo[d] = std::min(lo[d], c[d] - r), hi[d] = std::max(hi[d], c[d] + r);
            h     = std::min(h, r);
          }
      h /= 24.0;
      std::size_t inside = 0;
      for (double x = lo[0] + 0.5 * h; x < hi[0]; x += h)
        for (double y = lo[1] + 0.5 * h; y < hi[1]; y += h)
          for (double z = lo[2] + 0.5 * h; z < hi[2]; z += h)
            for (const auto &[c, r] : spheres)
              if (Point<3>(x, y, z).distance(c) <= r)
                {
                  ++inside;
                  break;
                }
      return inside * h * h * h;
    }

    void mark_calcium(const ValveGeometry &g, const ValveShape &shape, Triangulation<3> &tria, ValveMesh &mesh)
    {
      double                                  volume = 0.0;
      std::vector<bool>                       calcified(tria.n_active_cells(), false);
      std::vector<std::pair<Point<3>, double>> spheres;
      for (const CalciumNodule &nod : g.nodules)
        {
          double th = nod.angle_deg * pi / 180.0;
          if (nod.site == "anterolateral commissure")
            th = std::fmod(2 * pi + th, 2 * pi);
          else if (nod.site == "posteromedial commissure")
            th = pi + th;
          const double s = nod.radial_fraction;
          Tensor<1, 3> t_theta, normal;
          shape.frame(th, s, t_theta, normal);
          const Point<3> centre = shape.atrial(th, s) + 0.5 * shape.thickness(s) * normal;
          // A nodule inside another adds no calcium: it is a repeated or mistyped entry.
          const std::string name = "'" + nod.site + ": " + fmt(nod.angle_deg, 1) + ", " + fmt(nod.radial_fraction) +
                                   ", " + fmt(nod.radius_mm) + "'";
          for (std::size_t k = 0; k < spheres.size(); ++k)
            if (centre.distance(spheres[k].first) + std::min(nod.radius_mm, spheres[k].second) <=
                std::max(nod.radius_mm, spheres[k].second) + 1e-9)
              throw std::invalid_argument("Calcium nodules: nodule " + std::to_string(spheres.size() + 1) + " " +
                                          name + " and nodule " + std::to_string(k + 1) +
                                          " lie one inside the other (the same calcium twice); remove one of them");
          spheres.emplace_back(centre, nod.radius_mm);
          unsigned int   hits   = 0;
          for (const auto &cell : tria.active_cell_iterators())
            if (cell->center().distance(centre) <= nod.radius_mm)
              {
                ++hits;
                if (!calcified[cell->active_cell_index()])
                  volume += cell->measure();
                calcified[cell->active_cell_index()] = true;
                cell->set_material_id(MaterialIds::calcium);
              }
          if (hits == 0)
            throw std::invalid_argument("calcium nodule " + name + " contains no cell centre; enlarge its radius or "
                                        "refine the mesh");
        }
      // Both volumes count overlapping nodules once: the cells marked, and the union of the nodule spheres.
      const double nominal = union_volume(spheres);
      mesh.add_metric("calcium nodules", double(g.nodules.size()));
      mesh.add_metric("calcium volume (mm^3)", volume);
      mesh.add_metric("calcium nominal sphere volume (mm^3)", nominal); // of the union of the spheres
    }

    void add_chordae(const ValveGeometry &g, const Triangulation<3> &tria, ValveMesh &mesh)
    {
      const unsigned int n = g.cells_around, m = n / 2, ns = g.cells_along, nt = g.cells_through_thickness;
      // Vertex positions in the order build() numbered them.
      const auto &vertices = tria.get_vertices();
      const auto  vertex   = [&](unsigned int piece, unsigned int k, unsigned int j) {
        return vertices[((piece * (m + 1) + k) * (ns + 1) + j) * (nt + 1) + nt];
      };
      const auto add_row = [&](unsigned int count, unsigned int j, const std::string &kind) {
        for (unsigned int piece = 0; piece < 2; ++piece)
          for (unsigned int i = 0; i < count / 2; ++i)
            {
              // One half of the leaflet, then its mirror image: a symmetric valve gets symmetric chordae.
              const unsigned int k = std::max(1u, std::min(m / 2, unsigned(std::lround((i + 0.5) * m / count))));
              for (const unsigned int kk : {k, m - k})
                {
                  const unsigned int kg    = piece * m + kk;
                  const bool         right = std::cos(2 * pi * kg / n) > 0;
                  mesh.chordae.push_back({vertex(piece, kk, j),
                                          right ? g.anterolateral_papillary_tip : g.posteromedial_papillary_tip,
                                          right ? "anterolateral" : "posteromedial", kind});
                }
            }
      };
      add_row(g.marginal_chordae_per_leaflet, ns, "marginal");
      add_row(g.basal_chordae_per_leaflet, unsigned(std::lround(g.basal_attachment_fraction * ns)), "basal");
      mesh.add_metric("chordae", double(mesh.chordae.size()));
    }

    std::vector<CalciumNodule> parse_nodules(const std::string &text)
    {
      std::vector<CalciumNodule> result;
      const std::string          entry = "Calcium nodules";
      for (const std::string &item : Utilities::split_string_list(text, ';'))
        {
          if (item.empty())
            continue;
          const auto        colon = item.find(':');
          const std::string form  = "'site: angle_deg, radial_fraction, radius_mm' with site anterior, posterior, "
                                   "anterolateral commissure or posteromedial commissure";
          if (colon == std::string::npos)
            throw std::invalid_argument(entry + ": '" + excerpt(item) + "' should read " + form);
          const std::vector<double> nums = parse_numbers(item.substr(colon + 1), ',', entry, form, 3);
          CalciumNodule n{Utilities::trim(item.substr(0, colon)), nums[0], nums[1], nums[2]};
          const bool commissure = n.site == "anterolateral commissure" || n.site == "posteromedial commissure";
          if (!commissure && n.site != "anterior" && n.site != "posterior")
            throw std::invalid_argument(entry + ": unknown site '" + n.site + "' (anterior, posterior, "
                                        "anterolateral commissure, posteromedial commissure)");
          if (n.site == "anterior" && !(n.angle_deg > 0 && n.angle_deg < 180))
            throw std::invalid_argument(entry + ": an anterior nodule needs 0 < angle < 180 deg, got " +
                                        fmt(n.angle_deg, 1));
          if (n.site == "posterior" && !(n.angle_deg > 180 && n.angle_deg < 360))
            throw std::invalid_argument(entry + ": a posterior nodule needs 180 < angle < 360 deg, got " +
                                        fmt(n.angle_deg, 1));
          if (commissure && std::abs(n.angle_deg) >= 90)
            throw std::invalid_argument(entry + ": a commissural nodule's angle is an offset from the commissure "
                                        "and must lie within +-90 deg");
          if (!(n.radial_fraction >= 0 && n.radial_fraction <= 1) || !(n.radius_mm > 0))
            throw std::invalid_argument(entry + ": '" + item + "' needs 0 <= radial_fraction <= 1 and radius > 0");
          result.push_back(n);
        }
      return result;
    }
  } // namespace

  void declare_valve_geometry(ParameterHandler &prm)
  {
    const auto d = [&](const char *name, const char *def, const Patterns::PatternBase &p, const char *doc) {
      prm.declare_entry(name, def, p, doc);
    };
    d("Intercommissural diameter", "34", Patterns::Double(10, 60),
      "Annulus diameter through the two commissures, along x (mm). Adults: 34-39 mm (3D echo).");
    d("Anteroposterior diameter", "27", Patterns::Double(8, 60), "Annulus diameter along y (mm). Adults: 24-29 mm.");
    d("Saddle height", "6", Patterns::Double(0, 20),
      "Height of the saddle-shaped annulus (mm): anterior and posterior points higher (atrial) than the commissures "
      "by this much. Adults: 5.6-6.9 mm.");
    d("Anterior fraction", "0.45", Patterns::Double(0.2, 0.8),
      "Share of the anteroposterior diameter lying anterior of the centre: below 0.5 flattens the anterior side of "
      "the D (dimensionless).");
    d("Anterior leaflet height", "22", Patterns::Double(1, 60),
      "Anterior leaflet length from annulus to free edge along its middle (mm); longer than the posterior one.");
    d("Posterior leaflet height", "16", Patterns::Double(1, 60),
      "Posterior leaflet length from annulus to free edge along its middle (mm).");
    d("Funnel depth", "8", Patterns::Double(0.5, 40),
      "Depth of the free edge (the orifice) below the annulus plane, into the ventricle (mm).");
    d("Orifice offset", "-3", Patterns::Double(-20, 20),
      "y of the orifice centre (mm); negative moves it towards the posterior annulus, as in most stenotic valves.");
    d("Base thickness", "2", Patterns::Double(0.2, 10), "Leaflet thickness at the annulus (mm).");
    d("Tip thickness", "3.5", Patterns::Double(0.2, 20),
      "Leaflet thickness at the free edge (mm); rheumatic leaflets are thickest at the tips (2-4 mm anatomically, "
      "more on echo).");
    d("Anterolateral fusion length", "7", Patterns::Double(0, 30),
      "Fused length of the anterolateral commissure, from the commissure towards the centre (mm); 0 = not fused "
      "(the commissural leaflet then runs to the orifice: raise Commissural span by the fusion it replaces).");
    d("Posteromedial fusion length", "7", Patterns::Double(0, 30),
      "Fused length of the posteromedial commissure (mm); 0 = not fused (raise Commissural span likewise).");
    d("Commissural span", "3", Patterns::Double(0.5, 20),
      "Unfused commissural leaflet between the annulus and the start of the fusion (mm).");
    d("Fusion width", "4", Patterns::Double(0.1, 20),
      "Circumferential width of the commissure_fusion tissue, centred on the fusion interface (mm).");
    d("Target orifice area", "1.0", Patterns::Double(0.05, 8),
      "Geometric orifice area of the generated valve seen along the axis (cm^2); severe stenosis <= 1.0-1.5 cm^2. "
      "The generator adjusts the orifice width until the measured area is within 0.5 %.");
    d("Calcium nodules", "", Patterns::Anything(),
      "Calcium nodules 'site: angle_deg, radial_fraction, radius_mm; ...' with site anterior (0<angle<180), "
      "posterior (180<angle<360), anterolateral commissure or posteromedial commissure (angle = offset from the "
      "commissure); radial fraction 0 at the annulus, 1 at the free edge. Cells whose centre lies within the radius "
      "of the nodule centre (mid-thickness) get the calcium material.");
    d("Marginal chordae per leaflet", "4", Patterns::Integer(0, 32),
      "Chordae attached at the free edge of each leaflet, half to each papillary muscle (an even number).");
    d("Basal chordae per leaflet", "2", Patterns::Integer(0, 32),
      "Chordae attached to the ventricular surface of each leaflet (an even number).");
    d("Basal attachment fraction", "0.6", Patterns::Double(0, 1),
      "Where basal chordae attach: fraction of the leaflet height from the annulus.");
    d("Anterolateral papillary tip", "12, -4, 26", Patterns::Anything(),
      "Anterolateral papillary-muscle tip 'x, y, z' (mm); chordae on the +x half attach to it.");
    d("Posteromedial papillary tip", "-12, -4, 26", Patterns::Anything(),
      "Posteromedial papillary-muscle tip 'x, y, z' (mm); chordae on the -x half attach to it.");
    d("Cells around", "48", Patterns::Integer(8, 1024),
      "Cells around the annulus, both leaflets together (a multiple of 4).");
    d("Cells along", "8", Patterns::Integer(1, 256), "Cells from the annulus to the free edge.");
    d("Cells through thickness", "1", Patterns::Integer(1, 16), "Cells through the leaflet thickness.");
    d("Minimum scaled Jacobian", "0.05", Patterns::Double(0, 1),
      "Meshes whose smallest scaled Jacobian (1 = cube, <= 0 inverted) falls below this are refused.");
  }

  ValveGeometry parse_valve_geometry(ParameterHandler &prm)
  {
    ValveGeometry g;
    g.intercommissural_diameter    = prm.get_double("Intercommissural diameter");
    g.anteroposterior_diameter     = prm.get_double("Anteroposterior diameter");
    g.saddle_height                = prm.get_double("Saddle height");
    g.anterior_fraction            = prm.get_double("Anterior fraction");
    g.anterior_height              = prm.get_double("Anterior leaflet height");
    g.posterior_height             = prm.get_double("Posterior leaflet height");
    g.funnel_depth                 = prm.get_double("Funnel depth");
    g.orifice_offset               = prm.get_double("Orifice offset");
    g.base_thickness               = prm.get_double("Base thickness");
    g.tip_thickness                = prm.get_double("Tip thickness");
    g.anterolateral_fusion         = prm.get_double("Anterolateral fusion length");
    g.posteromedial_fusion         = prm.get_double("Posteromedial fusion length");
    g.commissural_span             = prm.get_double("Commissural span");
    g.fusion_width                 = prm.get_double("Fusion width");
    g.target_orifice_area          = prm.get_double("Target orifice area");
    g.nodules                      = parse_nodules(prm.get("Calcium nodules"));
    g.marginal_chordae_per_leaflet = prm.get_integer("Marginal chordae per leaflet");
    g.basal_chordae_per_leaflet    = prm.get_integer("Basal chordae per leaflet");
    g.basal_attachment_fraction    = prm.get_double("Basal attachment fraction");
    g.anterolateral_papillary_tip  = parse_point(prm.get("Anterolateral papillary tip"), "Anterolateral papillary tip");
    g.posteromedial_papillary_tip  = parse_point(prm.get("Posteromedial papillary tip"), "Posteromedial papillary tip");
    g.cells_around                 = prm.get_integer("Cells around");
    g.cells_along                  = prm.get_integer("Cells along");
    g.cells_through_thickness      = prm.get_integer("Cells through thickness");
    g.minimum_scaled_jacobian      = prm.get_double("Minimum scaled Jacobian");
    if (g.cells_around % 4 != 0)
      throw std::invalid_argument("Cells around = " + std::to_string(g.cells_around) +
                                  ": must be a multiple of 4 (nodes at both commissures and both leaflet middles)");
    if (g.marginal_chordae_per_leaflet % 2 != 0 || g.basal_chordae_per_leaflet % 2 != 0)
      throw std::invalid_argument("Marginal/Basal chordae per leaflet must be even: each papillary muscle takes half");
    if (std::max(g.marginal_chordae_per_leaflet, g.basal_chordae_per_leaflet) > g.cells_around / 4)
      throw std::invalid_argument("more chordae per leaflet than vertices along half a leaflet; use more Cells around");
    return g;
  }

  double minimum_scaled_jacobian(const Triangulation<3> &tria)
  {
    double worst = 1.0;
    for (const auto &cell : tria.active_cell_iterators())
      for (unsigned int v = 0; v < 8; ++v)
        {
          // Edges leaving corner v along the three reference directions, oriented with increasing xi.
          Tensor<1, 3> e[3];
          for (unsigned int d = 0; d < 3; ++d)
            {
              const unsigned int w = v ^ (1u << d);
              e[d]                 = (v & (1u << d)) ? cell->vertex(v) - cell->vertex(w) : cell->vertex(w) - cell->vertex(v);
            }
          const double scale = e[0].norm() * e[1].norm() * e[2].norm();
          const double sj    = scale > 0 ? (cross_product_3d(e[0], e[1]) * e[2]) / scale : -1.0;
          worst              = std::min(worst, sj);
        }
    return worst;
  }

  ValveMesh generate_valve(const ValveGeometry &g, Triangulation<3> &tria)
  {
    const double target = 100.0 * g.target_orifice_area; // mm^2
    ValveMesh    mesh;
    std::vector<CellIndex> index;
    // Orifice width: start from the ellipse area, then secant steps on the measured (projected) area.
    double b_prev = 0, area_prev = 0;
    double b      = target / (pi * std::max(1.0, ValveShape::orifice_half_length(g)));
    double area   = 0;
    unsigned int it = 0;
    for (; it < 12; ++it)
      {
        const ValveShape shape(g, b);
        build(g, shape, tria, mesh, index);
        area = orifice_area(tria, g.orifice_pixel, MPI_COMM_SELF);
        if (std::abs(area - target) <= 0.005 * target)
          break;
        const double slope = (it == 0 || b == b_prev) ? pi * shape.a : (area - area_prev) / (b - b_prev);
        b_prev    = b;
        area_prev = area;
        b         = std::max(0.5 * b, b + (target - area) / std::max(slope, 1e-3));
      }
    if (std::abs(area - target) > 0.005 * target)
      throw std::invalid_argument("the orifice area cannot be brought to the target " + fmt(g.target_orifice_area) +
                                  " cm^2 (reached " + fmt(area / 100.0, 3) + " cm^2): the leaflets' shadow closes or "
                                  "widens the orifice; change Target orifice area, the thicknesses or the funnel");
    const ValveShape shape(g, b);
    mark_fusion(g, shape, tria, index, mesh);
    mark_calcium(g, shape, tria, mesh);
    add_chordae(g, tria, mesh);

    const double sj = minimum_scaled_jacobian(tria);
    if (!(sj > g.minimum_scaled_jacobian))
      throw std::invalid_argument("the valve mesh would have " + std::string(sj <= 0 ? "inverted" : "degenerate") +
                                  " cells (minimum scaled Jacobian " + fmt(sj, 3) + ", limit " +
                                  fmt(g.minimum_scaled_jacobian, 3) + "): the leaflet is too thick for its "
                                  "curvature or the cells too stretched; reduce Tip/Base thickness or Funnel depth, "
                                  "or change Cells around/along");
    mesh.add_metric("cells", tria.n_active_cells());
    mesh.add_metric("minimum scaled Jacobian", sj);
    mesh.add_metric("orifice area (cm^2)", area / 100.0);
    mesh.add_metric("target orifice area (cm^2)", g.target_orifice_area);
    mesh.add_metric("orifice half-length a (mm)", shape.a);
    mesh.add_metric("orifice half-width b (mm)", b);
    mesh.add_metric("orifice width iterations", it + 1);
    return mesh;
  }
} // namespace leafmech
