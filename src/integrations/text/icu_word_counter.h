#pragma once

#include "core/ports/word_counter.h"

namespace textura::integrations {

// core::WordCounter over ICU's word BreakIterator (UAX #29), with the rule of
// docs/words.md: a segment counts when its rule status is a word status (number,
// letter, kana, ideograph) and it holds a letter or a digit; a URL or an e-mail
// address (a whitespace-separated token with "://", starting "www.", or with an "@"
// before a dot) is one word; words joined by one hyphen ("well-known", "кто-то") are
// one word. Invalid UTF-8 is decoded with replacement characters (they are not
// letters). Thread-safe: each thread keeps its own iterator.
class IcuWordCounter final : public core::WordCounter {
 public:
  std::int64_t CountWords(std::string_view utf8) const override;
};

}  // namespace textura::integrations
