#include "core/numbers.h"

#include <charconv>

namespace textura::core {

std::optional<std::int64_t> ParseInt64(std::string_view text) {
  std::int64_t v = 0;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size()) return std::nullopt;
  return v;
}

std::optional<std::int64_t> ParseId(std::string_view text) {
  const auto v = ParseInt64(text);
  if (!v || *v <= 0) return std::nullopt;
  return v;
}

}  // namespace textura::core
