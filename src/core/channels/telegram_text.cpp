#include "core/channels/telegram_text.h"

namespace textura::core::telegram {

namespace {

// The byte length of the UTF-8 sequence starting with `lead` (1 for invalid bytes).
std::size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// The byte offset at which `text` holds at most `limit` UTF-16 units (on a code point
// boundary).
std::size_t PrefixBytes(std::string_view text, std::size_t limit) {
  std::size_t units = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t len = SequenceLength(static_cast<unsigned char>(text[i]));
    const std::size_t u = len == 4 ? 2 : 1;
    if (units + u > limit || i + len > text.size()) break;
    units += u;
    i += len;
  }
  return i;
}

// The last cut in `window` after which a piece ends: a paragraph break, else a line
// break (either only past the first quarter, so a piece is not a sliver), else a space.
// npos when there is none.
std::size_t BestCut(std::string_view window) {
  for (std::string_view sep : {std::string_view("\n\n"), std::string_view("\n")}) {
    const std::size_t at = window.rfind(sep);
    if (at != std::string_view::npos && at > window.size() / 4) return at;
  }
  const std::size_t at = window.rfind(' ');
  return at != std::string_view::npos && at > 0 ? at : std::string_view::npos;
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::size_t Utf16Length(std::string_view text) {
  std::size_t units = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = SequenceLength(static_cast<unsigned char>(text[i]));
    units += len == 4 ? 2 : 1;
    i += len;
  }
  return units;
}

std::vector<std::string> SplitMessage(std::string_view text, std::size_t limit) {
  std::vector<std::string> pieces;
  if (limit == 0) return pieces;
  std::string_view rest = Trim(text);
  while (!rest.empty()) {
    if (Utf16Length(rest) <= limit) {
      pieces.emplace_back(rest);
      break;
    }
    const std::size_t fits = PrefixBytes(rest, limit);
    std::size_t cut = BestCut(rest.substr(0, fits + 1));  // a separator right at the limit
    if (cut == std::string_view::npos || cut > fits) cut = fits;
    if (cut == 0) cut = SequenceLength(static_cast<unsigned char>(rest[0]));
    std::string_view piece = Trim(rest.substr(0, cut));
    if (!piece.empty()) pieces.emplace_back(piece);
    rest = Trim(rest.substr(cut));
  }
  return pieces;
}

}  // namespace textura::core::telegram
