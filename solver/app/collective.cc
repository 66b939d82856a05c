#include <deal.II/base/exceptions.h>
#include <deal.II/base/mpi.h>

#include <cctype>
#include <chrono>
#include <iostream>
#include <solver/app/collective.h>
#include <sstream>
#include <thread>

namespace leafmech
{
  std::string error_text(const std::exception &e)
  {
    const auto *deal = dynamic_cast<const dealii::ExceptionBase *>(&e);
    if (deal == nullptr)
      return e.what();
    std::ostringstream info;
    deal->print_info(info);
    std::string line;
    for (const char c : info.str())
      if (!std::isspace(static_cast<unsigned char>(c)) || (!line.empty() && line.back() != ' '))
        line += std::isspace(static_cast<unsigned char>(c)) ? ' ' : c;
    while (!line.empty() && line.back() == ' ')
      line.pop_back();
    return line.empty() ? std::string(e.what()).substr(0, 300) : line;
  }

  std::string agree(MPI_Comm comm, const std::string &failure, double seconds)
  {
    const int n    = dealii::Utilities::MPI::n_mpi_processes(comm);
    const int rank = dealii::Utilities::MPI::this_mpi_process(comm);
    int       mine = failure.empty() ? n : rank, first = n;
    MPI_Request request;
    MPI_Iallreduce(&mine, &first, 1, MPI_INT, MPI_MIN, comm, &request);
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (int done = 0; !done;)
      {
        MPI_Test(&request, &done, MPI_STATUS_IGNORE);
        if (!done && !failure.empty() && std::chrono::steady_clock::now() > until)
          {
            std::cerr << "leafmech: " << failure << " (on rank " << rank << " only; the other ranks are ended with it)"
                      << std::endl;
            MPI_Abort(comm, 2);
          }
        if (!done)
          std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
    if (first == n)
      return "";
    std::string        message = failure;
    unsigned long long length  = message.size();
    MPI_Bcast(&length, 1, MPI_UNSIGNED_LONG_LONG, first, comm);
    message.resize(length);
    MPI_Bcast(message.data(), static_cast<int>(length), MPI_CHAR, first, comm);
    return message;
  }

  std::string agree_on_failure(MPI_Comm comm, const std::function<void()> &f, bool root_only)
  {
    std::string message;
    if (!root_only || dealii::Utilities::MPI::this_mpi_process(comm) == 0)
      try
        {
          f();
        }
      catch (const std::exception &e)
        {
          message = error_text(e);
          if (message.empty())
            message = "an unnamed error";
        }
    return agree(comm, message);
  }

  void end_all_ranks_unless_shared(MPI_Comm comm, const std::string &message, double seconds)
  {
    if (dealii::Utilities::MPI::n_mpi_processes(comm) == 1)
      return;
    MPI_Request request;
    MPI_Ibarrier(comm, &request);
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (int done = 0; !done;)
      {
        MPI_Test(&request, &done, MPI_STATUS_IGNORE);
        if (done)
          return;
        if (std::chrono::steady_clock::now() > until)
          break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    std::cerr << "leafmech: " << message << " (on rank " << dealii::Utilities::MPI::this_mpi_process(comm)
              << " only; the other ranks are ended with it)" << std::endl;
    MPI_Abort(comm, 1);
  }
} // namespace leafmech
