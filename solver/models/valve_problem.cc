#include <solver/models/valve_problem.h>

namespace leafmech
{
  using namespace dealii;

  void declare_valve_physics(ParameterHandler &prm)
  {
    prm.enter_subsection("Valve physics");
    prm.declare_entry("Transmitral pressure (mmHg)", "10", Patterns::Double(-300, 300),
                      "Diastolic pressure difference, atrium minus ventricle (mmHg), acting on the atrial surface and "
                      "following it as it deforms; ramped with the load factor.");
    prm.declare_entry("Chordae stiffness", "20", Patterns::Double(0, 1e4),
                      "Axial stiffness EA of one chorda (N) in its linear range.");
    prm.declare_entry("Chordae toe strain", "0.03", Patterns::Double(1e-6, 1),
                      "Strain at which a chorda's toe region (crimp straightening) ends (dimensionless).");
    prm.declare_entry("Chordae rest length factor", "0.9", Patterns::Double(0.5, 1.5),
                      "Rest length over the reference length at full load; below 1 models rheumatic chordal "
                      "shortening (tethering grows with the load factor). Dimensionless.");
    prm.declare_entry("Fusion strength", "0.3", Patterns::Double(1e-6, 100),
                      "Peak traction (MPa) the fused commissure carries before it starts to split (the cohesive law of "
                      "kernels/cohesive.h on the fusion_interface; its intact stiffness is 27/4 strength / final "
                      "opening). Fused-commissure "
                      "strength is not measured: the default is the leaflet's radial strength (0.3-0.4 MPa), an "
                      "assumption to vary.");
    prm.declare_entry("Fusion fracture energy", "0.1", Patterns::Double(1e-9, 100),
                      "Energy (N/mm = mJ/mm^2) to split a unit area of fused commissure; with the strength it sets "
                      "the opening at full separation, 16 G / (9 strength). Not measured for commissural scar: the "
                      "default is of the order of soft-tissue tearing and delamination energies, to vary.");
    prm.declare_entry("Leaflet fracture energy", "1.0", Patterns::Double(1e-9, 100),
                      "Energy (N/mm) to tear a unit area of commissural leaflet, where the commissure meridian runs "
                      "beyond the fusion to the annulus; its strength is Leaflet strength along fibres (the tear "
                      "breaks the circumferential fibres). Soft-tissue tearing energies are of order 1 N/mm.");
    prm.declare_entry("Calcified fusion factor", "5", Patterns::Double(1, 1000),
                      "Strength and fracture energy of the fusion beside calcium cells (a commissural nodule), as a "
                      "multiple of the fusion's: calcified commissures are harder to split. An assumption to vary.");
    prm.declare_entry("Fusion viscosity", "1e-4", Patterns::Double(0, 1e12),
                      "Relaxation time of the commissure damage, in load-factor units (Gao and Bower's viscous "
                      "regularisation; 0: rate-independent). When a split runs unstably the solver cuts the load "
                      "step below it, and the interface then stops softening within the step, so Newton converges; "
                      "keep it well below the load step (1 / Number of load steps).");
    prm.declare_entry("Leaflet strength along fibres", "2.0", Patterns::Double(1e-6, 1000),
                      "Ultimate stress (MPa) of leaflet tissue along its (circumferential) collagen fibres: 1.7-2.6 "
                      "MPa in excised leaflets. The tear index compares each principal stress with the strength in its "
                      "direction, interpolated between this and the strength across the fibres.");
    prm.declare_entry("Leaflet strength across fibres", "0.35", Patterns::Double(1e-6, 1000),
                      "Ultimate stress (MPa) across the fibres (radial): 0.3-0.4 MPa in excised leaflets.");
    prm.declare_entry("Annulus support", "rigid", Patterns::Selection("rigid|elastic"),
                      "How the annulus face is held: rigid (fixed), or elastic (springs to ground per area, as the "
                      "fibrous ring and the myocardium hold it; the annular dilation is then reported).");
    prm.declare_entry("Annulus radial stiffness", "1", Patterns::Double(1e-9, 1e6),
                      "Elastic annulus: springs against radial motion away from the valve axis, per reference area "
                      "of the annulus face (MPa/mm). Not measured: 1 MPa/mm is the ring equivalent EA / (R^2 h) of a "
                      "fibrous ring of 3 x 3 mm and E = 50 MPa on a 15 mm radius and a 2 mm face, an assumption to "
                      "vary.");
    prm.declare_entry("Annulus axial stiffness", "1", Patterns::Double(1e-9, 1e6),
                      "Elastic annulus: springs against circumferential and axial motion, per reference area "
                      "(MPa/mm). An assumption to vary.");
    prm.declare_entry("Annulus ring stiffness", "0", Patterns::Double(0, 1e6),
                      "Elastic annulus: hoop membrane stiffness E t of the fibrous ring (N/mm, hoop force per unit "
                      "height of the annulus face per unit strain; 0: none). The ring resists stretching along the "
                      "annulus but not ovalising, which the radial springs alone resist as strongly as dilation.");
    prm.declare_entry("Orifice raster pixel", "0.02", Patterns::Double(1e-4, 1),
                      "Pixel size (mm) of the rasterised orifice-area measurement; the error is about a fraction "
                      "of a pixel times the orifice perimeter.");
    prm.leave_subsection();
  }

  ValveProblem::ValveProblem(ParameterHandler &prm, Builder b) : builder(std::move(b))
  {
    prm.enter_subsection("Valve physics");
    pressure                           = prm.get_double("Transmitral pressure (mmHg)") * mmHg;
    features.chord_law.stiffness       = prm.get_double("Chordae stiffness");
    features.chord_law.toe_strain      = prm.get_double("Chordae toe strain");
    features.chord_rest_length_factor  = prm.get_double("Chordae rest length factor");
    // Three laws along the commissure meridian: the fusion, the commissural leaflet between the fusion and the
    // annulus (tearing it breaks the circumferential fibres), and fusion that a calcium nodule has invaded.
    kernels::CohesiveLaw fusion, leaflet, calcified;
    fusion.strength           = prm.get_double("Fusion strength");
    fusion.fracture_energy    = prm.get_double("Fusion fracture energy");
    fusion.viscosity          = prm.get_double("Fusion viscosity");
    leaflet                   = fusion;
    leaflet.strength          = prm.get_double("Leaflet strength along fibres");
    leaflet.fracture_energy   = prm.get_double("Leaflet fracture energy");
    calcified                 = fusion;
    calcified.strength        *= prm.get_double("Calcified fusion factor");
    calcified.fracture_energy *= prm.get_double("Calcified fusion factor");
    cohesive.laws             = {fusion, leaflet, calcified};
    cohesive.law_of           = [](types::material_id id) {
      return id == MaterialIds::commissure_fusion ? 0u : id == MaterialIds::calcium ? 2u : 1u;
    };
    cohesive.groups   = {"anterolateral", "posteromedial"};
    cohesive.group_of = [](const Point<dim> &x) { return x[0] >= 0 ? 0u : 1u; }; // anterolateral at +x
    if (prm.get("Annulus support") == "elastic")
      support = ElasticSupportSpec{BoundaryIds::annulus, prm.get_double("Annulus radial stiffness"),
                                   prm.get_double("Annulus axial stiffness"), Point<dim>(), Tensor<1, dim>({0, 0, 1})};
    if (const double ring_stiffness = prm.get_double("Annulus ring stiffness"); ring_stiffness > 0)
      {
        if (!support)
          throw std::invalid_argument("Valve physics/Annulus ring stiffness: a ring needs Annulus support = elastic "
                                      "(a rigid annulus cannot stretch); set it, or the ring stiffness to 0");
        ring = HoopRingSpec{BoundaryIds::annulus, ring_stiffness, Point<dim>(), Tensor<1, dim>({0, 0, 1})};
      }
    features.orifice_pixel             = prm.get_double("Orifice raster pixel");
    features.leaflet_strength          = {prm.get_double("Leaflet strength along fibres"),
                                          prm.get_double("Leaflet strength across fibres")};
    prm.leave_subsection();
    features.mesh = &mesh;
  }

  void ValveProblem::create_grid(Triangulation<dim> &tria) const
  {
    Triangulation<dim> serial;
    mesh = builder(serial, features.orifice_pixel);
    cohesive.fused_length_mm = mesh.fused_length_mm;
    tria.copy_triangulation(serial);
  }

  void ValveProblem::dirichlet_values(const DoFHandler<dim> &dof_handler, double,
                                      std::map<types::global_dof_index, double> &values) const
  {
    if (support)
      return;
    const auto zero = [](const Point<dim> &) { return 0.0; };
    for (unsigned int c = 0; c < dim; ++c)
      add_boundary_component(dof_handler, BoundaryIds::annulus, c, zero, values);
  }

  double ValveProblem::follower_pressure(types::boundary_id id, double load_factor) const
  {
    return id == BoundaryIds::atrial_surface ? load_factor * pressure : 0.0;
  }
} // namespace leafmech
