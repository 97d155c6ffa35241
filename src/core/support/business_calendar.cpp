#include "core/support/business_calendar.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <utility>

namespace textura::core::support {
namespace {

using std::chrono::sys_days;

constexpr std::chrono::minutes kEndOfDay = std::chrono::hours{24};

std::string FormatDate(std::chrono::year_month_day date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

// A local calendar date is carried as the sys_days with the same y-m-d: a plain day
// number, so std::chrono's weekday and year_month_day work on it unchanged.
sys_days LocalDayOf(const date::time_zone* zone, Time instant) {
  const auto local = zone->to_local(instant);
  return sys_days{std::chrono::floor<std::chrono::days>(local).time_since_epoch()};
}

// A local wall time that occurs twice (clocks turned back) is taken at its first
// occurrence; one that never occurs (clocks jumped forward) maps to the jump. Both keep
// the mapping monotonic, so a day's opening never lands after its closing and
// consecutive days never overlap.
Time ToUtc(const date::time_zone* zone, sys_days local_day, std::chrono::minutes time) {
  const date::local_seconds local{(local_day + time).time_since_epoch()};
  return zone->to_sys(local, date::choose::earliest);
}

struct Interval {
  Time begin;
  Time end;
};

std::optional<Interval> WorkingIntervalOn(const BusinessCalendar& calendar, sys_days local_day) {
  const auto hours = calendar.HoursOn(std::chrono::year_month_day{local_day});
  if (!hours) return std::nullopt;
  return Interval{ToUtc(calendar.zone(), local_day, hours->open),
                  ToUtc(calendar.zone(), local_day, hours->close)};
}

}  // namespace

const date::time_zone* FindTimeZone(std::string_view name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    // Unknown name, or no readable tz database: both mean "no such zone" to callers.
    return nullptr;
  }
}

bool WorkingHours::IsValid() const {
  return open >= std::chrono::minutes{0} && open < close && close <= kEndOfDay;
}

WeeklyHours DefaultWeeklyHours() {
  WeeklyHours weekly;
  for (unsigned day = 1; day <= 5; ++day) weekly[day] = kDefaultWorkingHours;
  return weekly;
}

std::string CalendarError::ToString() const {
  if (line == 0) return reason;
  return "line " + std::to_string(line) + ": " + reason;
}

BusinessCalendar::BusinessCalendar(CalendarSpec spec, const date::time_zone* zone,
                                   WorkingHours standard)
    : spec_(std::move(spec)), zone_(zone), standard_hours_(standard) {}

CalendarOrError BusinessCalendar::Create(CalendarSpec spec) {
  const date::time_zone* zone = FindTimeZone(spec.zone);
  if (zone == nullptr) return CalendarError{0, "unknown time zone '" + spec.zone + "'"};

  std::optional<WorkingHours> standard;
  // Monday first: c_encoding 1..6, then Sunday (0).
  for (unsigned i = 1; i <= 7; ++i) {
    const auto& hours = spec.weekly[i % 7];
    if (!hours) continue;
    if (!hours->IsValid()) return CalendarError{0, "weekday working hours are not a valid range"};
    if (!standard) standard = *hours;
  }
  if (!standard) return CalendarError{0, "no weekday has working hours"};

  for (const auto& date : spec.holidays) {
    if (!date.ok()) return CalendarError{0, "invalid holiday date"};
    if (spec.workdays.count(date) != 0) {
      return CalendarError{0, "date " + FormatDate(date) + " is both a holiday and a workday"};
    }
  }
  for (const auto& [date, hours] : spec.workdays) {
    if (!date.ok()) return CalendarError{0, "invalid workday date"};
    if (hours && !hours->IsValid()) {
      return CalendarError{0, "workday " + FormatDate(date) + " has invalid hours"};
    }
  }
  return BusinessCalendar(std::move(spec), zone, *standard);
}

BusinessCalendar BusinessCalendar::Default() {
  auto result = Create(CalendarSpec{});
  if (auto* calendar = std::get_if<BusinessCalendar>(&result)) return std::move(*calendar);
  throw std::runtime_error("default business calendar: " +
                           std::get<CalendarError>(result).ToString());
}

std::optional<WorkingHours> BusinessCalendar::HoursOn(
    std::chrono::year_month_day local_date) const {
  if (const auto it = spec_.workdays.find(local_date); it != spec_.workdays.end()) {
    return it->second.value_or(standard_hours_);
  }
  if (spec_.holidays.count(local_date) != 0) return std::nullopt;
  return spec_.weekly[std::chrono::weekday{sys_days{local_date}}.c_encoding()];
}

Time AddBusinessTime(const BusinessCalendar& calendar, Time start,
                     std::chrono::microseconds duration) {
  if (duration <= std::chrono::microseconds::zero()) return start;
  auto remaining = duration;
  // Terminates: Create guarantees a working weekday, and holidays are finitely many.
  for (sys_days day = LocalDayOf(calendar.zone(), start);; day += std::chrono::days{1}) {
    const auto interval = WorkingIntervalOn(calendar, day);
    if (!interval) continue;
    const Time begin = std::max(interval->begin, start);
    if (begin >= interval->end) continue;
    const auto available = interval->end - begin;
    if (remaining <= available) return begin + remaining;
    remaining -= available;
  }
}

std::chrono::microseconds BusinessTimeBetween(const BusinessCalendar& calendar, Time from,
                                              Time to) {
  std::chrono::microseconds total{0};
  if (to <= from) return total;
  const sys_days last = LocalDayOf(calendar.zone(), to);
  for (sys_days day = LocalDayOf(calendar.zone(), from); day <= last; day += std::chrono::days{1}) {
    const auto interval = WorkingIntervalOn(calendar, day);
    if (!interval) continue;
    const Time begin = std::max(interval->begin, from);
    const Time end = std::min(interval->end, to);
    if (begin < end) total += end - begin;
  }
  return total;
}

}  // namespace textura::core::support
