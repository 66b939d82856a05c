#include <deal.II/base/mpi.h>

#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/serialization/map.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/utility.hpp>
#include <boost/serialization/vector.hpp>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iterator>
#include <solver/postprocess/checkpoint.h>
#include <sstream>

namespace boost::serialization
{
  // Every double is stored in binary, so a resumed run continues from exactly the checkpointed numbers.
  template <class Archive>
  void serialize(Archive &ar, leafmech::LoadState &s, unsigned int)
  {
    ar &s.problem &s.balloon &s.contact;
  }
  template <class Archive>
  void serialize(Archive &ar, leafmech::StepRecord &s, unsigned int)
  {
    ar &s.step &s.load_factor &s.phase &s.state &s.newton_iterations &s.residual_norm &s.cuts &s.wall_time;
  }
  template <class Archive>
  void serialize(Archive &ar, leafmech::IterationRecord &i, unsigned int)
  {
    ar &i.step &i.load_factor &i.iteration &i.residual_norm &i.update_norm &i.step_length &i.linear_iterations;
  }
  template <class Archive>
  void serialize(Archive &ar, leafmech::PhaseProgress &p, unsigned int)
  {
    ar &p.load_factor &p.increment &p.force_scale &p.converged_in_row;
  }
  template <class Archive>
  void serialize(Archive &ar, leafmech::SolverState &s, unsigned int)
  {
    ar &s.n_dofs &s.first_owned &s.solution &s.terms &s.step_count &s.iterations &s.elapsed_s;
  }
  template <class Archive>
  void serialize(Archive &ar, leafmech::OutputSeries &o, unsigned int)
  {
    ar &o.solution &o.hdf5 &o.side &o.xdmf;
  }
} // namespace boost::serialization

namespace leafmech
{
  using namespace dealii;

  namespace
  {
    std::string rank_file(const std::string &folder, unsigned int rank)
    {
      std::ostringstream name;
      name << folder << "/rank_" << std::setw(4) << std::setfill('0') << rank << ".bin";
      return name.str();
    }

    /// FNV-1a over the archive's bytes: a checkpoint file carries it in its last 8 bytes, so a damaged file is
    /// refused by name instead of feeding garbage to the solver.
    std::uint64_t checksum(const std::string &bytes)
    {
      std::uint64_t h = 1469598103934665603ull;
      for (const unsigned char c : bytes)
        h = (h ^ c) * 1099511628211ull;
      return h;
    }

    template <class T>
    void save(const std::string &path, const T &object)
    {
      std::ostringstream buffer;
      {
        boost::archive::binary_oarchive archive(buffer);
        archive << object;
      }
      const std::string   bytes = buffer.str();
      const std::uint64_t sum   = checksum(bytes);
      std::ofstream       out(path, std::ios::binary);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      out.write(reinterpret_cast<const char *>(&sum), sizeof(sum));
      out.close();
      if (!out)
        throw std::runtime_error("could not write the checkpoint file " + path + " (disk full or no permission?)");
    }

    template <class T>
    T load(const std::string &path)
    {
      std::ifstream in(path, std::ios::binary);
      if (!in)
        throw std::runtime_error("the checkpoint file " + path + " is missing");
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      std::uint64_t stored = 0;
      if (bytes.size() >= sizeof(stored))
        {
          std::memcpy(&stored, bytes.data() + bytes.size() - sizeof(stored), sizeof(stored));
          bytes.resize(bytes.size() - sizeof(stored));
        }
      if (checksum(bytes) != stored)
        throw std::runtime_error("the checkpoint file " + path + " is damaged (its checksum does not match its "
                                 "contents); it cannot be resumed. Fix: start the run afresh, or resume from a copy of "
                                 "the run directory made before the damage");
      T object;
      try
        {
          std::istringstream              buffer(bytes);
          boost::archive::binary_iarchive archive(buffer);
          archive >> object;
        }
      catch (const std::exception &e)
        {
          throw std::runtime_error("the checkpoint file " + path + " cannot be read (" + e.what() +
                                   "); it was written by another leafmech build");
        }
      return object;
    }

    /// The folder of the last whole checkpoint: checkpoint/, or checkpoint.old/ if a run was killed between
    /// the two renames that replace one checkpoint by the next.
    std::string whole_checkpoint(const std::string &directory)
    {
      for (const char *name : {"/checkpoint", "/checkpoint.old"})
        if (std::filesystem::exists(directory + name + "/run.bin"))
          return directory + name;
      return "";
    }
  } // namespace

  RunCheckpoint::RunCheckpoint(const std::string &parameters, unsigned int ranks, unsigned long long cells,
                               unsigned int phase, const PhaseProgress &progress, unsigned int outputs_written,
                               const OutputSeries &outputs, const std::vector<StepReport> &steps,
                               const Results &initial_results, const PostprocessManager &post)
    : parameters(parameters), ranks(ranks), cells(cells), phase(phase), progress(progress),
      outputs_written(outputs_written), outputs(outputs), initial(post.save(initial_results))
  {
    for (const StepReport &s : steps)
      {
        records.push_back(s.record);
        results.push_back(post.save(s.results));
      }
  }

  std::vector<StepReport> RunCheckpoint::steps(const PostprocessManager &post) const
  {
    if (results.size() != records.size())
      throw std::runtime_error("the checkpoint's run record is damaged (steps and results differ)");
    std::vector<StepReport> steps;
    for (std::size_t k = 0; k < records.size(); ++k)
      steps.push_back({records[k], post.load(results[k])});
    return steps;
  }

  void write_checkpoint(const std::string &directory, const RunCheckpoint &run, const SolverState &state,
                        MPI_Comm comm)
  {
    const unsigned int rank = Utilities::MPI::this_mpi_process(comm);
    const std::string  next = directory + "/checkpoint.new", current = directory + "/checkpoint",
                      old = directory + "/checkpoint.old";
    if (rank == 0)
      {
        std::filesystem::remove_all(next);
        std::filesystem::create_directories(next);
      }
    MPI_Barrier(comm);
    save(rank_file(next, rank), state);
    MPI_Barrier(comm);
    if (rank == 0)
      {
        save(next + "/run.bin", run); // last: a folder with run.bin is whole
        std::filesystem::remove_all(old);
        if (std::filesystem::exists(current))
          std::filesystem::rename(current, old);
        std::filesystem::rename(next, current);
        std::filesystem::remove_all(old);
      }
    MPI_Barrier(comm);
  }

  std::pair<RunCheckpoint, SolverState> read_checkpoint(const std::string &directory, MPI_Comm comm)
  {
    const std::string folder = whole_checkpoint(directory);
    if (folder.empty())
      throw std::runtime_error(directory + " holds no checkpoint. A run writes one every Output/Checkpoint "
                               "interval steps (0 turns them off); start the run afresh with leafmech run FILE.prm");
    RunCheckpoint      run   = load<RunCheckpoint>(folder + "/run.bin");
    const unsigned int ranks = Utilities::MPI::n_mpi_processes(comm);
    if (run.ranks != ranks)
      throw std::runtime_error("the checkpoint in " + folder + " was written by " + std::to_string(run.ranks) +
                               " MPI ranks and this launch has " + std::to_string(ranks) +
                               "; resume with mpirun -np " + std::to_string(run.ranks) +
                               " (the mesh partition and DoF numbering depend on the number of ranks)");
    SolverState state = load<SolverState>(rank_file(folder, Utilities::MPI::this_mpi_process(comm)));
    return {run, state};
  }
} // namespace leafmech
