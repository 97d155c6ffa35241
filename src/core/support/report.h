// Support reports: first-response time, resolution time and the share of reply targets
// met, grouped by request type, by agent or by week. Pure aggregation over rows that
// storage fetched; docs/support-admin.md defines every figure.

#ifndef TEXTURA_CORE_SUPPORT_REPORT_H_
#define TEXTURA_CORE_SUPPORT_REPORT_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"
#include "core/result.h"
#include "core/support/sla_policy.h"

namespace textura::core::support {

enum class ReportGroup { kCategory, kAgent, kWeek };
std::string_view ToString(ReportGroup group);
std::optional<ReportGroup> ParseReportGroup(std::string_view text);

inline constexpr int kMaxReportDays = 366;

struct ReportMessage {
  MessageSide side = MessageSide::kCustomer;
  Time at{};
  UserId author_id = 0;
  std::string author_name;
};

// One ticket created in the report's range, with its customer and team messages
// (internal notes never reach a report) in the order they were written.
struct ReportTicket {
  TicketId id = 0;
  RequestType category = RequestType::kQuestion;
  Time created_at{};
  std::optional<Time> closed_at;
  std::vector<ReportMessage> messages;
};

struct DurationStats {
  int count = 0;
  std::optional<long long> median_seconds;   // mean of the two middle values when even
  std::optional<long long> average_seconds;  // rounded to the nearest second
};

struct SlaStats {
  int measured = 0;
  int met = 0;
  std::optional<double> share;  // met / measured; nullopt when nothing was measured
};

struct ReportRow {
  std::string key;
  std::string label;
  int tickets = 0;
  DurationStats first_response;
  DurationStats resolution;
  SlaStats sla;
};

struct Report {
  std::vector<ReportRow> rows;
  ReportRow total;
};

// A ticket's reply targets, replayed over its messages with `policy`: every time the
// team came to owe a reply (a customer message the team had not answered) it owed it by
// ComputeReplyDue. An owed reply is measured once answered, or once its due time passed
// unanswered (before the ticket closed, or before `now` while it is open); a reply closed
// away before its due time is not measured. The ticket is measured when any owed reply
// is, and met when every measured one came at or before its due time.
struct TicketSla {
  bool measured = false;
  bool met = false;
};
TicketSla EvaluateTicketSla(const SlaPolicy& policy, const ReportTicket& ticket, Time now);

// Local dates [from, to] of the policy's zone as instants [start, end): midnight of
// `from` to midnight after `to`. kValidationFailed (field "to") when to < from or the
// range spans more than kMaxReportDays days.
struct ReportRange {
  Time start{};
  Time end{};
};
Result<ReportRange> ReportRangeOf(const BusinessCalendar& calendar,
                                  std::chrono::year_month_day from, std::chrono::year_month_day to);

// The Monday (local date in the calendar's zone) of the week containing `at`.
std::chrono::year_month_day WeekOf(const BusinessCalendar& calendar, Time at);

// Groups: category → key "critical" etc., label "Critical"/"Question"/"Feature request",
// in that order; agent → the author of the ticket's first team message (key = user id,
// label = name at the time; tickets without one: key "none", label "No reply yet"),
// sorted by label; week → key and label the Monday "YYYY-MM-DD", ascending. Only groups
// with tickets appear. `total` covers every ticket (key "total", label "Total").
Report BuildReport(const SlaPolicy& policy, std::span<const ReportTicket> tickets,
                   ReportGroup group, Time now);

// RFC 4180 CSV (CRLF line ends): a header row, one row per group, the total row. Empty
// cells for absent figures; share with 4 decimals. Cells that a spreadsheet would run
// as a formula (starting with = + - @) get a leading apostrophe.
std::string ReportCsv(const Report& report);

}  // namespace textura::core::support

#endif  // TEXTURA_CORE_SUPPORT_REPORT_H_
