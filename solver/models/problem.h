#pragma once
/**
 * @file
 * @brief A boundary-value problem: reference geometry, Dirichlet data and dead-load tractions as functions of
 * the load factor in [0, 1]. Each problem registers itself from its own file in solver/problems/.
 */
#include <deal.II/base/parameter_handler.h>
#include <deal.II/base/point.h>
#include <deal.II/base/tensor.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/grid/tria.h>

#include <leafmech/kernels/cable.h>
#include <leafmech/kernels/cohesive.h>

#include <functional>
#include <map>
#include <memory>
#include <meshes/valve_mesh.h>
#include <base/registry.h>
#include <base/types.h>

namespace leafmech
{
  /// Leaflet tissue strength (the tear measure of solver/tear_assessment.h).
  struct TissueStrength
  {
    double fibre_direction = 2.0;  ///< ultimate stress along the fibres (MPa)
    double cross_fibre     = 0.35; ///< ultimate stress across them (MPa)
  };

  /// What a valve problem adds to a plain solid: fibres, chordae, orifice area.
  struct ValveFeatures
  {
    const ValveMesh      *mesh = nullptr; ///< vertex fibres, chordae, metrics (filled by create_grid)
    kernels::CableLaw     chord_law;
    double                chord_rest_length_factor = 1.0; ///< rest length / reference length at full load
    double                orifice_pixel            = 0.02; ///< mm, orifice-area raster
    TissueStrength        leaflet_strength;
  };

  /// A cohesive interface on the faces with boundary id fusion_interface (the fused commissures).
  struct CohesiveSpec
  {
    /// The laws in order of increasing strength; a node takes the strongest that any of its cells asks for.
    std::vector<kernels::CohesiveLaw> laws;
    /// Which law the interface takes beside a cell of this material (an index into `laws`).
    std::function<unsigned int(dealii::types::material_id)> law_of = [](dealii::types::material_id) { return 0u; };
    std::vector<std::string> groups; ///< names of the separately reported parts (e.g. the two commissures)
    /// Per group, the fused length the geometry was built with (mm); empty: not known.
    std::vector<double> fused_length_mm;
    /// Which group a reference point of the interface belongs to (an index into `groups`).
    std::function<unsigned int(const dealii::Point<dim> &)> group_of;
  };

  /**
   * @brief Springs to ground on a boundary (an elastic foundation, as the myocardium holds the annulus): per
   * reference area the face feels t = -(k_r (u.e_r) e_r + k_o (u - (u.e_r) e_r)), e_r the direction away from
   * the axis in the plane normal to it at the face's reference point.
   */
  struct ElasticSupportSpec
  {
    dealii::types::boundary_id boundary;
    double                     radial_stiffness; ///< k_r (MPa/mm = N/mm^3)
    double                     other_stiffness;  ///< k_o, circumferential and axial (MPa/mm)
    dealii::Point<dim>         axis_point;
    dealii::Tensor<1, dim>     axis_direction;   ///< unit
  };

  /**
   * @brief A hoop membrane on a boundary (the fibrous annulus as a ring): it resists the change of length along
   * the circle about the axis and nothing else, so a ring of stiffness E t can ovalise freely where radial
   * springs would resist every local outward motion alike. Per reference area of the face it stores
   * E t / 2 (lambda - 1)^2, lambda the stretch of the face's hoop direction.
   */
  struct HoopRingSpec
  {
    dealii::types::boundary_id boundary;
    double                     stiffness; ///< E t, hoop force per unit height of the face per unit strain (N/mm)
    dealii::Point<dim>         axis_point;
    dealii::Tensor<1, dim>     axis_direction; ///< unit
  };

  class Problem
  {
  public:
    virtual ~Problem() = default;

    /// Builds the reference (undeformed) mesh with material and boundary ids set.
    virtual void create_grid(dealii::Triangulation<dim> &tria) const = 0;

    /// Prescribed displacements (mm) at the given load factor, for the boundary dofs of locally owned cells.
    virtual void dirichlet_values(const dealii::DoFHandler<dim> &dof_handler, double load_factor,
                                  std::map<dealii::types::global_dof_index, double> &values) const = 0;

    /**
     * @brief Dead-load traction (MPa, per reference area) on a boundary face at reference point X.
     * @return false where the boundary is traction-free.
     */
    virtual bool traction(dealii::types::boundary_id id, const dealii::Point<dim> &X, double load_factor,
                          dealii::Tensor<1, dim> &t) const
    {
      (void)id, (void)X, (void)load_factor, (void)t;
      return false;
    }

    /// Pressure (MPa) on boundary faces with this id, acting normal to the deformed face and into the solid.
    virtual double follower_pressure(dealii::types::boundary_id id, double load_factor) const
    {
      (void)id, (void)load_factor;
      return 0.0;
    }

    /// Boundary ids of the faces the balloon may touch (empty: the problem takes no balloon).
    virtual std::vector<dealii::types::boundary_id> contact_surfaces() const { return {}; }

    /// The cohesive interface on fusion_interface faces; nullptr if the problem has none.
    virtual const CohesiveSpec *cohesive_interface() const { return nullptr; }

    /// The elastic support of a boundary; nullptr if the problem has none.
    virtual const ElasticSupportSpec *elastic_support() const { return nullptr; }
    /// A hoop ring on a boundary; nullptr if none.
    virtual const HoopRingSpec *hoop_ring() const { return nullptr; }

    /// Valve-specific features; nullptr for problems that are not a valve.
    virtual const ValveFeatures *valve() const { return nullptr; }
  };

  struct ProblemInfo
  {
    std::string                                                                    description;
    std::function<void(dealii::ParameterHandler &)>                                declare;
    std::function<std::unique_ptr<Problem>(dealii::ParameterHandler &)>            create;
  };

  using ProblemRegistry = Registry<ProblemInfo>;

  /// Declares "Geometry" with the problem choice and one subsection per registered problem.
  void declare_problem_parameters(dealii::ParameterHandler &prm);

  /// Creates the problem chosen in "Geometry/Problem".
  std::unique_ptr<Problem> create_problem(dealii::ParameterHandler &prm);

  /// Gives every cell of `serial` one material id and copies it into `tria` (single-material benchmark grids).
  void copy_with_material(dealii::Triangulation<dim> &serial, dealii::types::material_id id,
                          dealii::Triangulation<dim> &tria);

  /// Adds values of one displacement component on one boundary to a Dirichlet map.
  void add_boundary_component(const dealii::DoFHandler<dim> &dof_handler, dealii::types::boundary_id id,
                              unsigned int component, const std::function<double(const dealii::Point<dim> &)> &value,
                              std::map<dealii::types::global_dof_index, double> &values);
} // namespace leafmech
