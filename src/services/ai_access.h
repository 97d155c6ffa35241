#pragma once

#include <charconv>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/user.h"

namespace textura::services {

// Who may do what with AI employees, chats and billing (docs/ai-employees.md):
// customers act within their own account; staff may read chats (read-only) and top
// up balances, never edit an account's employees.

// The caller's account, for customer-only actions; staff get kForbidden.
inline core::Result<core::AccountId> CustomerAccount(const core::Principal& who) {
  if (core::IsStaff(who.user.role) || !who.account) {
    return core::Error{core::ErrorCode::kForbidden,
                       "Only the account's own users manage its AI employees and chats.",
                       {},
                       0};
  }
  return who.account->id;
}

inline std::optional<std::int64_t> ParseId(std::string_view s) {
  std::int64_t v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// ?limit=: 1–100, default 20.
inline core::Result<int> ParsePageLimit(const std::optional<std::string>& text) {
  if (!text) return 20;
  const auto v = ParseId(*text);
  if (!v || *v < 1 || *v > 100) {
    return core::Error::Validation("limit", "must be an integer from 1 to 100");
  }
  return static_cast<int>(*v);
}

}  // namespace textura::services
