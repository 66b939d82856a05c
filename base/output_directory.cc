#include <base/input_reader.h>
#include <base/output_directory.h>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace leafmech
{
  namespace fs = std::filesystem;

  void make_output_directory(const std::string &directory)
  {
    const std::string fix = " Fix: give another --output (or Output/Directory).";
    const fs::path    dir(directory);
    std::error_code   ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
      throw InputError("the output directory '" + directory + "' is a file, not a directory." + fix);
    for (fs::path p = dir.parent_path(); !p.empty() && p != p.root_path(); p = p.parent_path())
      if (fs::exists(p, ec) && !fs::is_directory(p, ec))
        throw InputError("the output directory '" + directory + "' lies under '" + p.string() +
                         "', which is a file." + fix);
    fs::create_directories(dir, ec);
    if (ec)
      throw InputError("cannot create the output directory '" + directory + "': " + ec.message() + "." + fix);
    // A directory that exists but takes no files (no permission, a virtual file system like /proc).
    const fs::path probe = dir / ".leafmech-write-test";
    {
      std::ofstream out(probe);
      out << "ok";
      if (!out)
        throw InputError("cannot write into the output directory '" + directory + "' (no permission, or a "
                         "read-only file system)." + fix);
    }
    fs::remove(probe, ec);
  }
} // namespace leafmech
