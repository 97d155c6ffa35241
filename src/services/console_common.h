#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/result.h"
#include "core/user.h"

namespace textura::services {

// kForbidden unless `who` is staff or admin: the console's routes are the team's.
inline core::Status RequireStaff(const core::Principal& who) {
  if (core::IsStaff(who.user.role)) return core::OkStatus();
  return core::Error{core::ErrorCode::kForbidden, "This is the support team's console.", {}, 0};
}

inline core::Error NoSuchTicket(std::int64_t id) {
  return core::Error::NotFound("Ticket #" + std::to_string(id) + " was not found.");
}

// A whole decimal int64, nothing else.
inline std::optional<std::int64_t> ParseWholeInt(std::string_view s) {
  std::int64_t v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace textura::services
