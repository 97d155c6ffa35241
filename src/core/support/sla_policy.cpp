#include "core/support/sla_policy.h"

#include <cstdio>
#include <limits>
#include <vector>

#include "core/numbers.h"

namespace textura::core::support {
namespace {

using std::chrono::minutes;

std::optional<int> ParseInt(std::string_view s) {
  const auto v = ParseInt64(s);
  if (!v || *v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max()) {
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

// Splits on `sep`, keeping empty pieces out.
std::vector<std::string_view> Split(std::string_view text, char sep) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const std::size_t at = text.find(sep);
    const std::string_view piece = text.substr(0, at);
    if (!piece.empty()) out.push_back(piece);
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
  return out;
}

}  // namespace

std::string_view ToString(TargetClock clock) {
  return clock == TargetClock::kWallClock ? "calendar" : "business";
}

std::optional<TargetClock> ParseTargetClock(std::string_view text) {
  if (text == "calendar") return TargetClock::kWallClock;
  if (text == "business") return TargetClock::kBusinessTime;
  return std::nullopt;
}

std::string_view ToString(DayKind kind) {
  return kind == DayKind::kHoliday ? "holiday" : "workday";
}

std::optional<DayKind> ParseDayKind(std::string_view text) {
  if (text == "holiday") return DayKind::kHoliday;
  if (text == "workday") return DayKind::kWorkday;
  return std::nullopt;
}

std::optional<std::chrono::year_month_day> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = ParseInt(text.substr(0, 4));
  const auto m = ParseInt(text.substr(5, 2));
  const auto d = ParseInt(text.substr(8, 2));
  if (!y || !m || !d || *y < 1900 || *m < 1 || *d < 1) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{*y},
                                         std::chrono::month{static_cast<unsigned>(*m)},
                                         std::chrono::day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string FormatIsoDate(std::chrono::year_month_day date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buf;
}

std::optional<minutes> ParseClockTime(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  const auto h = ParseInt(text.substr(0, 2));
  const auto m = ParseInt(text.substr(3, 2));
  if (!h || !m || *h < 0 || *m < 0 || *m > 59 || *h > 24 || (*h == 24 && *m != 0)) {
    return std::nullopt;
  }
  return minutes{*h * 60 + *m};
}

std::string FormatClockTime(minutes value) {
  char buf[16];
  const auto total = static_cast<int>(value.count());
  std::snprintf(buf, sizeof buf, "%02d:%02d", total / 60, total % 60);
  return buf;
}

SlaSettings DefaultSlaSettings(const BusinessCalendar& base) {
  SlaSettings s;
  s.zone = base.zone_name();
  s.weekly = base.spec().weekly;
  const int day = static_cast<int>(std::chrono::duration_cast<minutes>(base.BusinessDay()).count());
  s.target(RequestType::kCritical) = {240, TargetClock::kWallClock};
  s.target(RequestType::kQuestion) = {day, TargetClock::kBusinessTime};
  s.target(RequestType::kFeatureRequest) = {2 * day, TargetClock::kBusinessTime};
  s.warning_minutes = 60;
  return s;
}

Status ValidateSlaSettings(const SlaSettings& s) {
  if (FindTimeZone(s.zone) == nullptr) {
    return Error::Validation("time_zone", "unknown time zone '" + s.zone + "'");
  }
  bool any = false;
  for (const auto& hours : s.weekly) {
    if (!hours) continue;
    if (!hours->IsValid()) return Error::Validation("business_hours", "start must be before end");
    any = true;
  }
  if (!any) return Error::Validation("business_hours", "at least one weekday must have hours");
  for (RequestType type : kRequestTypes) {
    const TargetSetting& t = s.target(type);
    if (t.minutes < kMinTargetMinutes || t.minutes > kMaxTargetMinutes) {
      return Error::Validation("targets." + std::string(ToString(type)) + ".minutes",
                               "must be from 1 to 100000");
    }
  }
  if (s.warning_minutes < 0 || s.warning_minutes > kMaxWarningMinutes) {
    return Error::Validation("warning_minutes", "must be from 0 to 10000");
  }
  return OkStatus();
}

PolicyOrError BuildSlaPolicy(const BusinessCalendar& base,
                             const std::optional<SlaSettings>& settings,
                             std::span<const CalendarOverride> overrides) {
  SlaSettings effective = settings.value_or(DefaultSlaSettings(base));
  CalendarSpec spec = base.spec();
  spec.zone = effective.zone;
  spec.weekly = effective.weekly;
  for (const auto& o : overrides) {
    spec.holidays.erase(o.date);
    spec.workdays.erase(o.date);
    if (o.kind == DayKind::kHoliday) {
      spec.holidays.insert(o.date);
    } else {
      spec.workdays.emplace(o.date, std::nullopt);
    }
  }
  auto calendar = BusinessCalendar::Create(std::move(spec));
  if (auto* err = std::get_if<CalendarError>(&calendar)) return *err;
  return SlaPolicy(std::get<BusinessCalendar>(std::move(calendar)), std::move(effective));
}

SlaPolicy DefaultSlaPolicy(const BusinessCalendar& calendar) {
  return SlaPolicy(calendar, DefaultSlaSettings(calendar));
}

std::optional<Time> ComputeReplyDue(const SlaPolicy& policy, RequestType type,
                                    std::optional<Time> awaiting_team_since) {
  if (!awaiting_team_since) return std::nullopt;
  const TargetSetting& t = policy.target(type);
  const minutes duration{t.minutes};
  if (t.clock == TargetClock::kWallClock) return *awaiting_team_since + duration;
  return AddBusinessTime(policy.calendar(), *awaiting_team_since, duration);
}

SlaState EvaluateSla(const SlaPolicy& policy, RequestType type, Time due, Time now) {
  if (now > due) return SlaState::kOverdue;
  const auto left = policy.target(type).clock == TargetClock::kWallClock
                        ? due - now
                        : BusinessTimeBetween(policy.calendar(), now, due);
  return left <= policy.warning() ? SlaState::kDueSoon : SlaState::kOnTrack;
}

std::string FormatWeeklyHours(const WeeklyHours& weekly) {
  std::string out;
  for (int wd = 1; wd <= 7; ++wd) {
    const auto& hours = weekly[wd % 7];
    if (!hours) continue;
    if (!out.empty()) out += ';';
    out += std::to_string(wd) + ' ' + FormatClockTime(hours->open) + '-' +
           FormatClockTime(hours->close);
  }
  return out;
}

std::optional<WeeklyHours> ParseWeeklyHours(std::string_view text) {
  WeeklyHours out{};
  for (std::string_view item : Split(text, ';')) {
    if (item.size() != 13 || item[1] != ' ' || item[7] != '-') return std::nullopt;
    const auto wd = ParseInt(item.substr(0, 1));
    const auto open = ParseClockTime(item.substr(2, 5));
    const auto close = ParseClockTime(item.substr(8, 5));
    if (!wd || *wd < 1 || *wd > 7 || !open || !close) return std::nullopt;
    out[*wd % 7] = WorkingHours{*open, *close};
  }
  return out;
}

std::string FormatTargets(const std::array<TargetSetting, 3>& targets) {
  std::string out;
  for (RequestType type : kRequestTypes) {
    const auto& t = targets[static_cast<int>(type)];
    if (!out.empty()) out += ';';
    out += std::string(ToString(type)) + ' ' + std::to_string(t.minutes) + ' ' +
           std::string(ToString(t.clock));
  }
  return out;
}

std::optional<std::array<TargetSetting, 3>> ParseTargets(std::string_view text) {
  std::array<TargetSetting, 3> out{};
  std::array<bool, 3> seen{};
  for (std::string_view item : Split(text, ';')) {
    const auto parts = Split(item, ' ');
    if (parts.size() != 3) return std::nullopt;
    const auto type = ParseRequestType(parts[0]);
    const auto minutes_value = ParseInt(parts[1]);
    const auto clock = ParseTargetClock(parts[2]);
    if (!type || !minutes_value || !clock) return std::nullopt;
    out[static_cast<int>(*type)] = {*minutes_value, *clock};
    seen[static_cast<int>(*type)] = true;
  }
  for (bool s : seen) {
    if (!s) return std::nullopt;
  }
  return out;
}

}  // namespace textura::core::support
