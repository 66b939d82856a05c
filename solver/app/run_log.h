#pragma once
/**
 * @file
 * @brief What a run tells the person watching it: the rank-0 stream to the terminal and log.txt, one progress
 * line per converged step, and one line per finished round of a stepwise protocol.
 */
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

  /**
   * @brief One line per converged step: phase, load factor, balloon diameter, Newton figures, elapsed time and
   * the time the phase still needs at its average rate so far.
   */
  std::string progress_line(const StepReport &step, double elapsed, double phase_elapsed, double phase_covered);

  /// The stepwise protocol's log line for a finished round.
  std::string round_line(std::size_t number, const StepwiseRound &round);
} // namespace leafmech
