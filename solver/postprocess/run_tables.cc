// history.csv, newton.csv and stepwise.csv of a run.
#include <base/atomic_file.h>
#include <iomanip>
#include <solver/postprocess/run_report.h>
#include <solver/postprocess/stepwise_protocol.h>
#include <sstream>

namespace leafmech
{
  void write_stepwise_csv(const std::string &directory, const RunReport &r)
  {
    const StepwiseResult result = stepwise_result(r.stepwise, r.steps);
    std::ostringstream   out;
    out << std::setprecision(12) << "round,balloon_diameter_mm,achieved_diameter_mm";
    if (!result.rounds.empty())
      for (const CommissureOutcome &c : result.rounds.front().outcome.commissures)
        out << "," << c.name << "_split_mm," << c.name << "_split_fraction";
    out << ",tear_index,mva_post_cm2,risk,stop\n";
    for (std::size_t i = 0; i < result.rounds.size(); ++i)
      {
        const StepwiseRound &round = result.rounds[i];
        out << i + 1 << "," << round.diameter_mm << "," << round.achieved_diameter_mm;
        for (const CommissureOutcome &c : round.outcome.commissures)
          out << "," << c.split_length_mm << "," << c.split_fraction;
        out << "," << round.outcome.tear.tear_index << "," << round.mva_post_cm2 << ","
            << (round.outcome.risk ? round.outcome.risk->category : "low") << ",\"" << round.stop << "\"\n";
      }
    write_file_atomically(directory + "/stepwise.csv", out.str());
  }

  void write_history_csv(const std::string &directory, const RunReport &r, const PostprocessManager &post)
  {
    std::ostringstream out;
    out << std::setprecision(12)
        << "step,phase,load_factor,problem_factor,balloon_factor,newton_iterations,residual_norm_N,step_cuts,"
           "wall_time_s";
    for (const auto &[name, value] : post.columns(r.initial))
      out << "," << name;
    out << "\n";
    for (const StepReport &step : r.steps)
      {
        const StepRecord &s = step.record;
        out << s.step << "," << s.phase << "," << s.load_factor << "," << s.state.problem << "," << s.state.balloon
            << "," << s.newton_iterations << "," << s.residual_norm << "," << s.cuts << "," << s.wall_time;
        for (const auto &[name, value] : post.columns(step.results))
          out << "," << value;
        out << "\n";
      }
    write_file_atomically(directory + "/history.csv", out.str());
  }

  void write_newton_csv(const std::string &directory, const RunReport &r)
  {
    std::ostringstream out;
    out << std::setprecision(12) << "step,load_factor,iteration,residual_norm_N,update_norm_mm,line_search_factor,"
                                    "linear_iterations\n";
    for (const auto &i : r.iterations)
      out << i.step << "," << i.load_factor << "," << i.iteration << "," << i.residual_norm << "," << i.update_norm
          << "," << i.step_length << "," << i.linear_iterations << "\n";
    write_file_atomically(directory + "/newton.csv", out.str());
  }
} // namespace leafmech
