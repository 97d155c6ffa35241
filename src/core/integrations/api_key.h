#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/ids.h"
#include "core/time.h"

namespace textura::core {

using ApiKeyId = std::int64_t;

// What an API key may do (docs/integrations.md): kRead answers GET/HEAD only; kReadWrite
// everything the account's customer routes allow. Either way no more than its creator.
enum class ApiKeyScope { kRead, kReadWrite };
std::string_view ToString(ApiKeyScope scope);
std::optional<ApiKeyScope> ParseApiKeyScope(std::string_view name);

// A key of an account. The secret is never stored: only its keyed digest, and the
// first characters (`prefix`) so people can tell their keys apart.
struct ApiKey {
  ApiKeyId id = 0;
  AccountId account_id = 0;
  UserId created_by = 0;
  std::string created_by_name;  // filled by lists
  std::string name;
  std::string prefix;  // "txk_" + the first 8 characters of the secret part
  std::string key_hash;
  ApiKeyScope scope = ApiKeyScope::kRead;
  Time created_at{};
  std::optional<Time> expires_at;
  std::optional<Time> last_used_at;
  std::optional<Time> revoked_at;
};

// Every key starts with this, so a leaked key is recognisable (secret scanners).
inline constexpr std::string_view kApiKeyPrefix = "txk_";
// "txk_" + 43 characters of URL-safe base64 (256 random bits).
inline constexpr std::size_t kApiKeySecretLength = 43;
inline constexpr std::size_t kApiKeyLength = kApiKeyPrefix.size() + kApiKeySecretLength;
inline constexpr std::size_t kApiKeyShownPrefix = kApiKeyPrefix.size() + 8;

// The key of an `Authorization` header value: "Bearer <key>" (the scheme in any case,
// one or more spaces, RFC 9110 §11.6.2) with a key of the form above; nullopt for
// anything else. Never says why (the caller answers one 401 for every failure).
std::optional<std::string_view> BearerApiKey(std::string_view authorization);
// Whether `key` has the form of an API key (prefix, length, alphabet).
bool IsApiKeyForm(std::string_view key);

// The lifetimes a key may be created with: 30, 90 or 365 days, or none.
bool IsAllowedApiKeyLifetime(std::optional<std::int64_t> days);

enum class ApiKeyState { kActive, kExpired, kRevoked };
ApiKeyState StateOf(const ApiKey& key, Time now);
std::string_view ToString(ApiKeyState state);

}  // namespace textura::core
