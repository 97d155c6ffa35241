#include "storage/sql/sql_integration_repositories.h"

#include "storage/sql/row_mapping.h"

namespace textura::storage {
namespace {

#define TEXTURA_KEY_COLUMNS                                                                \
  "k.id, k.account_id, k.created_by, k.name, k.prefix, k.key_hash, k.scope, k.created_at," \
  " k.expires_at, k.last_used_at, k.revoked_at"
constexpr int kKeyColumns = 11;

constexpr std::string_view kInsertKey =
    "INSERT INTO api_keys (account_id, created_by, name, prefix, key_hash, scope, created_at,"
    " expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
constexpr std::string_view kListKeys =
    "SELECT " TEXTURA_KEY_COLUMNS
    ", u.name FROM api_keys k JOIN users u ON u.id = k.created_by"
    " WHERE k.account_id = $1 ORDER BY k.id DESC";
constexpr std::string_view kFindKey = "SELECT " TEXTURA_KEY_COLUMNS
                                      ", u.name FROM api_keys k JOIN users u ON u.id = k.created_by"
                                      " WHERE k.account_id = $1 AND k.id = $2";
// The creator's columns in the order of sql_identity_repositories' users.
constexpr std::string_view kFindUsable =
    "SELECT " TEXTURA_KEY_COLUMNS
    ", u.id, u.account_id, u.email, u.name, u.role, u.theme, u.locale, u.time_zone,"
    " u.created_at, a.id, a.name, a.created_at"
    " FROM api_keys k JOIN users u ON u.id = k.created_by JOIN accounts a ON a.id = k.account_id"
    " WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > "
    "$2)"
    " AND u.active = 1 AND u.account_id = k.account_id";
constexpr std::string_view kRevokeKey =
    "UPDATE api_keys SET revoked_at = $3 WHERE account_id = $1 AND id = $2 AND revoked_at IS NULL";
constexpr std::string_view kTouchKey =
    "UPDATE api_keys SET last_used_at = $2 WHERE id = $1"
    " AND (last_used_at IS NULL OR last_used_at < $2)";

SqlValue OptionalMicros(const std::optional<core::Time>& t) {
  if (!t) return kNull;
  return SqlValue(Micros(*t));
}

core::ApiKey KeyFrom(const Row& r) {
  core::ApiKey k;
  k.id = r.Int(0);
  k.account_id = r.Int(1);
  k.created_by = r.Int(2);
  k.name = TextAt(r, 3);
  k.prefix = TextAt(r, 4);
  k.key_hash = TextAt(r, 5);
  k.scope = core::ParseApiKeyScope(r.Text(6)).value_or(core::ApiKeyScope::kRead);
  k.created_at = TimeAt(r, 7);
  k.expires_at = OptionalTimeAt(r, 8);
  k.last_used_at = OptionalTimeAt(r, 9);
  k.revoked_at = OptionalTimeAt(r, 10);
  return k;
}

}  // namespace

core::ApiKey SqlApiKeyRepository::Insert(core::ApiKey key) {
  conn_.Run(kInsertKey,
            {key.account_id, key.created_by, key.name, key.prefix, key.key_hash,
             core::ToString(key.scope), Micros(key.created_at), OptionalMicros(key.expires_at)},
            [&](const Row& r) { key.id = r.Int(0); });
  return key;
}

std::vector<core::ApiKey> SqlApiKeyRepository::List(core::AccountId account) {
  std::vector<core::ApiKey> out;
  conn_.Run(kListKeys, {account}, [&](const Row& r) {
    out.push_back(KeyFrom(r));
    out.back().created_by_name = TextAt(r, kKeyColumns);
  });
  return out;
}

std::optional<core::ApiKey> SqlApiKeyRepository::Find(core::AccountId account, core::ApiKeyId id) {
  std::optional<core::ApiKey> out;
  conn_.Run(kFindKey, {account, id}, [&](const Row& r) {
    out = KeyFrom(r);
    out->created_by_name = TextAt(r, kKeyColumns);
  });
  return out;
}

std::optional<core::ApiKeyMatch> SqlApiKeyRepository::FindUsable(std::string_view key_hash,
                                                                 core::Time now) {
  std::optional<core::ApiKeyMatch> out;
  conn_.Run(kFindUsable, {key_hash, Micros(now)}, [&](const Row& r) {
    core::ApiKeyMatch m;
    m.key = KeyFrom(r);
    constexpr int u = kKeyColumns;
    m.creator.id = r.Int(u);
    m.creator.account_id = OptionalIntAt(r, u + 1);
    m.creator.email = TextAt(r, u + 2);
    m.creator.name = TextAt(r, u + 3);
    m.creator.role = core::ParseRole(r.Text(u + 4)).value_or(core::Role::kCustomer);
    m.creator.theme = core::ParseTheme(r.Text(u + 5)).value_or(core::Theme::kSystem);
    m.creator.locale = core::ParseLocale(r.Text(u + 6)).value_or(core::Locale::kEn);
    m.creator.time_zone = TextAt(r, u + 7);
    m.creator.created_at = TimeAt(r, u + 8);
    constexpr int a = u + 9;
    m.account = core::Account{r.Int(a), TextAt(r, a + 1), TimeAt(r, a + 2)};
    out = std::move(m);
  });
  return out;
}

bool SqlApiKeyRepository::Revoke(core::AccountId account, core::ApiKeyId id, core::Time now) {
  return conn_.Run(kRevokeKey, {account, id, Micros(now)}) > 0;
}

void SqlApiKeyRepository::TouchLastUsed(core::ApiKeyId id, core::Time at) {
  conn_.Run(kTouchKey, {id, Micros(at)});
}

}  // namespace textura::storage
