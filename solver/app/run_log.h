#pragma once
/**
 * @file
 * @brief What a run tells the person watching it: the rank-0 stream to the terminal and log.txt, one progress
 * line per converged step, and one line per finished round of a stepwise protocol.
 */
#include <deque>
#include <iosfwd>
#include <solver/postprocess/run_record.h>
#include <solver/postprocess/stepwise_protocol.h>
#include <streambuf>
#include <string>

namespace leafmech
{
  /// Writes to two stream buffers (either may be nullptr): rank 0's terminal and log.txt.
  class TeeBuffer : public std::streambuf
  {
  public:
    TeeBuffer(std::streambuf *a, std::streambuf *b) : a(a), b(b) {}

  protected:
    int overflow(int c) override;
    int sync() override;

  private:
    std::streambuf *a, *b;
  };

  /// The time a phase still needs at the rate of its last few steps, so a crawl shows as a long time left.
  class PhaseClock
  {
  public:
    /// The phase starts (or resumes) at load factor `from` at wall time `now` (s).
    void start(double now, double from);
    /// A step converged at `load_factor`: the estimated seconds the phase still needs (negative: unknown).
    double step(double now, double load_factor);

  private:
    std::deque<std::pair<double, double>> recent; ///< (wall time, load factor), the last few
  };

  /**
   * @brief One line per converged step: phase, load factor, balloon diameter, Newton figures, elapsed time and
   * the time the phase still needs (`seconds_left` < 0: not shown).
   */
  std::string progress_line(const StepReport &step, double elapsed, double seconds_left);

  /// The stepwise protocol's log line for a finished round.
  std::string round_line(std::size_t number, const StepwiseRound &round);
} // namespace leafmech
