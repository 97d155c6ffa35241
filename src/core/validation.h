#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace textura::core {

// Input rules shared by every entry point (API, CLI). Each returns the cleaned value
// or a kValidationFailed error naming `field`.

// Decodes the code point starting at byte `i` into `cp`; returns its length in bytes,
// or 0 when the sequence there is not valid UTF-8 (overlong forms, surrogates and
// code points past U+10FFFF are invalid).
std::size_t DecodeUtf8(std::string_view utf8, std::size_t i, char32_t& cp);
// C0 and C1 control characters (DEL included).
bool IsControl(char32_t cp);

// Counts Unicode code points; the input must be valid UTF-8.
std::size_t CodePointCount(std::string_view utf8);
bool IsValidUtf8(std::string_view bytes);

// Trims ASCII and Unicode whitespace at both ends.
std::string Trim(std::string_view text);

// Trimmed text of min..max code points, without control characters other than
// tab and newline (allowed only when `multiline`).
enum class Lines { kSingle, kMulti };
Result<std::string> CleanText(std::string_view field, std::string_view text, std::size_t min,
                              std::size_t max, Lines lines = Lines::kSingle);

// A plausible address (local@domain.tld, at most 254 bytes), trimmed and lower-cased.
Result<std::string> NormalizeEmail(std::string_view field, std::string_view email);

inline constexpr std::size_t kMinPasswordLength = 8;
inline constexpr std::size_t kMaxPasswordLength = 1024;
Status ValidatePassword(std::string_view field, std::string_view password);

// Whether `s` has a Cyrillic letter (U+0400–U+04FF): the client writes Russian.
bool HasCyrillic(std::string_view s);

// An IANA time zone name known to the system's tz database.
Status ValidateTimeZone(std::string_view field, std::string_view zone);

}  // namespace textura::core
