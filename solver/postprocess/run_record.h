#pragma once
/**
 * @file
 * @brief What a run records as it goes: every converged step with its post-processing results, and the
 * run's frame (mesh, balloon, ranks, outcome) that summary.json, history.csv and the checkpoint are made from.
 */
#include <map>
#include <solver/postprocess/postprocessors/probes.h>
#include <solver/postprocess/stepwise_settings.h>
#include <string>
#include <vector>

namespace leafmech
{
  /// A converged step and what the post-processors measured in it.
  struct StepReport
  {
    StepRecord record;
    Results    results;
  };

  /// The last converged step of a phase (its load factor reached 1), the last such if the phase ran more than
  /// once (the stepwise rounds); nullptr if none did.
  const StepReport *phase_end(const std::vector<StepReport> &steps, const std::string &phase);

  struct RunReport
  {
    std::string                   status = "failed"; ///< "completed" | "failed" | "stopped" (resumable)
    std::string                   message;
    double                        wall_time_s       = 0.0;
    unsigned int                  mpi_ranks         = 1;
    unsigned int                  resumed_from_step = 0; ///< the checkpoint's step when resumed, else 0
    std::string                   backend;
    std::string                   problem;
    unsigned long long            cells = 0, dofs = 0;
    RunOutcome                    outcome;
    std::vector<Probe>            probes;
    ProbeResult                   final_probes; ///< at the last state
    Results                       initial;      ///< the reference configuration's results
    std::vector<StepReport>       steps;
    std::vector<IterationRecord>  iterations;
    std::map<std::string, double> timings_s;
    /// Valve geometry figures for the log and summary.json's mesh/geometry (units in the names).
    std::vector<std::pair<std::string, double>> mesh_metrics;
    struct Balloon
    {
      std::string model;   ///< empty without a balloon
      std::string control; ///< "diameter" | "pressure"
      double      target_diameter_mm = 0;
    } balloon;
    StepwiseSettings stepwise; ///< the stepwise protocol, if the run is one
  };
} // namespace leafmech
