#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace textura::core {

// The one parser of integers from outside text (path ids, query parameters,
// cursors): a whole decimal int64 with an optional leading '-', nothing else (no
// spaces, no '+', no fraction, no overflow).
std::optional<std::int64_t> ParseInt64(std::string_view text);

// An id: ParseInt64 and positive. Anything else names nothing (callers answer 404
// for a path id, a validation error for a query parameter).
std::optional<std::int64_t> ParseId(std::string_view text);

}  // namespace textura::core
