#include "services/api_key_service.h"

#include "core/validation.h"
#include "services/access.h"
#include "services/password_check.h"

namespace textura::services {

using core::Error;
using core::Result;

namespace {

constexpr std::size_t kMaxKeyName = 100;
// More keys than any integration needs; a bound on what one account can store.
constexpr std::size_t kMaxKeysPerAccount = 100;

Error KeyNotFound(core::ApiKeyId id) {
  return Error::NotFound("API key " + std::to_string(id) + " was not found.");
}

}  // namespace

ApiKeyService::ApiKeyService(core::Store& store, const core::PasswordHasher& passwords,
                             const core::KeyedHasher& digests, const core::TokenSource& tokens,
                             const core::Clock& clock)
    : store_(store), passwords_(passwords), digests_(digests), tokens_(tokens), clock_(clock) {}

Result<CreatedApiKey> ApiKeyService::Create(const core::Principal& who, const NewApiKeyInput& in) {
  if (auto s = Require(who, Capability::kAccountManager); !s) return std::move(s).error();
  auto name = core::CleanText("name", in.name, 1, kMaxKeyName);
  if (!name) return std::move(name).error();
  const auto scope = core::ParseApiKeyScope(in.scope);
  if (!scope) return Error::Validation("scope", "must be read or read_write");
  if (!core::IsAllowedApiKeyLifetime(in.expires_in_days)) {
    return Error::Validation("expires_in_days", "must be 30, 90 or 365 (or absent for no expiry)");
  }
  if (auto s = ConfirmPassword(store_, passwords_, who, in.password); !s) {
    return std::move(s).error();
  }
  const core::Time now = clock_.Now();
  CreatedApiKey out;
  out.secret = std::string(core::kApiKeyPrefix) + tokens_.NewToken();
  out.key.account_id = who.account->id;
  out.key.created_by = who.user.id;
  out.key.created_by_name = who.user.name;
  out.key.name = std::move(*name);
  out.key.prefix = out.secret.substr(0, core::kApiKeyShownPrefix);
  out.key.key_hash = digests_.Digest(out.secret);
  out.key.scope = *scope;
  out.key.created_at = now;
  if (in.expires_in_days) out.key.expires_at = now + std::chrono::hours(24 * *in.expires_in_days);
  auto stored = core::WriteValue<core::ApiKey>(
      store_, [&](core::Repositories& repos) -> Result<core::ApiKey> {
        if (repos.api_keys().List(out.key.account_id).size() >= kMaxKeysPerAccount) {
          return Error::Conflict("The account has " + std::to_string(kMaxKeysPerAccount) +
                                 " API keys; revoke unused ones first.");
        }
        return repos.api_keys().Insert(out.key);
      });
  if (!stored) return std::move(stored).error();
  out.key.id = stored->id;
  return out;
}

Result<std::vector<core::ApiKey>> ApiKeyService::List(const core::Principal& who) {
  if (auto s = Require(who, Capability::kAccountManager); !s) return std::move(s).error();
  auto keys = core::ReadValue<std::vector<core::ApiKey>>(
      store_, [&](core::Repositories& repos) -> Result<std::vector<core::ApiKey>> {
        return repos.api_keys().List(who.account->id);
      });
  if (!keys) return keys;
  // Times not yet flushed are the truth.
  std::lock_guard lock(mutex_);
  for (auto& k : *keys) {
    if (auto it = last_used_.find(k.id); it != last_used_.end()) {
      if (!k.last_used_at || *k.last_used_at < it->second) k.last_used_at = it->second;
    }
  }
  return keys;
}

Result<core::ApiKey> ApiKeyService::Revoke(const core::Principal& who, core::ApiKeyId id) {
  if (auto s = Require(who, Capability::kAccountManager); !s) return std::move(s).error();
  const core::Time now = clock_.Now();
  return core::WriteValue<core::ApiKey>(store_,
                                        [&](core::Repositories& repos) -> Result<core::ApiKey> {
                                          repos.api_keys().Revoke(who.account->id, id, now);
                                          auto key = repos.api_keys().Find(who.account->id, id);
                                          if (!key) return KeyNotFound(id);
                                          return std::move(*key);
                                        });
}

Result<core::Principal> ApiKeyService::Authenticate(std::string_view key) {
  const auto refused = [] {
    return Error::Unauthenticated("The API key is not valid: check the Authorization header.");
  };
  if (!core::IsApiKeyForm(key)) return refused();
  const std::string digest = digests_.Digest(key);
  const core::Time now = clock_.Now();
  auto found = core::ReadValue<std::optional<core::ApiKeyMatch>>(
      store_, [&](core::Repositories& repos) -> Result<std::optional<core::ApiKeyMatch>> {
        return repos.api_keys().FindUsable(digest, now);
      });
  if (!found) return std::move(found).error();
  if (!found->has_value()) return refused();
  core::ApiKeyMatch& m = **found;
  {
    std::lock_guard lock(mutex_);
    last_used_[m.key.id] = now;
  }
  core::Principal p;
  p.kind = core::PrincipalKind::kApiKey;
  p.user = std::move(m.creator);
  p.account = std::move(m.account);
  p.api_key = core::ApiKeyGrant{m.key.id, std::string(core::ToString(m.key.scope))};
  return p;
}

int ApiKeyService::FlushLastUsed() {
  std::unordered_map<core::ApiKeyId, core::Time> pending;
  {
    std::lock_guard lock(mutex_);
    pending.swap(last_used_);
  }
  if (pending.empty()) return 0;
  auto s = store_.Write([&](core::Repositories& repos) -> core::Status {
    for (const auto& [id, at] : pending) repos.api_keys().TouchLastUsed(id, at);
    return core::OkStatus();
  });
  if (!s) {
    // Kept for the next flush (a newer use wins).
    std::lock_guard lock(mutex_);
    for (const auto& [id, at] : pending) last_used_.try_emplace(id, at);
    return 0;
  }
  return static_cast<int>(pending.size());
}

}  // namespace textura::services
