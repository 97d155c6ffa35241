#include "services/audit_service.h"

#include "core/numbers.h"
#include "core/page.h"
#include "services/access.h"

namespace textura::services {

using core::Error;
using core::ErrorCode;

void RecordAudit(core::Repositories& repos, const core::User& actor, std::string_view action,
                 core::audit::Refs refs, core::audit::Details details, core::Time now) {
  core::audit::Entry e;
  e.actor_id = actor.id;
  e.actor_name = actor.name;
  e.action = std::string(action);
  e.refs = refs;
  e.details = std::move(details);
  e.created_at = now;
  repos.audit().Append(std::move(e));
}

core::Result<AuditPage> AuditService::List(const core::Principal& who, const AuditListInput& in) {
  if (auto s = Require(who, Capability::kAdmin); !s) return std::move(s).error();
  core::AuditQuery q;
  if (in.actor_id && !in.actor_id->empty()) {
    q.actor_id = core::ParseId(*in.actor_id);
    if (!q.actor_id) return Error::Validation("actor_id", "must be a user id");
  }
  if (in.action && !in.action->empty()) {
    if (!core::audit::IsValidAction(*in.action)) {
      return Error::Validation("action", "is not an action name such as ticket.closed");
    }
    q.action = *in.action;
  }
  if (in.ticket_id && !in.ticket_id->empty()) {
    q.ticket_id = core::ParseId(*in.ticket_id);
    if (!q.ticket_id) return Error::Validation("ticket_id", "must be a ticket id");
  }
  auto limit = core::ParsePageLimit(in.limit);
  if (!limit) return std::move(limit).error();
  q.limit = *limit;
  if (in.cursor && !in.cursor->empty()) {
    q.before_id = core::ParseId(*in.cursor);
    if (!q.before_id) return Error::Validation("cursor", "is not a cursor from this list");
  }
  auto rows = core::ReadValue<std::vector<core::audit::Entry>>(
      store_, [&](core::Repositories& repos) -> core::Result<std::vector<core::audit::Entry>> {
        return repos.audit().List(q);
      });
  if (!rows) return std::move(rows).error();
  AuditPage page;
  page.items = std::move(*rows);
  page.next_cursor =
      core::TakePage(page.items, q.limit, [](const auto& row) { return std::to_string(row.id); });
  return page;
}

}  // namespace textura::services
