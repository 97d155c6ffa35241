#pragma once

#include <cstdint>
#include <string_view>

namespace textura::core {

// Counts the words of UTF-8 text for billing: Unicode word segmentation (UAX #29);
// a segment counts when it contains a letter or a digit. The implementation lives in
// src/integrations (ICU BreakIterator); docs/words.md documents the rule. Thread-safe.
class WordCounter {
 public:
  virtual ~WordCounter() = default;
  virtual std::int64_t CountWords(std::string_view utf8) const = 0;
};

}  // namespace textura::core
