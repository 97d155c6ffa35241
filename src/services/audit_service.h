#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.h"
#include "core/ports/clock.h"
#include "core/ports/store.h"
#include "core/result.h"
#include "core/user.h"

namespace textura::services {

// Appends one audit entry for `actor` doing `action` (see core/audit/audit.h for the
// names). Call it inside the Store::Write of the action itself, so the entry exists
// exactly when the action was committed:
//
//   store_.Write([&](core::Repositories& repos) -> core::Status {
//     ... the change ...
//     RecordAudit(repos, who, core::audit::kTicketClosed, {.ticket_id = id}, {}, now);
//     return core::OkStatus();
//   });
void RecordAudit(core::Repositories& repos, const core::User& actor, std::string_view action,
                 core::audit::Refs refs, core::audit::Details details, core::Time now);

// Query parameters as received; validated by the service.
struct AuditListInput {
  std::optional<std::string> actor_id{};
  std::optional<std::string> action{};
  std::optional<std::string> ticket_id{};
  std::optional<std::string> limit{};
  std::optional<std::string> cursor{};
};

struct AuditPage {
  std::vector<core::audit::Entry> items;
  std::optional<std::string> next_cursor;
};

// Reading the audit log: admins only. Thread-safe.
class AuditService {
 public:
  explicit AuditService(core::Store& store) : store_(store) {}
  core::Result<AuditPage> List(const core::Principal& who, const AuditListInput& input);

 private:
  core::Store& store_;
};

}  // namespace textura::services
