#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace textura::core {

// Keyset pages (API.md "Pagination"): a list answers `limit` items and, when more
// follow, the cursor of the last one. Repositories fetch FetchCount(limit) rows;
// TakePage trims the extra row and says where the next page starts.

inline constexpr int kDefaultPageLimit = 20;
inline constexpr int kMaxPageLimit = 100;

// ?limit= as received: absent → 20; else an integer from 1 to 100 (validation_failed
// naming "limit" otherwise).
Result<int> ParsePageLimit(const std::optional<std::string>& text);

// Rows to fetch for a page of `limit`: one more tells whether another page follows.
inline int FetchCount(int limit) {
  return limit + 1;
}

template <typename T>
struct Page {
  std::vector<T> items;
  std::optional<std::string> next_cursor;
};

// Keeps the first `limit` of `rows` (fetched with FetchCount) and returns the cursor
// of the last kept row when there were more, via `cursor_of(const T&) -> string`.
template <typename T, typename CursorOf>
std::optional<std::string> TakePage(std::vector<T>& rows, int limit, CursorOf cursor_of) {
  if (static_cast<int>(rows.size()) <= limit) return std::nullopt;
  rows.resize(static_cast<std::size_t>(limit));
  return cursor_of(rows.back());
}

}  // namespace textura::core
