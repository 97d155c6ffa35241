#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/user.h"

namespace textura::core {

// Repositories are bound to one connection (and transaction, when writing); they are
// obtained from Store::Read / Store::Write and must not outlive the callback.

class AccountRepository {
 public:
  virtual ~AccountRepository() = default;
  virtual Account Insert(std::string_view name, Time now) = 0;
  virtual std::optional<Account> Find(AccountId id) = 0;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  // Fills in `user.id`; kEmailTaken when the (normalised) email exists.
  virtual Result<User> Insert(User user) = 0;
  virtual std::optional<User> Find(UserId id) = 0;
  virtual std::optional<User> FindByEmail(std::string_view normalized_email) = 0;
  // Saves name, theme, locale and time_zone.
  virtual void UpdateProfile(const User& user) = 0;
  // Staff and admins, oldest first.
  virtual std::vector<User> ListStaff() = 0;
  virtual void SetActive(UserId id, bool active) = 0;
  virtual void SetLastLogin(UserId id, Time at) = 0;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual Session Insert(Session session) = 0;
  // The unexpired, unrevoked session of an active user with this token digest, with its
  // user and account.
  virtual std::optional<Principal> FindActive(std::string_view token_hash, Time now) = 0;
  virtual void Revoke(SessionId id, Time now) = 0;
  // Revokes every live session of the user; returns their ids (to close their sockets).
  virtual std::vector<SessionId> RevokeAllOf(UserId user, Time now) = 0;
};

}  // namespace textura::core
