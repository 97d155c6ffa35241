#include "services/audit_service.h"

#include <charconv>

namespace textura::services {

using core::Error;
using core::ErrorCode;

namespace {

std::optional<std::int64_t> PositiveInt(std::string_view s) {
  std::int64_t v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

}  // namespace

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

core::Status RequireAdmin(const core::Principal& who) {
  if (who.user.role == core::Role::kAdmin) return core::OkStatus();
  return Error{ErrorCode::kForbidden, "Only administrators may do this.", {}, 0};
}

core::Status RequireStaff(const core::Principal& who) {
  if (core::IsStaff(who.user.role)) return core::OkStatus();
  return Error{ErrorCode::kForbidden, "This is for the support team.", {}, 0};
}

core::Result<AuditPage> AuditService::List(const core::Principal& who, const AuditListInput& in) {
  if (auto s = RequireAdmin(who); !s) return std::move(s).error();
  core::AuditQuery q;
  if (in.actor_id && !in.actor_id->empty()) {
    q.actor_id = PositiveInt(*in.actor_id);
    if (!q.actor_id) return Error::Validation("actor_id", "must be a user id");
  }
  if (in.action && !in.action->empty()) {
    if (!core::audit::IsValidAction(*in.action)) {
      return Error::Validation("action", "is not an action name such as ticket.closed");
    }
    q.action = *in.action;
  }
  if (in.ticket_id && !in.ticket_id->empty()) {
    q.ticket_id = PositiveInt(*in.ticket_id);
    if (!q.ticket_id) return Error::Validation("ticket_id", "must be a ticket id");
  }
  if (in.limit) {
    const auto limit = PositiveInt(*in.limit);
    if (!limit || *limit > 100)
      return Error::Validation("limit", "must be an integer from 1 to 100");
    q.limit = static_cast<int>(*limit);
  }
  if (in.cursor && !in.cursor->empty()) {
    q.before_id = PositiveInt(*in.cursor);
    if (!q.before_id) return Error::Validation("cursor", "is not a cursor from this list");
  }
  auto rows = core::ReadValue<std::vector<core::audit::Entry>>(
      store_, [&](core::Repositories& repos) -> core::Result<std::vector<core::audit::Entry>> {
        return repos.audit().List(q);
      });
  if (!rows) return std::move(rows).error();
  AuditPage page;
  page.items = std::move(*rows);
  if (static_cast<int>(page.items.size()) > q.limit) {
    page.items.resize(q.limit);
    page.next_cursor = std::to_string(page.items.back().id);
  }
  return page;
}

}  // namespace textura::services
