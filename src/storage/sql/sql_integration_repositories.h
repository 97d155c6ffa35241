#pragma once

#include "core/ports/integration_repository.h"
#include "storage/connection.h"

namespace textura::storage {

class SqlApiKeyRepository final : public core::ApiKeyRepository {
 public:
  explicit SqlApiKeyRepository(Connection& conn) : conn_(conn) {}
  core::ApiKey Insert(core::ApiKey key) override;
  std::vector<core::ApiKey> List(core::AccountId account) override;
  std::optional<core::ApiKey> Find(core::AccountId account, core::ApiKeyId id) override;
  std::optional<core::ApiKeyMatch> FindUsable(std::string_view key_hash, core::Time now) override;
  bool Revoke(core::AccountId account, core::ApiKeyId id, core::Time now) override;
  void TouchLastUsed(core::ApiKeyId id, core::Time at) override;

 private:
  Connection& conn_;
};

}  // namespace textura::storage
