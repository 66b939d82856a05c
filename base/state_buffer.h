#pragma once
/**
 * @file
 * @brief Byte buffers for the checkpointed state of a model (a force term's history, a post-processor's
 * result): plain values and vectors of them, stored bit for bit so a resumed run continues exactly.
 */
#include <cstring>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace leafmech
{
  class StateWriter
  {
  public:
    template <typename T>
    StateWriter &operator<<(const T &value)
    {
      static_assert(std::is_trivially_copyable_v<T>, "only plain values are stored bit for bit");
      const std::size_t at = bytes.size();
      bytes.resize(at + sizeof(T));
      std::memcpy(bytes.data() + at, &value, sizeof(T));
      return *this;
    }
    template <typename T>
    StateWriter &operator<<(const std::vector<T> &values)
    {
      *this << static_cast<unsigned long long>(values.size());
      for (const T &v : values)
        *this << v;
      return *this;
    }
    StateWriter &operator<<(const std::string &s)
    {
      *this << static_cast<unsigned long long>(s.size());
      const std::size_t at = bytes.size();
      bytes.resize(at + s.size());
      std::memcpy(bytes.data() + at, s.data(), s.size());
      return *this;
    }
    const std::vector<char> &data() const { return bytes; }

  private:
    std::vector<char> bytes;
  };

  class StateReader
  {
  public:
    /// `what` names the state in the message if the buffer runs short (a damaged or foreign checkpoint).
    StateReader(const std::vector<char> &bytes, std::string what) : bytes(bytes), what(std::move(what)) {}

    template <typename T>
    StateReader &operator>>(T &value)
    {
      static_assert(std::is_trivially_copyable_v<T>, "only plain values are stored bit for bit");
      take(&value, sizeof(T));
      return *this;
    }
    template <typename T>
    StateReader &operator>>(std::vector<T> &values)
    {
      values.resize(count());
      for (T &v : values)
        *this >> v;
      return *this;
    }
    StateReader &operator>>(std::string &s)
    {
      const std::size_t n = count();
      s.assign(bytes.data() + position, n);
      position += n;
      return *this;
    }
    /// A count of items that follow (checked against the bytes left, so damage cannot ask for a huge array).
    std::size_t count()
    {
      unsigned long long n = 0;
      *this >> n;
      if (n > bytes.size() - position)
        throw std::runtime_error("the checkpointed state of " + what + " is damaged (a count of " +
                                 std::to_string(n) + ")");
      return static_cast<std::size_t>(n);
    }
    /// Throws unless every byte was read (the state belongs to this model).
    void expect_end() const
    {
      if (position != bytes.size())
        throw std::runtime_error("the checkpointed state of " + what + " has " +
                                 std::to_string(bytes.size() - position) + " bytes more than it should");
    }

  private:
    void take(void *to, std::size_t n)
    {
      if (position + n > bytes.size())
        throw std::runtime_error("the checkpointed state of " + what + " ends early (damaged or written by "
                                 "another leafmech build)");
      std::memcpy(to, bytes.data() + position, n);
      position += n;
    }
    const std::vector<char> &bytes;
    std::string              what;
    std::size_t              position = 0;
  };
} // namespace leafmech
