#include <algorithm>
#include <iomanip>
#include <solver/app/run_log.h>
#include <solver/postprocess/postprocessors/balloon_status.h>
#include <sstream>

namespace leafmech
{
  int TeeBuffer::overflow(int c)
  {
    if (c == EOF)
      return !EOF;
    const int r1 = a ? a->sputc(c) : c, r2 = b ? b->sputc(c) : c;
    return (r1 == EOF || r2 == EOF) ? EOF : c;
  }

  int TeeBuffer::sync() { return ((a ? a->pubsync() : 0) == 0 && (b ? b->pubsync() : 0) == 0) ? 0 : -1; }

  void PhaseClock::start(double now, double from)
  {
    recent.clear();
    recent.emplace_back(now, from);
  }

  double PhaseClock::step(double now, double load_factor)
  {
    recent.emplace_back(now, load_factor);
    while (recent.size() > 6) // the rate of the last five steps
      recent.pop_front();
    const double covered = recent.back().second - recent.front().second;
    if (recent.size() < 2 || !(covered > 0) || load_factor >= 1.0 - 1e-12)
      return -1.0;
    return (recent.back().first - recent.front().first) * (1.0 - load_factor) / covered;
  }

  std::string progress_line(const StepReport &report, double elapsed, double seconds_left)
  {
    const StepRecord  &step = report.record;
    std::ostringstream line;
    line << "[" << step.phase << "] step " << step.step << std::fixed << std::setprecision(3) << ", load factor "
         << step.load_factor;
    // The waist the balloon reached against the valve (0 before it touches), and the size it is set to.
    if (const BalloonResult *b = report.results.find<BalloonResult>())
      line << ", balloon " << std::setprecision(2) << b->achieved_diameter_mm << " mm (set " << b->free_diameter_mm
           << " mm)";
    line << ", " << step.newton_iterations << " Newton iterations, |R| " << std::scientific << std::setprecision(1)
         << step.residual_norm << " N, " << std::fixed << std::setprecision(1) << elapsed << " s elapsed";
    if (seconds_left >= 0.0)
      line << ", about " << seconds_left << " s left in this phase at the rate of its last steps";
    return line.str();
  }

  std::string round_line(std::size_t number, const StepwiseRound &round)
  {
    std::ostringstream line;
    line << std::setprecision(4) << "Round " << number << ": balloon " << round.diameter_mm << " mm (reached "
         << round.achieved_diameter_mm << " mm), MVA after " << round.mva_post_cm2 << " cm^2";
    for (const CommissureOutcome &c : round.outcome.commissures)
      line << ", " << c.name << " split " << c.split_length_mm << " mm";
    line << ", tear index " << round.outcome.tear.tear_index << ", risk "
         << (round.outcome.risk ? round.outcome.risk->category : "low");
    if (!round.stop.empty())
      line << "; stop: " << round.stop;
    return line.str();
  }
} // namespace leafmech
