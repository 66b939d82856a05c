#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <base/input_reader.h>
#include <base/version.h>
#include <filesystem>
#include <solver/app/run_input.h>
#include <sstream>

namespace leafmech
{
  using namespace dealii;

  namespace
  {
    void print_tree(std::ostream &out, const boost::property_tree::ptree &tree, const std::string &indent)
    {
      for (const auto &[key, child] : tree)
        {
          if (child.get_child_optional("default_value"))
            out << indent << "set " << key << " = "
                << child.get<std::string>("default_value") << "\n"
                << indent << "    # allowed: " << child.get<std::string>("pattern_description") << "\n"
                << indent << "    # " << child.get<std::string>("documentation") << "\n";
          else if (!child.empty())
            {
              out << indent << "subsection " << key << "\n";
              print_tree(out, child, indent + "  ");
              out << indent << "end\n";
            }
        }
    }
  } // namespace

  void print_parameters(std::ostream &out)
  {
    ParameterHandler prm;
    declare_run_parameters(prm);
    std::stringstream json;
    prm.print_parameters(json, ParameterHandler::JSON);
    boost::property_tree::ptree tree;
    boost::property_tree::read_json(json, tree);
    out << "# leafmech " << version() << ": every parameter as 'set Name = default', with its allowed values and\n"
        << "# documentation. Units: mm, N, MPa, s (each entry's documentation names its unit).\n";
    print_tree(out, tree, "");
  }

  void load_input(const RunRequest &request, RunInput &input)
  {
    ParameterHandler                  &prm        = input.prm;
    RunParameters                     &parameters = input.parameters;
    std::unique_ptr<Problem>          &problem    = input.problem;
    std::unique_ptr<BalloonInflation> &balloon    = input.balloon;
    declare_run_parameters(prm);
    read_input(prm, request.input_file, request.overrides);
    parameters = parse_run_parameters(prm);
    if (!request.output_directory.empty())
      parameters.output.directory = request.output_directory;
    problem = create_problem(prm);
    balloon = std::make_unique<BalloonInflation>(prm);
    if (balloon->enabled() && problem->contact_surfaces().empty())
      throw std::invalid_argument("Balloon/Model = " + balloon->model_name() + ", but the problem has no surface a "
                                  "balloon can touch; set Balloon/Model = none or choose a valve or tube problem");
    if (parameters.stepwise.enabled())
      {
        if (!balloon->enabled() || problem->valve() == nullptr)
          throw std::invalid_argument("Stepwise protocol/Balloon diameters is set, but the run has no balloon in a "
                                      "valve; set Balloon/Model and a valve problem, or leave the diameters empty");
        if (parameters.solver.n_deflation_steps == 0)
          throw std::invalid_argument("a stepwise protocol withdraws the balloon after every inflation; set Load "
                                      "stepping/Deflation steps above 0");
        for (const double d : parameters.stepwise.diameters)
          balloon->set_target(d); // refuses pressure control and sizes at or below the deflated diameter
        balloon->set_target(parameters.stepwise.diameters.front()); // Balloon/Target diameter is not used
      }
  }

  RunRequest resumed_request(const RunRequest &request)
  {
    if (request.resume_directory.empty())
      return request;
    const std::string prm = request.resume_directory + "/parameters.prm";
    if (!std::filesystem::exists(prm))
      throw std::invalid_argument("--resume " + request.resume_directory + ": there is no parameters.prm there; "
                                  "give the output directory of the run to continue");
    if (!request.input_file.empty() || !request.overrides.empty() || !request.output_directory.empty())
      throw std::invalid_argument("--resume continues a run with its own parameters.prm in its own directory; "
                                  "it takes no input file, --set or --output");
    RunRequest r       = request;
    r.input_file       = prm;
    r.output_directory = request.resume_directory;
    return r;
  }
} // namespace leafmech
