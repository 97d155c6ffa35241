#include "core/ai/retrieval.h"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "core/support/ticket.h"
#include "core/validation.h"

namespace textura::core {
namespace {

// Function words that say nothing about the topic of a question.
const std::unordered_set<std::string_view>& StopWords() {
  static const std::unordered_set<std::string_view> kWords = {
      "the",          "an",     "and",  "or",    "is",    "are",   "was",
      "were",         "be",     "am",   "do",    "does",  "did",   "to",
      "of",           "in",     "on",   "at",    "for",   "with",  "by",
      "it",           "its",    "this", "that",  "can",   "could", "would",
      "will",         "you",    "your", "we",    "our",   "me",    "my",
      "he",           "she",    "they", "what",  "how",   "when",  "where",
      "which",        "who",    "why",  "there", "any",   "have",  "has",
      "please",       "about",  "from", "if",    "so",    "as",    "not",
      "no",           "but",    "hi",   "hello", "и",     "в",     "во",
      "на",           "с",      "со",   "по",    "к",     "ко",    "о",
      "об",           "от",     "до",   "за",    "из",    "у",     "а",
      "но",           "или",    "ли",   "же",    "бы",    "не",    "ни",
      "что",          "как",    "где",  "когда", "какой", "какая", "какие",
      "это",          "этот",   "эта",  "я",     "мы",    "вы",    "ты",
      "он",           "она",    "они",  "мне",   "вас",   "вам",   "нас",
      "нам",          "мой",    "ваш",  "есть",  "можно", "ли",    "пожалуйста",
      "здравствуйте", "привет", "для",  "при",   "так",   "то"};
  return kWords;
}

bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }
  // Latin-1 punctuation, general punctuation, CJK punctuation and the « » quotes are
  // separators; other non-ASCII code points are taken as letters.
  if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x206F) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  return true;
}

std::size_t CodePoints(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The byte length of the first `n` code points of `s`.
std::size_t PrefixBytes(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  while (i < s.size() && n > 0) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    --n;
  }
  return i;
}

std::size_t CommonPrefixCodePoints(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  while (i > 0 && i < a.size() && (static_cast<unsigned char>(a[i]) & 0xC0) == 0x80) --i;
  return CodePoints(a.substr(0, i));
}

// The share of `terms` matched by some word of `words`.
double Coverage(const std::vector<std::string>& terms, const std::vector<std::string>& words) {
  if (terms.empty()) return 0;
  int matched = 0;
  for (const std::string& t : terms) {
    for (const std::string& w : words) {
      if (WordsMatch(t, w)) {
        ++matched;
        break;
      }
    }
  }
  return static_cast<double>(matched) / static_cast<double>(terms.size());
}

}  // namespace

std::vector<std::string> Words(std::string_view text) {
  const std::string folded = support::FoldCase(text);
  std::vector<std::string> out;
  std::string current;
  char32_t cp = 0;
  for (std::size_t i = 0; i < folded.size();) {
    const std::size_t n = DecodeUtf8(folded, i, cp);
    if (n == 0) {  // invalid byte: a separator
      ++i;
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
      continue;
    }
    if (IsWordCodePoint(cp)) {
      current.append(folded, i, n);
    } else if (!current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
    i += n;
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::vector<std::string> SearchTerms(std::string_view text) {
  std::vector<std::string> out;
  for (std::string& w : Words(text)) {
    if (CodePoints(w) < 2 || StopWords().count(w)) continue;
    if (std::find(out.begin(), out.end(), w) != out.end()) continue;
    out.push_back(std::move(w));
    if (out.size() == kMaxSearchTerms) break;
  }
  return out;
}

RecallTerm RecallPrefix(const std::string& term) {
  if (CodePoints(term) < 4) return {term, false};
  return {term.substr(0, PrefixBytes(term, 4)), true};
}

bool WordsMatch(std::string_view term, std::string_view word) {
  if (term == word) return true;
  const std::size_t a = CodePoints(term);
  const std::size_t b = CodePoints(word);
  if (a < 4 || b < 4) return false;
  const std::size_t common = CommonPrefixCodePoints(term, word);
  return common >= 4 && common + 3 >= std::max(a, b);
}

std::vector<KnowledgePassage> RankPassages(std::string_view message,
                                           std::vector<KnowledgePassage> candidates) {
  const std::vector<std::string> terms = SearchTerms(message);
  const std::vector<std::string> message_words = Words(message);
  struct Scored {
    KnowledgePassage passage;
    double title_coverage;
    std::size_t order;
  };
  std::vector<Scored> scored;
  scored.reserve(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    KnowledgePassage& p = candidates[i];
    std::vector<std::string> words = Words(p.title);
    std::vector<std::string> text_words = Words(p.text);
    words.insert(words.end(), text_words.begin(), text_words.end());
    p.score = Coverage(terms, words);
    const double title_coverage = Coverage(SearchTerms(p.title), message_words);
    scored.push_back({std::move(p), title_coverage, i});
  }
  std::stable_sort(scored.begin(), scored.end(), [](const Scored& x, const Scored& y) {
    if (x.passage.score != y.passage.score) return x.passage.score > y.passage.score;
    if (x.title_coverage != y.title_coverage) return x.title_coverage > y.title_coverage;
    if (x.passage.kind != y.passage.kind) return x.passage.kind == KnowledgePassage::Kind::kQa;
    return x.order < y.order;
  });
  std::vector<KnowledgePassage> out;
  out.reserve(scored.size());
  for (Scored& s : scored) out.push_back(std::move(s.passage));
  return out;
}

}  // namespace textura::core
