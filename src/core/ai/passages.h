#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace textura::core {

// A document's passages are what retrieval finds and what a reply quotes.
inline constexpr std::size_t kPassageTargetBytes = 1200;  // short paragraphs merge up to this
inline constexpr std::size_t kPassageMaxBytes = 2000;     // longer paragraphs are cut

// Splits a document into passages at write time: paragraphs (separated by blank
// lines; CRLF is treated as LF) are trimmed; consecutive short paragraphs are merged
// while the passage stays within kPassageTargetBytes; a Markdown heading ("# …")
// always starts a new passage; a paragraph over kPassageMaxBytes is cut at the last
// sentence end (". ", "! ", "? ", "\n"), else the last space, else a UTF-8 boundary
// before the limit. Passages are never empty; the concatenated words are the
// document's words in order. Pure.
std::vector<std::string> SplitPassages(std::string_view text);

}  // namespace textura::core
