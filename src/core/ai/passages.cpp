#include "core/ai/passages.h"

#include "core/validation.h"

namespace textura::core {
namespace {

std::vector<std::string> Paragraphs(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    std::string p = Trim(current);
    if (!p.empty()) out.push_back(std::move(p));
    current.clear();
  };
  std::size_t i = 0;
  while (i <= text.size()) {
    const std::size_t nl = text.find('\n', i);
    std::string_view line = text.substr(i, nl == std::string_view::npos ? text.npos : nl - i);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string trimmed = Trim(line);
    if (trimmed.empty()) {
      flush();
    } else {
      if (trimmed.front() == '#') flush();  // a heading opens a new paragraph
      if (!current.empty()) current += '\n';
      current.append(line);
    }
    if (nl == std::string_view::npos) break;
    i = nl + 1;
  }
  flush();
  return out;
}

// Where to cut `s` (longer than max): after a sentence end, else at a space, else at
// the last UTF-8 boundary not past max.
std::size_t CutPoint(std::string_view s, std::size_t max) {
  const std::string_view head = s.substr(0, max);
  std::size_t best = std::string_view::npos;
  for (std::string_view end : {". ", "! ", "? ", "\n"}) {
    const std::size_t at = head.rfind(end);
    if (at != std::string_view::npos && at > max / 4 &&
        (best == std::string_view::npos || at + end.size() > best)) {
      best = at + end.size();
    }
  }
  if (best != std::string_view::npos) return best;
  const std::size_t space = head.rfind(' ');
  if (space != std::string_view::npos && space > 0) return space + 1;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return cut > 0 ? cut : max;
}

}  // namespace

std::vector<std::string> SplitPassages(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) out.push_back(std::move(current));
    current.clear();
  };
  for (std::string& p : Paragraphs(text)) {
    std::string_view rest = p;
    while (rest.size() > kPassageMaxBytes) {
      const std::size_t cut = CutPoint(rest, kPassageMaxBytes);
      flush();
      std::string piece = Trim(rest.substr(0, cut));
      if (!piece.empty()) out.push_back(std::move(piece));
      rest = rest.substr(cut);
    }
    std::string tail = Trim(rest);
    if (tail.empty()) continue;
    const bool heading = tail.front() == '#';
    if (heading || current.size() + 2 + tail.size() > kPassageTargetBytes) flush();
    if (!current.empty()) current += "\n\n";
    current += tail;
  }
  flush();
  return out;
}

}  // namespace textura::core
