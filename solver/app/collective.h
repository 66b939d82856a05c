#pragma once
/**
 * @file
 * @brief Failures that all ranks must share: a step that throws on some ranks only must not leave the others
 * waiting in a collective forever.
 */
#include <functional>
#include <mpi.h>
#include <string>

namespace leafmech
{
  /// An exception's message for the user: deal.II's own exceptions keep their "additional information" only
  /// (no file, line or stack trace), in one line.
  std::string error_text(const std::exception &e);

  /**
   * @brief Every rank's `failure` ("" if none) agreed on: "" if no rank failed, else the message of the lowest rank
   * that failed, on every rank. A rank that failed and does not hear from the others within `seconds` (they are
   * stuck in a collective it left) prints its message and ends every rank with MPI_Abort.
   */
  std::string agree(MPI_Comm comm, const std::string &failure, double seconds = 20.0);

  /// Runs `f` on every rank (or on rank 0 only) and agrees on the outcome (agree()).
  std::string agree_on_failure(MPI_Comm comm, const std::function<void()> &f, bool root_only = false);

  /**
   * @brief Called by a rank that caught an exception: if the other ranks reach the same point within `seconds`
   * (they failed too), returns; otherwise they are stuck in a collective, so this rank prints the message and
   * ends every rank with MPI_Abort.
   */
  void end_all_ranks_unless_shared(MPI_Comm comm, const std::string &message, double seconds = 20.0);
} // namespace leafmech
