#include "core/csv.h"

#include <cstdlib>

namespace textura::core {

void AppendCsvNumber(std::string& out, std::string_view cell) {
  if (cell.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += cell;
    return;
  }
  out += '"';
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void AppendCsvText(std::string& out, std::string_view cell) {
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@')) {
    AppendCsvNumber(out, "'" + std::string(cell));
    return;
  }
  AppendCsvNumber(out, cell);
}

std::string RoublesText(long long minor) {
  const bool negative = minor < 0;
  // Unsigned so that the most negative value has a magnitude too.
  const unsigned long long magnitude = negative ? 0ULL - static_cast<unsigned long long>(minor)
                                                : static_cast<unsigned long long>(minor);
  std::string kopecks = std::to_string(magnitude % 100);
  if (kopecks.size() < 2) kopecks.insert(kopecks.begin(), '0');
  return (negative ? "-" : "") + std::to_string(magnitude / 100) + "." + kopecks;
}

}  // namespace textura::core
