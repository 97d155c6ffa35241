#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/ids.h"
#include "core/time.h"

namespace textura::core {

// Customers belong to one account and see only it; staff answer every account's
// tickets; admins are staff who also manage staff and balances.
enum class Role { kCustomer, kStaff, kAdmin };
enum class Theme { kLight, kDark, kSystem };
enum class Locale { kEn, kRu };

std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);
std::string_view ThemeName(Theme theme);
std::optional<Theme> ParseTheme(std::string_view name);
std::string_view LocaleName(Locale locale);
std::optional<Locale> ParseLocale(std::string_view name);

inline bool IsStaff(Role role) {
  return role == Role::kStaff || role == Role::kAdmin;
}

inline constexpr std::string_view kDefaultTimeZone = "Europe/Moscow";

struct Account {
  AccountId id = 0;
  std::string name;
  Time created_at{};
};

struct User {
  UserId id = 0;
  std::optional<AccountId> account_id;  // set for customers only
  std::string email;                    // normalised: trimmed, lower-case
  std::string name;
  Role role = Role::kCustomer;
  Theme theme = Theme::kSystem;
  Locale locale = Locale::kEn;
  std::string time_zone{kDefaultTimeZone};
  std::string password_hash;  // argon2id string, never leaves services
  Time created_at{};
  // Deactivated users cannot sign in and have no live sessions (staff management).
  bool active = true;
  std::optional<Time> last_login_at;
};

// A signed-in browser or client. The token itself is never stored, only its hash.
struct Session {
  SessionId id = 0;
  UserId user_id = 0;
  std::string token_hash;
  std::string csrf_token;
  Time created_at{};
  Time expires_at{};
  std::string ip;
  std::string user_agent;
};

// Who is making a request: the session's user with their account.
struct Principal {
  User user;
  std::optional<Account> account;
  Session session;
};

}  // namespace textura::core
