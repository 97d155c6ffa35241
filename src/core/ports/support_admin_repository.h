#pragma once

#include <optional>
#include <vector>

#include "core/support/report.h"
#include "core/support/sla_policy.h"
#include "core/support/ticket.h"

namespace textura::core {

// What admins saved about the support desk's SLA, with a version that every save
// (settings or calendar day) increases, so instances can tell when to reload.
struct StoredSlaConfig {
  std::int64_t version = 0;                      // 0: nothing saved yet
  std::optional<support::SlaSettings> settings;  // nullopt: the built-in defaults
  std::vector<support::CalendarOverride> overrides;
};

// A ticket the team owes a reply on, for recomputing due times after an edit.
struct OwedTicket {
  TicketId id = 0;
  support::RequestType category = support::RequestType::kQuestion;
  Time awaiting_since{};
};

class SupportAdminRepository {
 public:
  virtual ~SupportAdminRepository() = default;
  virtual std::int64_t ConfigVersion() = 0;
  virtual StoredSlaConfig LoadConfig() = 0;
  // Each bumps the version.
  virtual void SaveSettings(const support::SlaSettings& settings, Time now) = 0;
  virtual void SetCalendarDay(const support::CalendarOverride& day, Time now) = 0;
  virtual void ClearCalendarDay(std::chrono::year_month_day date, Time now) = 0;

  // Open tickets awaiting the team, and setting one's due time.
  virtual std::vector<OwedTicket> OwedTickets() = 0;
  virtual void SetReplyDue(TicketId id, std::optional<Time> due) = 0;

  // Tickets created in [from, to) with their customer and team messages in order.
  virtual std::vector<support::ReportTicket> ReportTickets(Time from, Time to) = 0;
};

}  // namespace textura::core
