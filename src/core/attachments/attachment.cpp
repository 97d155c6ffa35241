#include "core/attachments/attachment.h"

#include <array>
#include <cstdint>

#include "core/validation.h"

namespace textura::core {
namespace {

constexpr std::string_view kFallbackName = "file";
constexpr std::string_view kOctetStream = "application/octet-stream";
// An extension longer than this is part of the name, not an extension.
constexpr std::size_t kMaxExtensionBytes = 16;

// Characters that reorder the text around them: "photo\u202Egpj.exe" shows as
// "photoexe.jpg". Also zero-width and BOM characters that hide in names.
bool IsInvisibleFormat(char32_t cp) {
  return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

bool IsWindowsReserved(char32_t cp) {
  constexpr std::string_view kReserved = "<>:\"|?*";
  return cp < 0x80 && kReserved.find(static_cast<char>(cp)) != std::string_view::npos;
}

// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
std::string_view CutUtf8(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

void TrimSpaces(std::string& s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  std::size_t start = 0;
  while (start < s.size() && s[start] == ' ') ++start;
  s.erase(0, start);
}

bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  constexpr std::string_view kExtra = "!#$&-^_.+";
  return kExtra.find(c) != std::string_view::npos;
}

}  // namespace

std::string SanitizeFilename(std::string_view name) {
  // The last path component, whichever separator the client's system uses.
  if (const auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);
  }
  std::string out;
  out.reserve(name.size());
  for (std::size_t i = 0; i < name.size();) {
    char32_t cp = 0;
    const std::size_t len = DecodeUtf8(name, i, cp);
    if (len == 0) {
      ++i;  // an invalid byte is dropped
      continue;
    }
    if (IsWindowsReserved(cp)) {
      out += '_';
    } else if (!IsControl(cp) && !IsInvisibleFormat(cp)) {
      out.append(name.substr(i, len));
    }
    i += len;
  }
  TrimSpaces(out);
  // No hidden files and nothing that reads as "." or ".."; Windows drops trailing dots.
  const std::size_t first = out.find_first_not_of('.');
  out.erase(0, first == std::string::npos ? out.size() : first);
  while (!out.empty() && out.back() == '.') out.pop_back();
  TrimSpaces(out);
  if (out.empty()) return std::string(kFallbackName);
  if (out.size() <= kMaxFilenameBytes) return out;

  std::string_view ext;
  if (const auto dot = out.rfind('.');
      dot != std::string::npos && dot > 0 && out.size() - dot <= kMaxExtensionBytes) {
    ext = std::string_view(out).substr(dot);
  }
  const std::string_view stem = std::string_view(out).substr(0, out.size() - ext.size());
  std::string cut(CutUtf8(stem, kMaxFilenameBytes - ext.size()));
  TrimSpaces(cut);
  cut += ext;
  return cut;
}

bool IsInlineImage(std::string_view content_type) {
  constexpr std::array<std::string_view, 4> kInline = {"image/png", "image/jpeg", "image/gif",
                                                       "image/webp"};
  for (std::string_view t : kInline) {
    if (content_type == t) return true;
  }
  return false;
}

std::string NormalizeContentType(std::string_view sniffed) {
  if (const auto semi = sniffed.find(';'); semi != std::string_view::npos) {
    sniffed = sniffed.substr(0, semi);
  }
  while (!sniffed.empty() && sniffed.back() == ' ') sniffed.remove_suffix(1);
  std::string out;
  out.reserve(sniffed.size());
  for (char c : sniffed) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  const auto slash = out.find('/');
  bool valid =
      slash != std::string::npos && slash > 0 && slash + 1 < out.size() && out.size() <= 127;
  for (std::size_t i = 0; valid && i < out.size(); ++i) {
    valid = i == slash || IsTokenChar(out[i]);
  }
  // libmagic says application/x-empty for an empty file: not a type to serve.
  if (!valid || out == "application/x-empty" || out.find('/', slash + 1) != std::string::npos) {
    return std::string(kOctetStream);
  }
  return out;
}

}  // namespace textura::core
