#pragma once

#include "core/ports/clock.h"
#include "core/ports/store.h"
#include "core/result.h"
#include "core/user.h"
#include "services/auth_service.h"

namespace textura::services {

struct NewStaffInput {
  std::string email, name, password, role;  // role: staff | admin
};

// Admins manage the support team: list, create, deactivate and activate staff users.
// Every change is recorded in the audit log in its own transaction. Deactivation
// revokes the user's sessions (their live sockets close) and blocks sign-in; an admin
// cannot deactivate themselves. Thread-safe; Create hashes a password (off I/O threads).
class StaffService {
 public:
  StaffService(core::Store& store, AuthService& auth, const core::Clock& clock)
      : store_(store), auth_(auth), clock_(clock) {}

  core::Result<std::vector<core::User>> List(const core::Principal& who);
  core::Result<core::User> Create(const core::Principal& who, const NewStaffInput& input);
  core::Result<core::User> SetActive(const core::Principal& who, core::UserId id, bool active);

 private:
  core::Store& store_;
  AuthService& auth_;
  const core::Clock& clock_;
};

}  // namespace textura::services
