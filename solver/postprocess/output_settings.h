#pragma once
/**
 * @file
 * @brief The "Output" input section: where results go, how often fields and checkpoints are written, and
 * the probe points.
 */
#include <deal.II/base/parameter_handler.h>
#include <deal.II/base/point.h>

#include <base/types.h>
#include <string>
#include <vector>

namespace leafmech
{
  struct Probe
  {
    std::string        name;
    dealii::Point<dim> point; ///< reference coordinates (mm)
  };

  struct OutputSettings
  {
    std::string        directory           = "output";
    unsigned int       interval            = 1; ///< write the fields every this many converged steps; 0 = final only
    unsigned int       checkpoint_interval = 5; ///< converged steps between checkpoints; 0 = none
    std::vector<Probe> probes;
    bool               report_renders = true; ///< report.html with ParaView renders (pvbatch, when installed)
  };

  void declare_output_parameters(dealii::ParameterHandler &prm);
  /// Reads "Output"; throws std::invalid_argument naming a bad entry.
  OutputSettings parse_output_parameters(dealii::ParameterHandler &prm);

  /// Parses "name: x, y, z; name: x, y, z".
  std::vector<Probe> parse_probes(const std::string &text);
} // namespace leafmech
