#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace textura::core {

// Instants are UTC microseconds since the Unix epoch, in storage and in memory.
using Time = std::chrono::sys_time<std::chrono::microseconds>;

inline Time FromMicros(long long us) {
  return Time(std::chrono::microseconds(us));
}
inline long long ToMicros(Time t) {
  return t.time_since_epoch().count();
}

// RFC 3339 UTC with second precision: "2026-11-23T18:04:05Z" (the API's format).
std::string FormatRfc3339(Time t);
// Parses "YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)"; nullopt when malformed.
std::optional<Time> ParseRfc3339(std::string_view text);

}  // namespace textura::core
