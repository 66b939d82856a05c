// leafmech: finite-element leaflet mechanics for balloon valvuloplasty. Thin command-line front end.
#include <deal.II/base/mpi.h>

#include <iostream>
#include <solver/run_driver.h>
#include <solver/run_report.h>
#include <string>
#include <vector>

namespace
{
  void usage(std::ostream &out)
  {
    out << "Usage:\n"
           "  leafmech run FILE.prm [--set \"Section/Name=value\"]... [--output DIR]\n"
           "  leafmech mesh FILE.prm [--set \"Section/Name=value\"]... [--output DIR]\n"
           "  leafmech print-parameters\n"
           "  leafmech --help | --version\n\n"
           "run               solve the input deck; results in DIR (Output/Directory by default): solution.pvd,\n"
           "                  solution-NNNN.pvtu, summary.json, history.csv, newton.csv, parameters.prm, log.txt\n"
           "mesh              build the input's geometry only: mesh.pvtu (material_id, fibre_direction),\n"
           "                  mesh_boundary.vtu (boundary_id), chordae.vtu, mesh_report.json; prints cells, DoFs,\n"
           "                  minimum scaled Jacobian and orifice area\n"
           "print-parameters  every parameter with its default, allowed values and unit\n"
           "Exit codes: 0 completed, 1 simulation failed (see summary.json), 2 invalid input or usage.\n"
           "Parallel: mpirun -np N leafmech run FILE.prm\n";
  }
} // namespace

int main(int argc, char **argv)
{
  dealii::Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  const bool               root = dealii::Utilities::MPI::this_mpi_process(MPI_COMM_WORLD) == 0;
  std::vector<std::string> args(argv + 1, argv + argc);
  auto                     fail = [&](const std::string &msg) {
    if (root)
      {
        std::cerr << "leafmech: " << msg << "\n\n";
        usage(std::cerr);
      }
    return 2;
  };
  if (args.empty())
    return fail("no command given");
  const std::string command = args[0];
  if (command == "--help" || command == "-h" || command == "help")
    {
      if (root)
        usage(std::cout);
      return 0;
    }
  if (command == "--version")
    {
      if (root)
        std::cout << "leafmech " << leafmech::version() << "\n";
      return 0;
    }
  if (command == "print-parameters")
    {
      if (root)
        leafmech::print_parameters(std::cout);
      return 0;
    }
  if (command != "run" && command != "mesh")
    return fail("unknown command '" + command + "'");

  leafmech::RunRequest request;
  for (std::size_t i = 1; i < args.size(); ++i)
    {
      if (args[i] == "--set" || args[i] == "--output")
        {
          if (i + 1 >= args.size())
            return fail(args[i] + " needs a value");
          (args[i] == "--set" ? request.overrides.push_back(args[i + 1]) : void(request.output_directory = args[i + 1]));
          ++i;
        }
      else if (args[i].rfind("--", 0) == 0)
        return fail("unknown option '" + args[i] + "'");
      else if (request.input_file.empty())
        request.input_file = args[i];
      else
        return fail("more than one input file given ('" + request.input_file + "', '" + args[i] + "')");
    }
  if (request.input_file.empty())
    return fail(command + " needs an input file");
  return command == "run" ? leafmech::run_command(request, MPI_COMM_WORLD)
                          : leafmech::mesh_command(request, MPI_COMM_WORLD);
}
