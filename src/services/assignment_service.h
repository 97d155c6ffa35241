#pragma once

#include <optional>
#include <vector>

#include "core/audit/audit.h"
#include "core/ports/clock.h"
#include "core/ports/event_sink.h"
#include "core/ports/store.h"
#include "core/result.h"
#include "core/user.h"

namespace textura::services {

// The console_settings name of the auto-assignment switch ("true"/"false").
inline constexpr std::string_view kAutoAssignSetting = "auto_assign";

// Who answers which ticket: assigning and taking, agents' shifts, and round-robin
// auto-assignment of new tickets. Staff only (kForbidden for customers); turning
// auto-assignment on or off is for admins. Every change of assignee is recorded in the
// ticket's history and reported as kStaffUpdated. Thread-safe.
class AssignmentService {
 public:
  AssignmentService(core::Store& store, const core::Clock& clock, core::EventSink& events);

  // `assignee` nullopt unassigns. The assignee must be an active staff or admin user
  // (validation_failed, field assignee_id); Done tickets are kTicketClosed.
  // Assigning the current assignee again changes nothing; a change is recorded as
  // `ticket.assigned` in the audit log in the same transaction.
  core::Result<core::TicketView> Assign(const core::Principal& who, core::TicketId ticket,
                                        std::optional<core::UserId> assignee);
  core::Result<core::TicketView> Take(const core::Principal& who, core::TicketId ticket);

  core::Result<std::vector<core::Agent>> Agents(const core::Principal& who);
  core::Result<bool> SetShift(const core::Principal& who, bool on_shift);
  core::Result<bool> AutoAssign(const core::Principal& who);
  core::Result<bool> SetAutoAssign(const core::Principal& who, bool on);

 private:
  core::Store& store_;
  const core::Clock& clock_;
  core::EventSink& events_;
};

// Inside the write that creates `ticket`: when auto-assignment is on, assigns it to
// the active on-shift agent whose last auto-assignment is oldest, and records the
// history entry (no actor) and a `ticket.assigned` audit entry (actor `creator`, the
// customer whose ticket triggered it; details auto=true). Returns the agent, or
// nullopt (off, or nobody on shift).
std::optional<core::User> AutoAssignNew(core::Repositories& repos, const core::User& creator,
                                        core::TicketId ticket, core::AccountId account,
                                        core::Time now);

}  // namespace textura::services
