#include "integrations/text/icu_word_counter.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>

namespace textura::integrations {
namespace {

icu::BreakIterator& Iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !made) {
      throw std::runtime_error(std::string("ICU word break iterator: ") + u_errorName(status));
    }
    return made;
  }();
  return *it;
}

bool IsSpace(UChar32 c) {
  return u_isUWhiteSpace(c);
}

// A URL or an e-mail address, possibly wrapped in brackets or followed by sentence
// punctuation.
bool IsLinkToken(const icu::UnicodeString& token) {
  if (token.indexOf(u"://") > 0) return true;
  if (token.startsWith(u"www.") || token.startsWith(u"WWW.")) return true;
  const int32_t at = token.indexOf(u'@');
  return at > 0 && token.indexOf(u'.', at) > at + 1;
}

bool HasLetterOrDigit(const icu::UnicodeString& s, int32_t start, int32_t end) {
  for (int32_t i = start; i < end;) {
    const UChar32 c = s.char32At(i);
    if (u_isalpha(c) || u_isdigit(c) || u_hasBinaryProperty(c, UCHAR_ALPHABETIC)) return true;
    i += U16_LENGTH(c);
  }
  return false;
}

bool IsHyphen(UChar32 c) {
  return c == u'-' || c == 0x2010 || c == 0x2011;
}

// Counts the words of text holding no links.
std::int64_t CountSegments(const icu::UnicodeString& text) {
  icu::BreakIterator& it = Iterator();
  it.setText(text);
  std::int64_t count = 0;
  int32_t last_word_end = -1;      // where the last counted word ended
  int32_t hyphen_after_word = -1;  // end of a single hyphen right after that word
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    const int32_t status = it.getRuleStatus();
    const bool word = status >= UBRK_WORD_NONE_LIMIT && HasLetterOrDigit(text, start, end);
    if (word) {
      if (hyphen_after_word != start) ++count;  // "well-known": the second half joins
      last_word_end = end;
      hyphen_after_word = -1;
    } else if (start == last_word_end && end - start == 1 && IsHyphen(text.charAt(start))) {
      hyphen_after_word = end;
    } else {
      hyphen_after_word = -1;
    }
  }
  return count;
}

}  // namespace

std::int64_t IcuWordCounter::CountWords(std::string_view utf8) const {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  // Links count as one word each; they are blanked out before segmentation.
  std::int64_t links = 0;
  const int32_t n = text.length();
  for (int32_t i = 0; i < n;) {
    while (i < n && IsSpace(text.char32At(i))) i += U16_LENGTH(text.char32At(i));
    const int32_t begin = i;
    while (i < n && !IsSpace(text.char32At(i))) i += U16_LENGTH(text.char32At(i));
    if (i > begin) {
      icu::UnicodeString token(text, begin, i - begin);
      if (IsLinkToken(token)) {
        ++links;
        text.replace(begin, i - begin, icu::UnicodeString(i - begin, u' ', i - begin));
      }
    }
  }
  return links + CountSegments(text);
}

}  // namespace textura::integrations
