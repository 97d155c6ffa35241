#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace textura::core::telegram {

// Telegram's limit on a message's text after entity parsing, in UTF-16 code units.
inline constexpr std::size_t kMaxMessageUnits = 4096;

// Text for parse_mode=HTML: &, < and > become entities (Telegram supports exactly
// &lt; &gt; &amp; &quot;, so nothing else needs escaping outside attributes).
std::string EscapeHtml(std::string_view text);

// The length of UTF-8 `text` in UTF-16 code units, as Telegram counts (a code point
// above U+FFFF is two). Invalid bytes count one unit each.
std::size_t Utf16Length(std::string_view text);

// Splits a plain-text reply into pieces of at most `limit` UTF-16 units each: at
// paragraph boundaries (blank lines) where it can, else at line breaks, else at
// spaces, else between code points (never inside one). Whitespace at the cuts is
// dropped; an empty or blank text gives no pieces. Escape each piece afterwards
// (escaping does not change the length Telegram counts).
std::vector<std::string> SplitMessage(std::string_view text, std::size_t limit = kMaxMessageUnits);

}  // namespace textura::core::telegram
