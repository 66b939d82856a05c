#pragma once
/**
 * @file
 * @brief The solver core's settings: the finite element, load stepping, the nonlinear and linear solvers and
 * the materials, declared into a ParameterHandler and read back into plain structs.
 */
#include <deal.II/base/parameter_handler.h>
#include <deal.II/base/point.h>

#include <array>
#include <solver/core/cell_integrator.h>
#include <solver/core/increment_growth.h>
#include <solver/models/material_model.h>
#include <string>
#include <vector>

namespace leafmech
{
  struct LinearSolverSettings
  {
    std::string  method         = "direct"; ///< direct | CG | GMRES
    std::string  preconditioner = "GAMG";   ///< BoomerAMG | GAMG | Jacobi (iterative methods)
    double       relative_tolerance = 1e-8;
    unsigned int max_iterations     = 2000;
    std::string  extra_options;             ///< passed to PETSc's options database, prefix leafmech_
  };

  /// Implicit dynamics (solver/core/force_terms/inertia.h); off: quasi-static load stepping.
  struct DynamicsSettings
  {
    bool   enabled        = false;
    double density        = 1.05e-9; ///< t/mm^3 (mm-N-s units): soft tissue, 1050 kg/m^3
    double alpha          = -0.1;    ///< Bossak's alpha_B in [-1/3, 0]; 0: the trapezoidal rule (no dissipation)
    double loading_time   = 1.0;     ///< s: the diastolic loading, or a problem's one phase
    double inflation_time = 5.0;     ///< s
    double deflation_time = 1.0;     ///< s
  };

  struct SolverParameters
  {
    unsigned int          degree = 2;
    VolumetricFormulation formulation = VolumetricFormulation::three_field;
    unsigned int          quadrature_points = 0; ///< per direction; 0 = degree + 1

    unsigned int n_load_steps  = 10;
    unsigned int n_preload_steps   = 5;  ///< balloon runs on a valve: the diastolic loading before inflation
    unsigned int n_deflation_steps = 10; ///< balloon runs on a valve: deflation after it (0: none)
    unsigned int max_step_cuts = 6;
    IncrementGrowth increment_growth;

    unsigned int max_newton_iterations   = 20;
    unsigned int stagnation_window       = 0; ///< 0: off; else stop an increment whose residual stops halving
    double       residual_tolerance      = 1e-9;
    double       absolute_residual_tolerance = 1e-12;
    double       increment_tolerance     = 1e-8;
    bool         line_search             = true;
    bool         check_tangent           = false; ///< diagnostic: tangent vs finite differences each iteration
    unsigned int max_line_search_steps   = 8;
    double       stabilization           = 0.0; ///< viscous stabilisation coefficient (MPa/mm^2 x load factor)

    LinearSolverSettings linear;
    DynamicsSettings     dynamics;

    std::array<MaterialDescription, MaterialIds::n_materials> materials;
  };

  /// Declares "Finite element", "Load stepping", "Nonlinear solver", "Dynamics", "Linear solver", "Materials".
  void declare_solver_parameters(dealii::ParameterHandler &prm);

  /// Reads them; throws std::invalid_argument naming the entry for values that patterns cannot check.
  SolverParameters parse_solver_parameters(dealii::ParameterHandler &prm);
} // namespace leafmech
