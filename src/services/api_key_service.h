#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/integrations/api_key.h"
#include "core/ports/clock.h"
#include "core/ports/crypto.h"
#include "core/ports/store.h"
#include "core/result.h"
#include "core/user.h"

namespace textura::services {

// A key to create, as received.
struct NewApiKeyInput {
  std::string name;
  std::string scope;                            // "read" | "read_write"
  std::optional<std::int64_t> expires_in_days;  // 30, 90, 365; absent: never
  std::string password;                         // re-authentication (password_check.h)
};

// A created key: the record and the key itself, shown this once.
struct CreatedApiKey {
  core::ApiKey key;
  std::string secret;
};

// An account's API keys (docs/integrations.md): created by its owner or admins (with
// their password), listed, revoked; and the lookup behind `Authorization: Bearer`.
// Keys are stored as a keyed BLAKE2b digest, so checking one costs one indexed read
// and microseconds of hashing. When a key was last used is kept in memory and written
// by FlushLastUsed (every minute, and at shutdown), so a request never waits on a
// write for it. Thread-safe.
class ApiKeyService {
 public:
  ApiKeyService(core::Store& store, const core::PasswordHasher& passwords,
                const core::KeyedHasher& digests, const core::TokenSource& tokens,
                const core::Clock& clock);

  core::Result<CreatedApiKey> Create(const core::Principal& who, const NewApiKeyInput& in);
  core::Result<std::vector<core::ApiKey>> List(const core::Principal& who);
  // Revoking a revoked key again is fine (the key as it is); another account's is kNotFound.
  core::Result<core::ApiKey> Revoke(const core::Principal& who, core::ApiKeyId id);

  // The principal of a presented key: kUnauthenticated, with one message whatever the
  // reason (malformed, unknown, expired, revoked, creator deactivated).
  core::Result<core::Principal> Authenticate(std::string_view key);
  // Writes the pending "last used" times; returns how many keys it touched.
  int FlushLastUsed();

 private:
  core::Store& store_;
  const core::PasswordHasher& passwords_;
  const core::KeyedHasher& digests_;
  const core::TokenSource& tokens_;
  const core::Clock& clock_;
  std::mutex mutex_;
  std::unordered_map<core::ApiKeyId, core::Time> last_used_;  // GUARDED_BY(mutex_)
};

}  // namespace textura::services
