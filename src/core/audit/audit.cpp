#include "core/audit/audit.h"

namespace textura::core::audit {
namespace {

void Escape(std::string_view in, std::string& out) {
  for (char c : in) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '=':
        out += "%3D";
        break;
      case '\n':
        out += "%0A";
        break;
      case '\r':
        out += "%0D";
        break;
      default:
        out += c;
    }
  }
}

std::string Unescape(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '%' && i + 2 < in.size()) {
      const std::string_view code = in.substr(i + 1, 2);
      char decoded = 0;
      if (code == "25") decoded = '%';
      if (code == "3D") decoded = '=';
      if (code == "0A") decoded = '\n';
      if (code == "0D") decoded = '\r';
      if (decoded != 0) {
        out += decoded;
        i += 2;
        continue;
      }
    }
    out += in[i];
  }
  return out;
}

}  // namespace

bool IsValidAction(std::string_view action) {
  if (action.size() < 3 || action.size() > 64) return false;
  if (action.find('.') == std::string_view::npos) return false;
  for (char c : action) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    if (!ok) return false;
  }
  return action.front() != '.' && action.back() != '.';
}

std::string EncodeDetails(const Details& details) {
  std::string out;
  for (const auto& [key, value] : details) {
    if (!out.empty()) out += '\n';
    Escape(key, out);
    out += '=';
    Escape(value, out);
  }
  return out;
}

Details DecodeDetails(std::string_view text) {
  Details out;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    out[Unescape(line.substr(0, eq))] = Unescape(line.substr(eq + 1));
  }
  return out;
}

}  // namespace textura::core::audit
