#pragma once
/**
 * @file
 * @brief Every setting of one run, declared into a ParameterHandler and read back into plain structs.
 */
#include <deal.II/base/parameter_handler.h>
#include <deal.II/base/point.h>

#include <array>
#include <solver/cell_integrator.h>
#include <solver/material_model.h>
#include <solver/stepwise_settings.h>
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

  struct Probe
  {
    std::string        name;
    dealii::Point<dim> point; ///< reference coordinates (mm)
  };

  struct RunParameters
  {
    unsigned int          degree = 2;
    VolumetricFormulation formulation = VolumetricFormulation::three_field;
    unsigned int          quadrature_points = 0; ///< per direction; 0 = degree + 1

    unsigned int n_load_steps  = 10;
    unsigned int n_preload_steps   = 5;  ///< balloon runs on a valve: the diastolic loading before inflation
    unsigned int n_deflation_steps = 10; ///< balloon runs on a valve: deflation after it (0: none)
    unsigned int max_step_cuts = 6;

    unsigned int max_newton_iterations   = 20;
    double       residual_tolerance      = 1e-9;
    double       absolute_residual_tolerance = 1e-12;
    double       increment_tolerance     = 1e-8;
    bool         line_search             = true;
    bool         check_tangent           = false; ///< diagnostic: tangent vs finite differences each iteration
    unsigned int max_line_search_steps   = 8;
    double       stabilization           = 0.0; ///< viscous stabilisation coefficient (MPa/mm^2 x load factor)

    LinearSolverSettings linear;

    std::string        output_directory = "output";
    unsigned int       output_interval  = 1; ///< write VTU every this many converged steps; 0 = final only
    unsigned int       checkpoint_interval = 5; ///< converged steps between checkpoints; 0 = none
    std::vector<Probe> probes;

    std::string backend = "auto";

    StepwiseSettings stepwise;

    std::array<MaterialDescription, MaterialIds::n_materials> materials;
  };

  /// Declares every section: run control, finite element, solvers, output, geometry and materials.
  void declare_run_parameters(dealii::ParameterHandler &prm);

  /// Reads the parameters; throws std::invalid_argument naming the entry for values that patterns cannot check.
  RunParameters parse_run_parameters(dealii::ParameterHandler &prm);

  /// Parses "name: x, y, z; name: x, y, z".
  std::vector<Probe> parse_probes(const std::string &text);
} // namespace leafmech
