#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/ai/responder.h"

namespace textura::core {

// Retrieval in two steps (docs/ai-employees.md "Retrieval and the threshold"):
//  1. recall: the database's full-text index (SQLite FTS5 bm25, PostgreSQL ts_rank)
//     finds candidate passages for SearchTerms(message), each term matched as a
//     prefix (RecallPrefix) and ranked by the database;
//  2. scoring: RankPassages gives every candidate the same score on both databases —
//     the share of the message's search terms the passage contains — so one
//     threshold means the same thing everywhere.

// The message's search terms: words (runs of letters and digits) case-folded (Latin
// and Cyrillic), without common English and Russian function words and one-letter
// words, without repeats, in order, at most kMaxSearchTerms.
inline constexpr std::size_t kMaxSearchTerms = 16;
std::vector<std::string> SearchTerms(std::string_view text);

// Every word of a text, case-folded (no stop-word removal, repeats kept).
std::vector<std::string> Words(std::string_view text);

// What the full-text index is asked for a term: its first 4 characters as a prefix
// when it is at least 4 characters long ("opening" → "open*"), else the term itself.
struct RecallTerm {
  std::string text;
  bool prefix = false;
};
RecallTerm RecallPrefix(const std::string& term);

// Whether a search term and a passage word are the same word: equal, or both at
// least 4 characters sharing a prefix of at least 4 characters that leaves at most 3
// characters of the longer one ("open" ~ "opening", "доставка" ~ "доставки", but not
// "return" ~ "returnable").
bool WordsMatch(std::string_view term, std::string_view word);

// Scores candidates (in the database's order) for `message`: score = matched search
// terms / search terms, in [0, 1], computed over the passage's title and text. Sorted
// best first; ties go to the passage whose title is more covered by the message,
// then to Q&A pairs, then to the database's order. Pure and deterministic.
std::vector<KnowledgePassage> RankPassages(std::string_view message,
                                           std::vector<KnowledgePassage> candidates);

}  // namespace textura::core
