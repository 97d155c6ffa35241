#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/ports/clock.h"
#include "core/ports/store.h"
#include "core/result.h"
#include "core/support/canned_reply.h"
#include "core/user.h"

namespace textura::services {

// POST/PATCH bodies as received. For PATCH, absent members stay as they are;
// clear_shortcut removes the shortcut ("shortcut": null).
struct CannedInput {
  std::optional<std::string> title{};
  std::optional<std::string> body{};
  std::optional<std::string> shortcut{};
  bool clear_shortcut = false;
  std::optional<bool> shared{};
};

// Canned replies. Staff only (kForbidden for customers). An agent sees their own and
// the shared ones; only the owner or an admin changes or deletes one: another agent's
// private reply is kNotFound, another agent's shared one kForbidden. Shortcuts are
// unique per owner (kConflict). Thread-safe.
class CannedReplyService {
 public:
  CannedReplyService(core::Store& store, const core::Clock& clock);

  core::Result<std::vector<core::support::CannedReply>> List(const core::Principal& who);
  core::Result<core::support::CannedReply> Create(const core::Principal& who,
                                                  const CannedInput& input);
  core::Result<core::support::CannedReply> Update(const core::Principal& who,
                                                  core::CannedReplyId id, const CannedInput& input);
  core::Status Delete(const core::Principal& who, core::CannedReplyId id);
  // The reply's body with the placeholders filled in for `ticket` and `who`; an
  // unknown ticket is validation_failed (field ticket_id).
  core::Result<std::string> Render(const core::Principal& who, core::CannedReplyId id,
                                   core::TicketId ticket);

 private:
  core::Store& store_;
  const core::Clock& clock_;
};

}  // namespace textura::services
