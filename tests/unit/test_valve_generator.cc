// The parametric valve: target orifice area at three resolutions, positive Jacobians, ids and counts, mirror
// symmetry, nodules, and refusal of inputs that would invert cells.
#include <deal.II/grid/tria.h>

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <meshes/orifice_area.h>
#include <meshes/valve_generator.h>
#include <set>
#include <base/types.h>

using namespace leafmech;
using namespace dealii;

namespace
{
  double metric(const ValveMesh &mesh, const std::string &name)
  {
    for (const auto &[n, v] : mesh.metrics)
      if (n == name)
        return v;
    ADD_FAILURE() << "no metric " << name;
    return std::nan("");
  }
} // namespace

TEST(ValveGenerator, TargetOrificeAreaAtThreeResolutions)
{
  for (const auto &[around, along] : std::vector<std::pair<unsigned, unsigned>>{{32, 6}, {48, 8}, {96, 16}})
    {
      ValveGeometry g;
      g.cells_around = around;
      g.cells_along  = along;
      Triangulation<3> tria;
      const ValveMesh  mesh = generate_valve(g, tria);
      // Independent re-measurement at a finer raster than the generator used.
      const double area = orifice_area(tria, 0.01, MPI_COMM_SELF) / 100.0;
      EXPECT_NEAR(area, g.target_orifice_area, 0.05 * g.target_orifice_area) << around << " x " << along;
      EXPECT_NEAR(metric(mesh, "orifice area (cm^2)"), g.target_orifice_area, 0.005 * g.target_orifice_area);
      EXPECT_GT(minimum_scaled_jacobian(tria), 0.05) << around << " x " << along;
      EXPECT_EQ(tria.n_active_cells(), around * along);
      std::cout << around << " x " << along << ": " << tria.n_active_cells() << " cells, orifice " << area
                << " cm^2, min scaled Jacobian " << minimum_scaled_jacobian(tria) << "\n";
    }
}

TEST(ValveGenerator, IdsCountsFibresAndChordae)
{
  ValveGeometry g;
  g.nodules = {{"anterior", 60, 0.55, 1.6}, {"anterolateral commissure", 0, 0.8, 1.2}};
  Triangulation<3> tria;
  const ValveMesh  mesh = generate_valve(g, tria);
  std::map<types::material_id, unsigned> materials;
  std::map<types::boundary_id, unsigned> boundaries;
  for (const auto &cell : tria.active_cell_iterators())
    {
      ++materials[cell->material_id()];
      for (const unsigned f : cell->face_indices())
        if (cell->face(f)->at_boundary())
          ++boundaries[cell->face(f)->boundary_id()];
      EXPECT_GT(cell->measure(), 0.0);
    }
  for (types::material_id id = 0; id < MaterialIds::n_materials; ++id)
    EXPECT_GT(materials[id], 0u) << MaterialIds::names()[id];
  for (types::boundary_id id = 0; id <= BoundaryIds::fusion_interface; ++id)
    EXPECT_GT(boundaries[id], 0u) << "boundary id " << id;
  EXPECT_EQ(boundaries[BoundaryIds::other], 0u);
  EXPECT_EQ(boundaries[BoundaryIds::annulus], g.cells_around * g.cells_through_thickness);
  EXPECT_EQ(boundaries[BoundaryIds::fusion_interface], 4 * g.cells_along * g.cells_through_thickness);
  EXPECT_EQ(metric(mesh, "calcium nodules"), 2.0);
  EXPECT_GT(metric(mesh, "calcium volume (mm^3)"), 0.0);
  EXPECT_GT(minimum_scaled_jacobian(tria), 0.05);
  EXPECT_EQ(mesh.chordae.size(), 2u * (g.marginal_chordae_per_leaflet + g.basal_chordae_per_leaflet));
  ASSERT_EQ(mesh.vertex_fibres.size(), tria.n_vertices());
  // Fibres: unit and circumferential, i.e. along the cells' edges that run around the annulus (theta direction),
  // which at the annulus are the annulus contour itself.
  for (unsigned v = 0; v < tria.n_vertices(); ++v)
    EXPECT_NEAR(mesh.vertex_fibres[v].norm(), 1.0, 1e-12);
  double worst = 1.0;
  for (const auto &cell : tria.active_cell_iterators())
    {
      const Tensor<1, 3> edge = (cell->vertex(1) - cell->vertex(0)) / cell->vertex(1).distance(cell->vertex(0));
      worst                   = std::min(worst, mesh.vertex_fibres[cell->vertex_index(0)] * edge);
    }
  EXPECT_GT(worst, 0.95);
}

TEST(ValveGenerator, UnequalFusionAndThickerMeshes)
{
  ValveGeometry g;
  g.anterolateral_fusion    = 4;
  g.posteromedial_fusion    = 10;
  g.cells_through_thickness = 2;
  g.cells_along             = 10;
  Triangulation<3> tria;
  const ValveMesh  mesh = generate_valve(g, tria);
  EXPECT_NEAR(metric(mesh, "orifice area (cm^2)"), g.target_orifice_area, 0.005 * g.target_orifice_area);
  EXPECT_GT(minimum_scaled_jacobian(tria), 0.05);
  EXPECT_EQ(tria.n_active_cells(), g.cells_around * 10 * 2);
  // The longer posteromedial fusion pushes the orifice towards +x and carries more fused tissue.
  double fused_x = 0, fused_volume = 0, orifice_x_sum = 0;
  unsigned n_tip = 0;
  for (const auto &cell : tria.active_cell_iterators())
    {
      if (cell->material_id() == MaterialIds::commissure_fusion)
        {
          fused_x += cell->center()[0] * cell->measure();
          fused_volume += cell->measure();
        }
      for (const unsigned f : cell->face_indices())
        if (cell->face(f)->at_boundary() && cell->face(f)->boundary_id() == BoundaryIds::free_edge)
          {
            orifice_x_sum += cell->face(f)->center()[0];
            ++n_tip;
          }
    }
  EXPECT_LT(fused_x / fused_volume, -1.0) << "fused tissue should sit mostly at the posteromedial (-x) commissure";
  EXPECT_NEAR(orifice_x_sum / n_tip, 0.5 * (10 - 4), 1.0) << "orifice centre shifted by half the fusion difference";
}

TEST(ValveGenerator, MirrorSymmetricWhenTheCommissuresAgree)
{
  ValveGeometry g;
  Triangulation<3> tria;
  const ValveMesh  mesh = generate_valve(g, tria);
  std::multiset<std::array<long, 3>> points, mirrored;
  for (const auto &x : tria.get_vertices())
    {
      points.insert({std::lround(x[0] * 1e6), std::lround(x[1] * 1e6), std::lround(x[2] * 1e6)});
      mirrored.insert({std::lround(-x[0] * 1e6), std::lround(x[1] * 1e6), std::lround(x[2] * 1e6)});
    }
  EXPECT_TRUE(points == mirrored);
  for (const auto &c : mesh.chordae)
    {
      bool found = false;
      for (const auto &d : mesh.chordae)
        found = found || (std::abs(d.attachment[0] + c.attachment[0]) < 1e-9 &&
                          std::abs(d.attachment[1] - c.attachment[1]) < 1e-9 &&
                          std::abs(d.attachment[2] - c.attachment[2]) < 1e-9 && d.papillary != c.papillary);
      EXPECT_TRUE(found) << "chorda at " << c.attachment << " has no mirror image";
    }
}

TEST(ValveGenerator, RefusesInvertingAndImpossibleInputs)
{
  const auto refused = [](const ValveGeometry &g, const std::string &words) {
    Triangulation<3> tria;
    try
      {
        generate_valve(g, tria);
      }
    catch (const std::invalid_argument &e)
      {
        EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
        return;
      }
    ADD_FAILURE() << "accepted an input that should be refused (" << words << ")";
  };
  ValveGeometry thick;
  thick.tip_thickness  = 14;
  thick.base_thickness = 9;
  refused(thick, "cells");
  ValveGeometry short_leaflet;
  short_leaflet.posterior_height = 8;
  refused(short_leaflet, "Posterior leaflet height");
  ValveGeometry fused;
  fused.anterolateral_fusion = fused.posteromedial_fusion = 16;
  refused(fused, "fusion");
  ValveGeometry missed;
  missed.nodules = {{"posterior", 270, 0.5, 0.05}};
  refused(missed, "nodule");
}
