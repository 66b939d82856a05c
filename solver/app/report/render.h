#pragma once
/**
 * @file
 * @brief Renders of a run's states with ParaView for the report page: postprocess/render_state.py (compiled into
 * the program, so it needs no path) run by pvbatch under xvfb-run, where both are installed.
 */
#include <string>
#include <vector>

namespace leafmech
{
  struct Render
  {
    std::string caption;
    std::string png; ///< the file written
  };

  /**
   * @brief The inflated state (balloon runs) and the last state of the run in `directory`, as PNG files
   * beside it; empty (with `why` saying so) where pvbatch or xvfb-run is missing or the rendering failed.
   */
  std::vector<Render> render_states(const std::string &directory, bool inflated, std::string &why);
} // namespace leafmech
