#include <base/atomic_file.h>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace leafmech
{
  void write_file_atomically(const std::string &path, const std::string &contents)
  {
    const std::string tmp = path + ".tmp";
    {
      std::ofstream out(tmp);
      out << contents;
      out.close();
      if (!out)
        throw std::runtime_error("cannot write '" + tmp + "' (disk full or no permission?)");
    }
    std::filesystem::rename(tmp, path);
  }
} // namespace leafmech
