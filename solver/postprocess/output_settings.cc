#include <deal.II/base/utilities.h>

#include <base/parsing.h>
#include <solver/postprocess/output_settings.h>
#include <stdexcept>

namespace leafmech
{
  using namespace dealii;

  void declare_output_parameters(ParameterHandler &prm)
  {
    prm.enter_subsection("Output");
    prm.declare_entry("Directory", "output", Patterns::Anything(),
                      "Directory for the results (created; earlier result files in it are replaced).");
    prm.declare_entry("Interval", "1", Patterns::Integer(0, 1000000),
                      "Write the VTU fields every this many converged load steps (0: only the final state).");
    prm.declare_entry("Checkpoint interval", "5", Patterns::Integer(0, 1000000),
                      "Write a checkpoint (DIR/checkpoint) every this many converged load steps and at the end of "
                      "every phase; leafmech run --resume DIR continues from the last one (0: none).");
    prm.declare_entry("Probes", "", Patterns::Anything(),
                      "Named reference points 'name: x, y, z; name: x, y, z' (mm) whose displacement and Cauchy "
                      "stress are reported in summary.json and history.csv.");
    prm.declare_entry("Report renders", "true", Patterns::Bool(),
                      "The report.html written at the end of a balloon run on a valve shows the inflated and the final "
                      "state rendered with ParaView (pvbatch under xvfb-run, about 10 s; skipped where they are not "
                      "installed). false: the report has its plots only (`leafmech report DIR` renders them later).");
    prm.leave_subsection();
  }

  OutputSettings parse_output_parameters(ParameterHandler &prm)
  {
    OutputSettings o;
    prm.enter_subsection("Output");
    o.directory           = prm.get("Directory");
    o.interval            = prm.get_integer("Interval");
    o.checkpoint_interval = prm.get_integer("Checkpoint interval");
    o.probes              = parse_probes(prm.get("Probes"));
    o.report_renders      = prm.get_bool("Report renders");
    prm.leave_subsection();
    return o;
  }

  std::vector<Probe> parse_probes(const std::string &text)
  {
    std::vector<Probe> probes;
    for (const std::string &item : Utilities::split_string_list(text, ';'))
      {
        if (item.empty())
          continue;
        const auto colon = item.find(':');
        if (colon == std::string::npos || Utilities::trim(item.substr(0, colon)).empty())
          throw std::invalid_argument("Output/Probes: '" + excerpt(item) + "' is not of the form 'name: x, y, z'");
        Probe p;
        p.name  = Utilities::trim(item.substr(0, colon));
        try
          {
            p.point = parse_point(item.substr(colon + 1), "probe '" + p.name + "'");
          }
        catch (const std::invalid_argument &e)
          {
            throw std::invalid_argument("Output/Probes: '" + excerpt(item) + "' is not of the form 'name: x, y, z' (" +
                                        e.what() + ")");
          }
        for (const Probe &q : probes)
          if (q.name == p.name)
            throw std::invalid_argument("Output/Probes: the name '" + p.name + "' is used twice");
        probes.push_back(p);
      }
    return probes;
  }
} // namespace leafmech
