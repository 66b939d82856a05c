#include <filesystem>
#include <iostream>
#include <solver/app/report/report_command.h>
#include <solver/app/report/run_page.h>
#include <solver/app/report/sweep_page.h>
#include <solver/app/sweep/sweep_table.h>

namespace leafmech
{
  int report_command(const std::string &directory, bool renders)
  {
    try
      {
        if (std::filesystem::exists(directory + "/sweep_points.json"))
          {
            gather_sweep(directory, std::cout);
            write_sweep_page(directory);
            std::cout << "Wrote " << directory << "/sweep.html\n";
          }
        else
          {
            write_run_page(directory, renders);
            std::cout << "Wrote " << directory << "/report.html\n";
          }
        return 0;
      }
    catch (const std::exception &e)
      {
        std::cerr << "leafmech report: " << e.what() << "\n";
        return 2;
      }
  }
} // namespace leafmech
