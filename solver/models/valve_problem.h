#pragma once
/**
 * @file
 * @brief The valve as a boundary-value problem: annulus held (rigidly or by springs), transmitral pressure on the atrial surface
 * (a follower load), chordae, the fused commissures (a cohesive interface) and the orifice-area measure. The geometry comes from a
 * builder (the parametric generator or a gmsh file); the problems in solver/problems/ register the two.
 */
#include <functional>
#include <optional>
#include <solver/models/problem.h>

namespace leafmech
{
  /// 1 mmHg in MPa.
  constexpr double mmHg = 133.322e-6;

  /// Declares the "Valve physics" subsection (pressure, chordae, tie, orifice raster) in the current subsection.
  void declare_valve_physics(dealii::ParameterHandler &prm);

  class ValveProblem : public Problem
  {
  public:
    using Builder = std::function<ValveMesh(dealii::Triangulation<dim> &serial, double orifice_pixel)>;

    /// Reads "Valve physics" from the current subsection.
    ValveProblem(dealii::ParameterHandler &prm, Builder builder);

    void create_grid(dealii::Triangulation<dim> &tria) const override;
    void dirichlet_values(const dealii::DoFHandler<dim> &dof_handler, double load_factor,
                          std::map<dealii::types::global_dof_index, double> &values) const override;
    double follower_pressure(dealii::types::boundary_id id, double load_factor) const override;
    const ValveFeatures *valve() const override { return &features; }
    /// The elastic annulus about the valve axis (z through the annulus centre); nullptr when it is held rigidly.
    const ElasticSupportSpec *elastic_support() const override { return support ? &*support : nullptr; }
    /// The fibrous ring on the elastic annulus; nullptr without one.
    const HoopRingSpec *hoop_ring() const override { return ring ? &*ring : nullptr; }
    /// The fused commissures, anterolateral (x >= 0) and posteromedial.
    const CohesiveSpec *cohesive_interface() const override { return &cohesive; }
    /// The balloon touches the leaflets anywhere: the proximal bulb the atrial side, the distal bulb the
    /// ventricular side, the waist the free edges, and the faces a split lays open (a split flap carried round
    /// the balloon turns its cut face to it).
    std::vector<dealii::types::boundary_id> contact_surfaces() const override
    {
      return {BoundaryIds::atrial_surface, BoundaryIds::ventricular_surface, BoundaryIds::free_edge,
              BoundaryIds::fusion_interface};
    }

  private:
    Builder            builder;
    double             pressure; ///< MPa
    mutable ValveMesh  mesh;
    mutable ValveFeatures features;
    mutable CohesiveSpec  cohesive; ///< its fused lengths come with the mesh
    std::optional<ElasticSupportSpec> support;
    std::optional<HoopRingSpec>       ring;
  };
} // namespace leafmech
