#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.h"

namespace textura::core {

// Filters of the audit log list; newest first, keyset by id.
struct AuditQuery {
  std::optional<UserId> actor_id;
  std::optional<std::string> action;
  std::optional<TicketId> ticket_id;
  std::optional<std::int64_t> before_id;  // entries with a smaller id
  int limit = 20;                         // the repository returns up to limit + 1
};

// Append-only: there is no way to change or remove an entry.
class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  // Fills in entry.id.
  virtual audit::Entry Append(audit::Entry entry) = 0;
  // With actor_name filled in.
  virtual std::vector<audit::Entry> List(const AuditQuery& query) = 0;
};

}  // namespace textura::core
