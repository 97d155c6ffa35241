#include "core/validation.h"

#include <date/tz.h>

#include <algorithm>
#include <exception>

namespace textura::core {

std::size_t DecodeUtf8(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool IsControl(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

namespace {

bool IsSpace(char32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  char32_t cp;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = DecodeUtf8(s, i, cp);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::size_t CodePointCount(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string Trim(std::string_view s) {
  std::size_t begin = 0, end = s.size();
  char32_t cp;
  while (begin < end) {
    const std::size_t n = DecodeUtf8(s, begin, cp);
    if (n == 0 || !IsSpace(cp)) break;
    begin += n;
  }
  // Walk back to the start of the last code point and test it.
  while (end > begin) {
    std::size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    const std::size_t n = DecodeUtf8(s, start, cp);
    if (n == 0 || start + n != end || !IsSpace(cp)) break;
    end = start;
  }
  return std::string(s.substr(begin, end - begin));
}

Result<std::string> CleanText(std::string_view field, std::string_view text, std::size_t min,
                              std::size_t max, Lines lines) {
  if (!IsValidUtf8(text)) return Error::Validation(std::string(field), "must be valid UTF-8");
  std::string cleaned = Trim(text);
  char32_t cp;
  for (std::size_t i = 0; i < cleaned.size();) {
    const std::size_t n = DecodeUtf8(cleaned, i, cp);
    const bool allowed_break = lines == Lines::kMulti && (cp == '\n' || cp == '\t' || cp == '\r');
    if (IsControl(cp) && !allowed_break) {
      return Error::Validation(std::string(field), "must not contain control characters");
    }
    i += n;
  }
  const std::size_t count = CodePointCount(cleaned);
  if (count < min) {
    return Error::Validation(
        std::string(field),
        min == 1 ? "must not be empty" : "must be at least " + std::to_string(min) + " characters");
  }
  if (count > max) {
    return Error::Validation(std::string(field),
                             "must be at most " + std::to_string(max) + " characters");
  }
  return cleaned;
}

Result<std::string> NormalizeEmail(std::string_view field, std::string_view email) {
  std::string e = Trim(email);
  const auto invalid = [&] {
    return Error::Validation(std::string(field), "must be an email address");
  };
  if (e.empty() || e.size() > 254 || !IsValidUtf8(e)) return invalid();
  std::transform(e.begin(), e.end(), e.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  const auto at = e.find('@');
  if (at == std::string::npos || at == 0 || e.find('@', at + 1) != std::string::npos) {
    return invalid();
  }
  const std::string_view domain = std::string_view(e).substr(at + 1);
  const auto dot = domain.rfind('.');
  if (domain.empty() || dot == std::string_view::npos || dot == 0 || dot + 1 == domain.size() ||
      domain.find("..") != std::string_view::npos) {
    return invalid();
  }
  for (unsigned char c : e) {
    if (c <= ' ' || c == 0x7F || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' ||
        c == ';' || c == '\\' || c == '"' || c == '[' || c == ']') {
      return invalid();
    }
  }
  return e;
}

Status ValidatePassword(std::string_view field, std::string_view password) {
  if (!IsValidUtf8(password)) return Error::Validation(std::string(field), "must be valid UTF-8");
  const std::size_t n = CodePointCount(password);
  if (n < kMinPasswordLength) {
    return Error::Validation(std::string(field), "must be at least 8 characters");
  }
  if (n > kMaxPasswordLength) {
    return Error::Validation(std::string(field), "must be at most 1024 characters");
  }
  return OkStatus();
}

Status ValidateTimeZone(std::string_view field, std::string_view zone) {
  const auto invalid = [&] {
    return Error::Validation(std::string(field), "must be an IANA time zone such as Europe/Moscow");
  };
  if (zone.empty() || zone.size() > 64) return invalid();
  try {
    (void)date::locate_zone(zone);
  } catch (const std::exception&) {
    return invalid();
  }
  return OkStatus();
}

bool HasCyrillic(std::string_view s) {
  char32_t cp = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = DecodeUtf8(s, i, cp);
    if (n == 0) return false;
    if (cp >= 0x400 && cp <= 0x4FF) return true;
    i += n;
  }
  return false;
}

}  // namespace textura::core
