#include "storage/sql/sql_identity_repositories.h"

#include "storage/sql/row_mapping.h"

namespace textura::storage {
namespace {

constexpr std::string_view kInsertAccount =
    "INSERT INTO accounts (name, created_at) VALUES ($1, $2) RETURNING id";
constexpr std::string_view kFindAccount = "SELECT id, name, created_at FROM accounts WHERE id = $1";

#define TEXTURA_USER_COLUMNS                                                      \
  "u.id, u.account_id, u.email, u.name, u.role, u.theme, u.locale, u.time_zone, " \
  "u.password_hash, u.created_at, u.active, u.last_login_at"
constexpr int kUserColumns = 12;

constexpr std::string_view kInsertUser =
    "INSERT INTO users (account_id, email, name, role, theme, locale, time_zone, password_hash,"
    " created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
constexpr std::string_view kFindUser =
    "SELECT " TEXTURA_USER_COLUMNS " FROM users u WHERE u.id = $1";
constexpr std::string_view kFindUserByEmail =
    "SELECT " TEXTURA_USER_COLUMNS " FROM users u WHERE u.email = $1";
constexpr std::string_view kUpdateProfile =
    "UPDATE users SET name = $2, theme = $3, locale = $4, time_zone = $5 WHERE id = $1";
constexpr std::string_view kListStaff = "SELECT " TEXTURA_USER_COLUMNS
                                        " FROM users u WHERE u.role IN ('staff', 'admin')"
                                        " ORDER BY u.id";
constexpr std::string_view kSetActive = "UPDATE users SET active = $2 WHERE id = $1";
constexpr std::string_view kSetLastLogin = "UPDATE users SET last_login_at = $2 WHERE id = $1";

constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (user_id, token_hash, csrf_token, created_at, expires_at, ip, user_agent)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr std::string_view kFindActiveSession =
    "SELECT " TEXTURA_USER_COLUMNS
    ", a.id, a.name, a.created_at,"
    " s.id, s.csrf_token, s.created_at, s.expires_at, s.ip, s.user_agent"
    " FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN accounts a ON a.id = u.account_id"
    " WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.active = 1";
constexpr std::string_view kRevokeSession =
    "UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL";
constexpr std::string_view kRevokeAllOfUser =
    "UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL"
    " AND expires_at > $2 RETURNING id";

core::User UserFrom(const Row& r) {
  core::User u;
  u.id = r.Int(0);
  u.account_id = OptionalIntAt(r, 1);
  u.email = TextAt(r, 2);
  u.name = TextAt(r, 3);
  u.role = core::ParseRole(r.Text(4)).value_or(core::Role::kCustomer);
  u.theme = core::ParseTheme(r.Text(5)).value_or(core::Theme::kSystem);
  u.locale = core::ParseLocale(r.Text(6)).value_or(core::Locale::kEn);
  u.time_zone = TextAt(r, 7);
  u.password_hash = TextAt(r, 8);
  u.created_at = TimeAt(r, 9);
  u.active = r.Int(10) != 0;
  u.last_login_at = OptionalTimeAt(r, 11);
  return u;
}

std::optional<core::User> QueryUser(Connection& conn, std::string_view sql, SqlValue key) {
  std::optional<core::User> out;
  conn.Run(sql, {key}, [&](const Row& r) { out = UserFrom(r); });
  return out;
}

}  // namespace

core::Account SqlAccountRepository::Insert(std::string_view name, core::Time now) {
  core::Account a{0, std::string(name), now};
  conn_.Run(kInsertAccount, {name, Micros(now)}, [&](const Row& r) { a.id = r.Int(0); });
  return a;
}

std::optional<core::Account> SqlAccountRepository::Find(core::AccountId id) {
  std::optional<core::Account> out;
  conn_.Run(kFindAccount, {id}, [&](const Row& r) {
    out = core::Account{r.Int(0), TextAt(r, 1), TimeAt(r, 2)};
  });
  return out;
}

core::Result<core::User> SqlUserRepository::Insert(core::User user) {
  try {
    conn_.Run(kInsertUser,
              {Nullable(user.account_id), user.email, user.name, core::RoleName(user.role),
               core::ThemeName(user.theme), core::LocaleName(user.locale), user.time_zone,
               user.password_hash, Micros(user.created_at)},
              [&](const Row& r) { user.id = r.Int(0); });
  } catch (const SqlError& e) {
    if (e.kind() != SqlError::Kind::kUniqueViolation) throw;
    return core::Error::Of(core::ErrorCode::kEmailTaken,
                           "An account with this email already exists.", "email");
  }
  return user;
}

std::optional<core::User> SqlUserRepository::Find(core::UserId id) {
  return QueryUser(conn_, kFindUser, id);
}

std::optional<core::User> SqlUserRepository::FindByEmail(std::string_view email) {
  return QueryUser(conn_, kFindUserByEmail, email);
}

void SqlUserRepository::UpdateProfile(const core::User& user) {
  conn_.Run(kUpdateProfile, {user.id, user.name, core::ThemeName(user.theme),
                             core::LocaleName(user.locale), user.time_zone});
}

std::vector<core::User> SqlUserRepository::ListStaff() {
  std::vector<core::User> out;
  conn_.Run(kListStaff, {}, [&](const Row& r) { out.push_back(UserFrom(r)); });
  return out;
}

void SqlUserRepository::SetActive(core::UserId id, bool active) {
  conn_.Run(kSetActive, {id, std::int64_t{active ? 1 : 0}});
}

void SqlUserRepository::SetLastLogin(core::UserId id, core::Time at) {
  conn_.Run(kSetLastLogin, {id, Micros(at)});
}

core::Session SqlSessionRepository::Insert(core::Session s) {
  conn_.Run(kInsertSession,
            {s.user_id, s.token_hash, s.csrf_token, Micros(s.created_at), Micros(s.expires_at),
             s.ip, s.user_agent},
            [&](const Row& r) { s.id = r.Int(0); });
  return s;
}

std::optional<core::Principal> SqlSessionRepository::FindActive(std::string_view token_hash,
                                                                core::Time now) {
  std::optional<core::Principal> out;
  conn_.Run(kFindActiveSession, {token_hash, Micros(now)}, [&](const Row& r) {
    core::Principal p;
    p.user = UserFrom(r);
    constexpr int a = kUserColumns;
    if (!r.IsNull(a)) p.account = core::Account{r.Int(a), TextAt(r, a + 1), TimeAt(r, a + 2)};
    constexpr int s = a + 3;
    p.session.id = r.Int(s);
    p.session.user_id = p.user.id;
    p.session.token_hash = std::string(token_hash);
    p.session.csrf_token = TextAt(r, s + 1);
    p.session.created_at = TimeAt(r, s + 2);
    p.session.expires_at = TimeAt(r, s + 3);
    p.session.ip = TextAt(r, s + 4);
    p.session.user_agent = TextAt(r, s + 5);
    out = std::move(p);
  });
  return out;
}

void SqlSessionRepository::Revoke(core::SessionId id, core::Time now) {
  conn_.Run(kRevokeSession, {id, Micros(now)});
}

}  // namespace textura::storage

namespace textura::storage {

std::vector<core::SessionId> SqlSessionRepository::RevokeAllOf(core::UserId user, core::Time now) {
  std::vector<core::SessionId> out;
  conn_.Run(kRevokeAllOfUser, {user, Micros(now)}, [&](const Row& r) { out.push_back(r.Int(0)); });
  return out;
}

}  // namespace textura::storage
