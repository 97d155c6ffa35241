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

// What kind of caller a principal is. Only services/access.{h,cpp} decides what each
// kind may see and do; everything else asks it.
enum class PrincipalKind {
  kAnonymous,  // no credentials: public routes only (sign-up, sign-in, health)
  kUser,       // a signed-in user's browser session (customer, staff or admin)
  // The callers the next features bring, planned here so their rules go in one place:
  kApiKey,       // issue 15: an integration's key: `account` + `api_key` (its scope)
  kVisitor,      // issue 12: a website visitor: `account` + `visitor` (widget channel)
  kChannelUser,  // issue 11: a Telegram user arriving through a bot: `account` + `channel_user`
};

// A customer user's role in its account's team (issue 14). Until team roles exist,
// every customer user is the account's owner.
enum class TeamRole { kOwner, kAdmin, kOperator };

// An API key's grant (issue 15): which key, and the scope it was issued with.
struct ApiKeyGrant {
  std::int64_t key_id = 0;
  std::string scope;  // "read" or "read_write" (core::ApiKeyScope); access.cpp decides
};

// A website visitor (issue 12): the widget channel it came through, its visitor token
// (hashed) and, when the site vouched for it, a verified identity.
struct VisitorGrant {
  std::int64_t channel_id = 0;
  std::string visitor_token_hash;
  std::optional<std::string> verified_identity;
};

// A messenger user arriving through a bot (issue 11).
struct ChannelUserGrant {
  std::int64_t channel_id = 0;
  std::string external_user_id;  // e.g. the Telegram user id
};

// Who is making a request or sending a message. Today: kUser (the session's user
// with their account) or kAnonymous; the other kinds fill `account` and their grant.
struct Principal {
  User user;
  std::optional<Account> account;
  Session session;
  PrincipalKind kind = PrincipalKind::kUser;
  TeamRole team_role = TeamRole::kOwner;  // customers only
  std::optional<ApiKeyGrant> api_key;
  std::optional<VisitorGrant> visitor;
  std::optional<ChannelUserGrant> channel_user;
};

}  // namespace textura::core
