#include "core/support/report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/csv.h"

namespace textura::core::support {
namespace {

using std::chrono::sys_days;

sys_days LocalDay(const BusinessCalendar& calendar, Time at) {
  const auto local = calendar.zone()->to_local(at);
  return sys_days{std::chrono::floor<std::chrono::days>(local).time_since_epoch()};
}

Time LocalMidnight(const BusinessCalendar& calendar, sys_days day) {
  const date::local_seconds local{day.time_since_epoch()};
  return calendar.zone()->to_sys(local, date::choose::earliest);
}

long long SecondsBetween(Time from, Time to) {
  return std::chrono::duration_cast<std::chrono::seconds>(to - from).count();
}

DurationStats Stats(std::vector<long long> values) {
  DurationStats out;
  out.count = static_cast<int>(values.size());
  if (values.empty()) return out;
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  out.median_seconds = values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  long double sum = 0;
  for (long long v : values) sum += v;
  out.average_seconds = static_cast<long long>(std::llround(sum / values.size()));
  return out;
}

// What one ticket contributes to a row.
struct Figures {
  std::optional<long long> first_response;
  std::optional<long long> resolution;
  TicketSla sla;
};

struct Accumulator {
  ReportRow row;
  std::vector<long long> first, resolved;

  void Add(const Figures& f) {
    ++row.tickets;
    if (f.first_response) first.push_back(*f.first_response);
    if (f.resolution) resolved.push_back(*f.resolution);
    if (f.sla.measured) {
      ++row.sla.measured;
      if (f.sla.met) ++row.sla.met;
    }
  }
  ReportRow Finish() {
    row.first_response = Stats(std::move(first));
    row.resolution = Stats(std::move(resolved));
    if (row.sla.measured > 0) {
      row.sla.share = static_cast<double>(row.sla.met) / row.sla.measured;
    }
    return std::move(row);
  }
};

std::string CategoryLabel(RequestType type) {
  switch (type) {
    case RequestType::kCritical:
      return "Critical";
    case RequestType::kQuestion:
      return "Question";
    case RequestType::kFeatureRequest:
      return "Feature request";
  }
  return {};
}

const ReportMessage* FirstTeamMessage(const ReportTicket& t) {
  for (const auto& m : t.messages) {
    if (m.side == MessageSide::kTeam) return &m;
  }
  return nullptr;
}

std::string Optional(const std::optional<long long>& v) {
  return v ? std::to_string(*v) : std::string();
}

void AppendRow(std::string& out, const ReportRow& r) {
  char share[16] = "";
  if (r.sla.share) std::snprintf(share, sizeof share, "%.4f", *r.sla.share);
  const std::string cells[] = {r.key,
                               r.label,
                               std::to_string(r.tickets),
                               std::to_string(r.first_response.count),
                               Optional(r.first_response.median_seconds),
                               Optional(r.first_response.average_seconds),
                               std::to_string(r.resolution.count),
                               Optional(r.resolution.median_seconds),
                               Optional(r.resolution.average_seconds),
                               std::to_string(r.sla.measured),
                               std::to_string(r.sla.met),
                               share};
  bool first = true;
  for (const auto& c : cells) {
    if (!first) out += ',';
    first = false;
    AppendCsvText(out, c);
  }
  out += "\r\n";
}

}  // namespace

std::string_view ToString(ReportGroup group) {
  switch (group) {
    case ReportGroup::kCategory:
      return "category";
    case ReportGroup::kAgent:
      return "agent";
    case ReportGroup::kWeek:
      return "week";
  }
  return {};
}

std::optional<ReportGroup> ParseReportGroup(std::string_view text) {
  if (text == "category") return ReportGroup::kCategory;
  if (text == "agent") return ReportGroup::kAgent;
  if (text == "week") return ReportGroup::kWeek;
  return std::nullopt;
}

TicketSla EvaluateTicketSla(const SlaPolicy& policy, const ReportTicket& t, Time now) {
  TicketSla out{false, true};
  bool owed = false;
  Time due{};
  for (const auto& m : t.messages) {
    if (m.side == MessageSide::kCustomer) {
      if (!owed) {
        owed = true;
        due = *ComputeReplyDue(policy, t.category, m.at);
      }
      continue;
    }
    if (!owed) continue;
    out.measured = true;
    if (m.at > due) out.met = false;
    owed = false;
  }
  if (owed && t.closed_at.value_or(now) > due) {
    out.measured = true;
    out.met = false;
  }
  if (!out.measured) out.met = false;
  return out;
}

Result<ReportRange> ReportRangeOf(const BusinessCalendar& calendar,
                                  std::chrono::year_month_day from,
                                  std::chrono::year_month_day to) {
  const sys_days first{from};
  const sys_days last{to};
  if (last < first) return Error::Validation("to", "must not be before from");
  if ((last - first).count() + 1 > kMaxReportDays) {
    return Error::Validation("to", "a report covers at most 366 days");
  }
  return ReportRange{LocalMidnight(calendar, first),
                     LocalMidnight(calendar, last + std::chrono::days{1})};
}

std::chrono::year_month_day WeekOf(const BusinessCalendar& calendar, Time at) {
  const sys_days day = LocalDay(calendar, at);
  const std::chrono::weekday wd{day};
  return std::chrono::year_month_day{day - (wd - std::chrono::Monday)};
}

Report BuildReport(const SlaPolicy& policy, std::span<const ReportTicket> tickets,
                   ReportGroup group, Time now) {
  std::map<std::string, Accumulator> groups;  // by sort key
  Accumulator total;
  total.row.key = "total";
  total.row.label = "Total";
  for (const ReportTicket& t : tickets) {
    Figures f;
    const ReportMessage* first = FirstTeamMessage(t);
    if (first) f.first_response = SecondsBetween(t.created_at, first->at);
    if (t.closed_at) f.resolution = SecondsBetween(t.created_at, *t.closed_at);
    f.sla = EvaluateTicketSla(policy, t, now);

    std::string sort_key, key, label;
    switch (group) {
      case ReportGroup::kCategory:
        sort_key = std::to_string(static_cast<int>(t.category));
        key = ToString(t.category);
        label = CategoryLabel(t.category);
        break;
      case ReportGroup::kAgent:
        key = first ? std::to_string(first->author_id) : "none";
        label = first ? first->author_name : "No reply yet";
        // "No reply yet" last; agents by name, then id so namesakes stay apart.
        sort_key = (first ? "0" : "1") + label + '\x1f' + key;
        break;
      case ReportGroup::kWeek:
        key = FormatIsoDate(WeekOf(policy.calendar(), t.created_at));
        label = key;
        sort_key = key;
        break;
    }
    Accumulator& acc = groups[sort_key];
    if (acc.row.key.empty()) {
      acc.row.key = key;
      acc.row.label = label;
    }
    acc.Add(f);
    total.Add(f);
  }
  Report report;
  for (auto& [_, acc] : groups) report.rows.push_back(acc.Finish());
  report.total = total.Finish();
  return report;
}

std::string ReportCsv(const Report& report) {
  std::string out =
      "key,label,tickets,first_response_count,first_response_median_seconds,"
      "first_response_average_seconds,resolution_count,resolution_median_seconds,"
      "resolution_average_seconds,sla_measured,sla_met,sla_share\r\n";
  for (const auto& row : report.rows) AppendRow(out, row);
  AppendRow(out, report.total);
  return out;
}

}  // namespace textura::core::support
