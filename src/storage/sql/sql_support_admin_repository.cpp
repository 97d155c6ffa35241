#include "storage/sql/sql_support_admin_repository.h"

#include "storage/sql/row_mapping.h"

namespace textura::storage {
namespace {

namespace support = core::support;

constexpr std::string_view kAppendAudit =
    "INSERT INTO audit_log (actor_id, action, ticket_id, account_id, target_user_id, chat_id,"
    " details, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";

constexpr std::string_view kConfigVersion = "SELECT version FROM support_settings WHERE id = 1";
constexpr std::string_view kLoadSettings =
    "SELECT version, has_settings, time_zone, business_hours, targets, warning_minutes"
    " FROM support_settings WHERE id = 1";
constexpr std::string_view kLoadDays =
    "SELECT day, kind, note FROM support_calendar_days ORDER BY day";
// The row exists once anything was saved; every save increases the version.
constexpr std::string_view kBumpVersion =
    "INSERT INTO support_settings (id, version, updated_at) VALUES (1, 1, $1)"
    " ON CONFLICT (id) DO UPDATE SET version = support_settings.version + 1, updated_at = $1";
constexpr std::string_view kSaveSettings =
    "UPDATE support_settings SET has_settings = 1, time_zone = $1, business_hours = $2,"
    " targets = $3, warning_minutes = $4 WHERE id = 1";
constexpr std::string_view kSetDay =
    "INSERT INTO support_calendar_days (day, kind, note, updated_at) VALUES ($1, $2, $3, $4)"
    " ON CONFLICT (day) DO UPDATE SET kind = $2, note = $3, updated_at = $4";
constexpr std::string_view kClearDay = "DELETE FROM support_calendar_days WHERE day = $1";

constexpr std::string_view kOwedTickets =
    "SELECT id, category, awaiting_since FROM tickets"
    " WHERE status = 'on_customer' AND awaiting = 'team' AND awaiting_since IS NOT NULL";
constexpr std::string_view kSetReplyDue = "UPDATE tickets SET reply_due_at = $2 WHERE id = $1";

constexpr std::string_view kReportTickets =
    "SELECT id, category, created_at, closed_at FROM tickets"
    " WHERE created_at >= $1 AND created_at < $2 ORDER BY id";
constexpr std::string_view kReportMessages =
    "SELECT m.ticket_id, m.side, m.created_at, m.author_id, u.name"
    " FROM ticket_messages m JOIN tickets t ON t.id = m.ticket_id"
    " JOIN users u ON u.id = m.author_id"
    " WHERE t.created_at >= $1 AND t.created_at < $2 ORDER BY m.ticket_id, m.id";

}  // namespace

core::audit::Entry SqlAuditRepository::Append(core::audit::Entry e) {
  const std::string details = core::audit::EncodeDetails(e.details);
  conn_.Run(
      kAppendAudit,
      {e.actor_id, e.action, Nullable(e.refs.ticket_id), Nullable(e.refs.account_id),
       Nullable(e.refs.target_user_id), Nullable(e.refs.chat_id), details, Micros(e.created_at)},
      [&](const Row& r) { e.id = r.Int(0); });
  return e;
}

std::vector<core::audit::Entry> SqlAuditRepository::List(const core::AuditQuery& q) {
  std::string sql =
      "SELECT a.id, a.actor_id, u.name, a.action, a.ticket_id, a.account_id, a.target_user_id,"
      " a.chat_id, a.details, a.created_at FROM audit_log a JOIN users u ON u.id = a.actor_id"
      " WHERE 1 = 1";
  std::vector<SqlValue> args;
  const auto filter = [&](std::string_view column, SqlValue value) {
    args.push_back(value);
    sql += " AND a." + std::string(column) + " = $" + std::to_string(args.size());
  };
  if (q.actor_id) filter("actor_id", *q.actor_id);
  if (q.action) filter("action", std::string_view(*q.action));
  if (q.ticket_id) filter("ticket_id", *q.ticket_id);
  if (q.before_id) {
    args.push_back(*q.before_id);
    sql += " AND a.id < $" + std::to_string(args.size());
  }
  args.push_back(std::int64_t{q.limit + 1});
  sql += " ORDER BY a.id DESC LIMIT $" + std::to_string(args.size());
  std::vector<core::audit::Entry> out;
  conn_.RunArgs(sql, args, [&](const Row& r) {
    core::audit::Entry e;
    e.id = r.Int(0);
    e.actor_id = r.Int(1);
    e.actor_name = TextAt(r, 2);
    e.action = TextAt(r, 3);
    e.refs.ticket_id = OptionalIntAt(r, 4);
    e.refs.account_id = OptionalIntAt(r, 5);
    e.refs.target_user_id = OptionalIntAt(r, 6);
    e.refs.chat_id = OptionalIntAt(r, 7);
    e.details = core::audit::DecodeDetails(r.Text(8));
    e.created_at = TimeAt(r, 9);
    out.push_back(std::move(e));
  });
  return out;
}

std::int64_t SqlSupportAdminRepository::ConfigVersion() {
  std::int64_t version = 0;
  conn_.Run(kConfigVersion, {}, [&](const Row& r) { version = r.Int(0); });
  return version;
}

core::StoredSlaConfig SqlSupportAdminRepository::LoadConfig() {
  core::StoredSlaConfig out;
  conn_.Run(kLoadSettings, {}, [&](const Row& r) {
    out.version = r.Int(0);
    if (r.Int(1) == 0) return;
    const auto weekly = support::ParseWeeklyHours(r.Text(3));
    const auto targets = support::ParseTargets(r.Text(4));
    // A row this code did not write is ignored (the defaults apply) rather than fatal.
    if (!weekly || !targets) return;
    support::SlaSettings s;
    s.zone = TextAt(r, 2);
    s.weekly = *weekly;
    s.targets = *targets;
    s.warning_minutes = static_cast<int>(r.Int(5));
    out.settings = std::move(s);
  });
  conn_.Run(kLoadDays, {}, [&](const Row& r) {
    const auto date = support::ParseIsoDate(r.Text(0));
    const auto kind = support::ParseDayKind(r.Text(1));
    if (!date || !kind) return;
    out.overrides.push_back({*date, *kind, TextAt(r, 2)});
  });
  return out;
}

void SqlSupportAdminRepository::BumpVersion(core::Time now) {
  conn_.Run(kBumpVersion, {Micros(now)});
}

void SqlSupportAdminRepository::SaveSettings(const support::SlaSettings& s, core::Time now) {
  BumpVersion(now);
  const std::string hours = support::FormatWeeklyHours(s.weekly);
  const std::string targets = support::FormatTargets(s.targets);
  conn_.Run(kSaveSettings, {std::string_view(s.zone), std::string_view(hours),
                            std::string_view(targets), std::int64_t{s.warning_minutes}});
}

void SqlSupportAdminRepository::SetCalendarDay(const support::CalendarOverride& day,
                                               core::Time now) {
  BumpVersion(now);
  const std::string date = support::FormatIsoDate(day.date);
  conn_.Run(kSetDay, {std::string_view(date), support::ToString(day.kind),
                      std::string_view(day.note), Micros(now)});
}

void SqlSupportAdminRepository::ClearCalendarDay(std::chrono::year_month_day date, core::Time now) {
  BumpVersion(now);
  const std::string text = support::FormatIsoDate(date);
  conn_.Run(kClearDay, {std::string_view(text)});
}

std::vector<core::OwedTicket> SqlSupportAdminRepository::OwedTickets() {
  std::vector<core::OwedTicket> out;
  conn_.Run(kOwedTickets, {}, [&](const Row& r) {
    out.push_back({r.Int(0),
                   support::ParseRequestType(r.Text(1)).value_or(support::RequestType::kQuestion),
                   TimeAt(r, 2)});
  });
  return out;
}

void SqlSupportAdminRepository::SetReplyDue(core::TicketId id, std::optional<core::Time> due) {
  std::optional<std::int64_t> micros;
  if (due) micros = Micros(*due);
  conn_.Run(kSetReplyDue, {id, Nullable(micros)});
}

std::vector<support::ReportTicket> SqlSupportAdminRepository::ReportTickets(core::Time from,
                                                                            core::Time to) {
  std::vector<support::ReportTicket> out;
  conn_.Run(kReportTickets, {Micros(from), Micros(to)}, [&](const Row& r) {
    support::ReportTicket t;
    t.id = r.Int(0);
    t.category = support::ParseRequestType(r.Text(1)).value_or(support::RequestType::kQuestion);
    t.created_at = TimeAt(r, 2);
    t.closed_at = OptionalTimeAt(r, 3);
    out.push_back(std::move(t));
  });
  // Both lists are ordered by ticket id: walk them together.
  auto next = out.begin();
  conn_.Run(kReportMessages, {Micros(from), Micros(to)}, [&](const Row& r) {
    const core::TicketId ticket = r.Int(0);
    while (next != out.end() && next->id < ticket) ++next;
    if (next == out.end() || next->id != ticket) return;
    next->messages.push_back({support::ParseSide(r.Text(1)).value_or(support::Side::kCustomer),
                              TimeAt(r, 2), r.Int(3), TextAt(r, 4)});
  });
  return out;
}

}  // namespace textura::storage
