#include "services/staff_service.h"

#include "services/access.h"
#include "services/audit_service.h"

namespace textura::services {

using core::Error;
using core::ErrorCode;
using core::Result;

Result<std::vector<core::User>> StaffService::List(const core::Principal& who) {
  if (auto s = Require(who, Capability::kAdmin); !s) return std::move(s).error();
  return core::ReadValue<std::vector<core::User>>(
      store_, [&](core::Repositories& repos) -> Result<std::vector<core::User>> {
        return repos.users().ListStaff();
      });
}

Result<core::User> StaffService::Create(const core::Principal& who, const NewStaffInput& in) {
  if (auto s = Require(who, Capability::kAdmin); !s) return std::move(s).error();
  const auto role = core::ParseRole(in.role);
  if (!role || !core::IsStaff(*role)) {
    return Error::Validation("role", "must be staff or admin");
  }
  NewUserInput input{in.email, in.password, in.name, *role, std::nullopt};
  const core::Time now = clock_.Now();
  return auth_.CreateUser(input, [&](core::Repositories& repos, const core::User& created) {
    RecordAudit(repos, who.user, core::audit::kStaffCreated, {.target_user_id = created.id},
                {{"email", created.email}, {"role", std::string(core::RoleName(created.role))}},
                now);
    return core::OkStatus();
  });
}

Result<core::User> StaffService::SetActive(const core::Principal& who, core::UserId id,
                                           bool active) {
  if (auto s = Require(who, Capability::kAdmin); !s) return std::move(s).error();
  if (!active && id == who.user.id) {
    return Error::Conflict("You cannot deactivate yourself.");
  }
  const core::Time now = clock_.Now();
  std::vector<core::SessionId> revoked;
  auto updated =
      core::WriteValue<core::User>(store_, [&](core::Repositories& repos) -> Result<core::User> {
        auto user = repos.users().Find(id);
        // Customers are not managed here: to this page they do not exist.
        if (!user || !core::IsStaff(user->role)) {
          return Error::NotFound("Staff user " + std::to_string(id) + " was not found.");
        }
        if (user->active == active) return std::move(*user);
        repos.users().SetActive(id, active);
        if (!active) revoked = repos.sessions().RevokeAllOf(id, now);
        RecordAudit(repos, who.user,
                    active ? core::audit::kStaffActivated : core::audit::kStaffDeactivated,
                    {.target_user_id = id}, {{"email", user->email}}, now);
        user->active = active;
        return std::move(*user);
      });
  if (updated) {
    if (core::EventSink* events = auth_.event_sink()) {
      for (core::SessionId s : revoked) events->SessionEnded(s);
    }
  }
  return updated;
}

}  // namespace textura::services
