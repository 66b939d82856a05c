#include <deal.II/base/utilities.h>

#include <solver/core/solver_parameters.h>
#include <stdexcept>

namespace leafmech
{
  using namespace dealii;

  void declare_solver_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Finite element");
    prm.declare_entry("Polynomial degree", "2", Patterns::Integer(1, 2),
                      "Degree of the FE_Q displacement space (1 or 2).");
    prm.declare_entry("Volumetric formulation", "three-field", Patterns::Selection("three-field|displacement"),
                      "three-field: dilatation and pressure of degree k-1 per cell, condensed (locking-free for "
                      "nearly incompressible tissue); displacement: U(J) at every quadrature point (locks as the "
                      "Poisson's ratio approaches 0.5; kept for comparison).");
    prm.declare_entry("Quadrature points", "0", Patterns::Integer(0, 6),
                      "Gauss points per direction; 0 means degree + 1.");
    prm.leave_subsection();

    prm.enter_subsection("Load stepping");
    prm.declare_entry("Number of load steps", "10", Patterns::Integer(1, 100000),
                      "Equal load-factor increments from 0 to 1 (balloon runs on a valve: of the inflation phase).");
    prm.declare_entry("Preload steps", "5", Patterns::Integer(1, 100000),
                      "Balloon runs on a valve: increments of the first phase, which applies the valve's loads "
                      "(transmitral pressure, chordal tethering) before the balloon inflates; the orifice area at its "
                      "end is the pre-procedure MVA.");
    prm.declare_entry("Deflation steps", "10", Patterns::Integer(0, 100000),
                      "Balloon runs on a valve: increments of the last phase, in which the balloon is withdrawn, the "
                      "valve recoils to its reference shape with its commissure damage kept and the diastolic loads "
                      "reopen it; the orifice area at its end is the post-procedure MVA. 0: no deflation (the run "
                      "ends inflated).");
    prm.declare_entry("Maximum step cuts", "6", Patterns::Integer(0, 30),
                      "How many times a failed increment may be halved in a row before the run stops.");
    prm.declare_entry("Growth factor", "2", Patterns::Double(1, 10),
                      "After a cut, the increment grows back by this factor per converged increment, up to the "
                      "nominal one (1 / Number of load steps).");
    prm.declare_entry("Growth delay", "0", Patterns::Integer(0, 100),
                      "Converged increments after a cut that keep their size before the increment grows again. 0: "
                      "it grows at once, back to the size that has just failed. On the 26 mm default deck a delay of 2 "
                      "lost 83 attempts against 135, but took more steps (README \"Performance\").");
    prm.leave_subsection();

    prm.enter_subsection("Nonlinear solver");
    prm.declare_entry("Maximum iterations", "20", Patterns::Integer(1, 1000), "Newton iterations per increment.");
    prm.declare_entry("Stagnation window", "0", Patterns::Integer(0, 100),
                      "0: off. w > 0: from iteration 2w on, an increment whose residual has not halved over the "
                      "last w iterations is given up and cut at once, instead of running to the maximum: in a "
                      "clinical-size inflation such attempts were 63 % of all Newton iterations, and w = 5 gave "
                      "up 2 of the 141 that went on to converge.");
    prm.declare_entry("Residual tolerance", "1e-9", Patterns::Double(0.0, 1.0),
                      "Converged when the residual norm (N) falls below this fraction of the largest residual seen "
                      "in the phase's increments, so a cut increment is not held to a tighter force (dimensionless) ...");
    prm.declare_entry("Absolute residual tolerance", "1e-12", Patterns::Double(0.0, 1e-3),
                      "... or below this absolute value (N).");
    prm.declare_entry("Increment tolerance", "1e-8", Patterns::Double(0.0, 1.0),
                      "... and the Newton update is below this fraction of the displacement norm (dimensionless).");
    prm.declare_entry("Check tangent", "false", Patterns::Bool(),
                      "Diagnostic: at every Newton iteration compare the assembled tangent with central differences "
                      "of the residual along a random direction and log the relative difference (slow).");
    prm.declare_entry("Line search", "true", Patterns::Bool(),
                      "Backtrack along the Newton direction until the residual decreases (Armijo) and no cell inverts.");
    prm.declare_entry("Maximum line-search steps", "8", Patterns::Integer(0, 30), "Halvings of the Newton step.");
    prm.declare_entry("Stabilization", "0", Patterns::Double(0.0, 1.0),
                      "Viscous stabilisation c (MPa/mm^2, load factor as time; 0: off): a damping force "
                      "c (u - u_n) / d_lambda per unit volume against the motion within each increment, so that "
                      "nearly singular states (a leaflet sliding on the balloon) do not make the increments "
                      "crawl. It dissipates energy: summary.json `stabilization` and history.csv report it next "
                      "to the strain energy, and the log asks for a check above 5 %. 3e-6 carries the default valve to 16 mm.");
    prm.leave_subsection();

    prm.enter_subsection("Dynamics");
    prm.declare_entry("Enabled", "false", Patterns::Bool(),
                      "Implicit dynamics: the tissue's inertia with the Bossak-Newmark scheme, each phase over its "
                      "real duration (below) with the load factor as time / duration. Inertia carries snap-through "
                      "and sliding where quasi-static load control has no neighbouring equilibrium; history.csv "
                      "reports time_s and kinetic_energy_mJ.");
    prm.declare_entry("Density", "1.05e-9", Patterns::Double(1e-15, 1e-6),
                      "Tissue density (t/mm^3 in mm-N-s units; 1.05e-9 = 1050 kg/m^3, soft tissue).");
    prm.declare_entry("Bossak alpha", "-0.1", Patterns::Double(-1.0 / 3.0, 0.0),
                      "alpha_B of the Bossak-Newmark scheme (gamma = 1/2 - alpha_B, beta = (1 - alpha_B)^2 / 4): "
                      "second order, dissipating the highest frequencies more as alpha_B falls to -1/3; 0 is the "
                      "trapezoidal rule, which conserves energy.");
    prm.declare_entry("Loading time (s)", "1", Patterns::Double(1e-9, 1e4),
                      "Duration of the first phase: the diastolic loading of a valve, or the whole load of a "
                      "problem without a balloon.");
    prm.declare_entry("Inflation time (s)", "5", Patterns::Double(1e-9, 1e4),
                      "Duration of each balloon inflation: the Inoue balloon occludes the valve for about 5-7 s "
                      "(Toray Inoue-Balloon instructions for use).");
    prm.declare_entry("Deflation time (s)", "1", Patterns::Double(1e-9, 1e4),
                      "Duration of each deflation phase (the recoil and the diastolic loads re-applied).");
    prm.leave_subsection();

    prm.enter_subsection("Linear solver");
    prm.declare_entry("Method", "direct", Patterns::Selection("direct|CG|GMRES"),
                      "direct: MUMPS Cholesky factorisation (symbolic factorisation reused across Newton steps); "
                      "CG or GMRES: Krylov solver with the preconditioner below.");
    prm.declare_entry("Preconditioner", "GAMG", Patterns::Selection("BoomerAMG|GAMG|Jacobi"),
                      "Preconditioner of the Krylov methods; the algebraic multigrids get the six rigid-body "
                      "modes as near-null space.");
    prm.declare_entry("Relative tolerance", "1e-8", Patterns::Double(1e-16, 1.0),
                      "Krylov convergence: residual reduction (dimensionless).");
    prm.declare_entry("Maximum iterations", "2000", Patterns::Integer(1, 10000000), "Krylov iteration limit.");
    prm.declare_entry("Extra PETSc options", "", Patterns::Anything(),
                      "Further PETSc options for the solver, e.g. '-ksp_monitor' (prefix 'leafmech_' is added).");
    prm.leave_subsection();

    declare_material_parameters(prm);
  }

  SolverParameters parse_solver_parameters(ParameterHandler &prm)
  {
    SolverParameters r;
    prm.enter_subsection("Finite element");
    r.degree            = prm.get_integer("Polynomial degree");
    r.formulation       = prm.get("Volumetric formulation") == "displacement" ? VolumetricFormulation::displacement
                                                                              : VolumetricFormulation::three_field;
    r.quadrature_points = prm.get_integer("Quadrature points");
    prm.leave_subsection();

    prm.enter_subsection("Load stepping");
    r.n_load_steps  = prm.get_integer("Number of load steps");
    r.max_step_cuts = prm.get_integer("Maximum step cuts");
    r.increment_growth.factor = prm.get_double("Growth factor");
    r.increment_growth.delay  = prm.get_integer("Growth delay");
    r.n_preload_steps   = prm.get_integer("Preload steps");
    r.n_deflation_steps = prm.get_integer("Deflation steps");
    prm.leave_subsection();

    prm.enter_subsection("Nonlinear solver");
    r.max_newton_iterations       = prm.get_integer("Maximum iterations");
    r.stagnation_window           = prm.get_integer("Stagnation window");
    r.residual_tolerance          = prm.get_double("Residual tolerance");
    r.absolute_residual_tolerance = prm.get_double("Absolute residual tolerance");
    r.increment_tolerance         = prm.get_double("Increment tolerance");
    r.line_search                 = prm.get_bool("Line search");
    r.check_tangent               = prm.get_bool("Check tangent");
    r.max_line_search_steps       = prm.get_integer("Maximum line-search steps");
    r.stabilization               = prm.get_double("Stabilization");
    prm.leave_subsection();

    prm.enter_subsection("Dynamics");
    r.dynamics.enabled        = prm.get_bool("Enabled");
    r.dynamics.density        = prm.get_double("Density");
    r.dynamics.alpha          = prm.get_double("Bossak alpha");
    r.dynamics.loading_time   = prm.get_double("Loading time (s)");
    r.dynamics.inflation_time = prm.get_double("Inflation time (s)");
    r.dynamics.deflation_time = prm.get_double("Deflation time (s)");
    prm.leave_subsection();

    prm.enter_subsection("Linear solver");
    r.linear.method             = prm.get("Method");
    r.linear.preconditioner     = prm.get("Preconditioner");
    r.linear.relative_tolerance = prm.get_double("Relative tolerance");
    r.linear.max_iterations     = prm.get_integer("Maximum iterations");
    r.linear.extra_options      = prm.get("Extra PETSc options");
    prm.leave_subsection();

    r.materials = parse_material_parameters(prm);
    return r;
  }
} // namespace leafmech
