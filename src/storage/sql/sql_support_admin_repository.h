#pragma once

#include "core/ports/audit_repository.h"
#include "core/ports/support_admin_repository.h"
#include "storage/connection.h"

namespace textura::storage {

class SqlAuditRepository final : public core::AuditRepository {
 public:
  explicit SqlAuditRepository(Connection& conn) : conn_(conn) {}
  core::audit::Entry Append(core::audit::Entry entry) override;
  std::vector<core::audit::Entry> List(const core::AuditQuery& query) override;

 private:
  Connection& conn_;
};

class SqlSupportAdminRepository final : public core::SupportAdminRepository {
 public:
  explicit SqlSupportAdminRepository(Connection& conn) : conn_(conn) {}
  std::int64_t ConfigVersion() override;
  core::StoredSlaConfig LoadConfig() override;
  void SaveSettings(const core::support::SlaSettings& settings, core::Time now) override;
  void SetCalendarDay(const core::support::CalendarOverride& day, core::Time now) override;
  void ClearCalendarDay(std::chrono::year_month_day date, core::Time now) override;
  std::vector<core::OwedTicket> OwedTickets() override;
  void SetReplyDue(core::TicketId id, std::optional<core::Time> due) override;
  std::vector<core::support::ReportTicket> ReportTickets(core::Time from, core::Time to) override;

 private:
  void BumpVersion(core::Time now);
  Connection& conn_;
};

}  // namespace textura::storage
