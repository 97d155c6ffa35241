#include "services/report_service.h"

#include "services/access.h"
#include "services/audit_service.h"

namespace textura::services {

using core::Error;
using core::Result;
namespace support = core::support;

Result<SupportReport> ReportService::Build(const core::Principal& who, const ReportInput& in) {
  if (auto s = Require(who, Capability::kStaff); !s) return std::move(s).error();
  const auto date_of = [](const std::optional<std::string>& text,
                          const char* field) -> Result<std::chrono::year_month_day> {
    if (!text) return Error::Validation(field, "is required (YYYY-MM-DD)");
    const auto date = support::ParseIsoDate(*text);
    if (!date) return Error::Validation(field, "must be a real date YYYY-MM-DD");
    return *date;
  };
  auto from = date_of(in.from, "from");
  if (!from) return std::move(from).error();
  auto to = date_of(in.to, "to");
  if (!to) return std::move(to).error();
  SupportReport out;
  if (in.group_by) {
    const auto group = support::ParseReportGroup(*in.group_by);
    if (!group) return Error::Validation("group_by", "must be category, agent or week");
    out.group = *group;
  }
  const auto policy = settings_.Current();
  auto range = support::ReportRangeOf(policy->calendar(), *from, *to);
  if (!range) return std::move(range).error();
  auto tickets = core::ReadValue<std::vector<support::ReportTicket>>(
      store_, [&](core::Repositories& repos) -> Result<std::vector<support::ReportTicket>> {
        return repos.support_admin().ReportTickets(range->start, range->end);
      });
  if (!tickets) return std::move(tickets).error();
  out.from = support::FormatIsoDate(*from);
  out.to = support::FormatIsoDate(*to);
  out.report = support::BuildReport(*policy, *tickets, out.group, clock_.Now());
  return out;
}

}  // namespace textura::services
