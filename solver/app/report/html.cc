#include <fstream>
#include <iterator>
#include <solver/app/report/html.h>
#include <sstream>

namespace leafmech::html
{
  std::string escape(const std::string &text)
  {
    std::string out;
    for (const char c : text)
      switch (c)
        {
          case '&': out += "&amp;"; break;
          case '<': out += "&lt;"; break;
          case '>': out += "&gt;"; break;
          case '"': out += "&quot;"; break;
          default: out += c;
        }
    return out;
  }

  std::string base64_file(const std::string &path)
  {
    std::ifstream in(path, std::ios::binary);
    if (!in)
      return "";
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    static const char table[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string       out;
    std::size_t       i = 0;
    for (; i + 2 < bytes.size(); i += 3)
      {
        const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) |
                           (static_cast<unsigned char>(bytes[i + 1]) << 8) | static_cast<unsigned char>(bytes[i + 2]);
        out += {table[(n >> 18) & 63], table[(n >> 12) & 63], table[(n >> 6) & 63], table[n & 63]};
      }
    if (i + 1 == bytes.size())
      {
        const unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
        out += {table[(n >> 18) & 63], table[(n >> 12) & 63], '=', '='};
      }
    else if (i + 2 == bytes.size())
      {
        const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
        out += {table[(n >> 18) & 63], table[(n >> 12) & 63], table[(n >> 6) & 63], '='};
      }
    return out;
  }

  std::string number(const std::optional<double> &value, int digits)
  {
    if (!value)
      return "-";
    std::ostringstream s;
    s.precision(digits);
    s << *value;
    return s.str();
  }

  std::string page(const std::string &title, const std::string &body)
  {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title) +
           "</title>\n<style>\n"
           "body { font-family: sans-serif; margin: 2em auto; max-width: 70em; color: #222; }\n"
           "h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }\n"
           "table { border-collapse: collapse; margin: 0.5em 0; } td, th { border: 1px solid #ccc; padding: "
           "0.25em 0.6em; text-align: left; }\n"
           ".verdict { font-size: 1.1em; } .low { color: #1a7f37; } .moderate { color: #b35900; } .high { color: "
           "#c00; } .failed { color: #c00; } .plots svg { margin: 0.4em; } img { max-width: 100%; border: 1px "
           "solid #ddd; }\n"
           "</style>\n</head>\n<body>\n" +
           body +
           "\n<script>\nwindow.addEventListener('load', function () {\n  var images = Array.prototype.slice.call("
           "document.images);\n  document.body.setAttribute('data-images', images.length);\n  document.body."
           "setAttribute('data-loaded', images.filter(function (i) { return i.complete && i.naturalWidth > 0; })."
           "length);\n});\n</script>\n</body>\n</html>\n";
  }
} // namespace leafmech::html
