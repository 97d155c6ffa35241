#pragma once

#include "core/ports/user_repository.h"
#include "storage/connection.h"

namespace textura::storage {

class SqlAccountRepository final : public core::AccountRepository {
 public:
  explicit SqlAccountRepository(Connection& conn) : conn_(conn) {}
  core::Account Insert(std::string_view name, core::Time now) override;
  std::optional<core::Account> Find(core::AccountId id) override;

 private:
  Connection& conn_;
};

class SqlUserRepository final : public core::UserRepository {
 public:
  explicit SqlUserRepository(Connection& conn) : conn_(conn) {}
  core::Result<core::User> Insert(core::User user) override;
  std::optional<core::User> Find(core::UserId id) override;
  std::optional<core::User> FindByEmail(std::string_view normalized_email) override;
  void UpdateProfile(const core::User& user) override;
  std::vector<core::User> ListStaff() override;
  void SetActive(core::UserId id, bool active) override;
  void SetLastLogin(core::UserId id, core::Time at) override;

 private:
  Connection& conn_;
};

class SqlSessionRepository final : public core::SessionRepository {
 public:
  explicit SqlSessionRepository(Connection& conn) : conn_(conn) {}
  core::Session Insert(core::Session session) override;
  std::optional<core::Principal> FindActive(std::string_view token_hash, core::Time now) override;
  void Revoke(core::SessionId id, core::Time now) override;
  std::vector<core::SessionId> RevokeAllOf(core::UserId user, core::Time now) override;

 private:
  Connection& conn_;
};

}  // namespace textura::storage
