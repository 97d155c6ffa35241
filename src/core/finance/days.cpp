#include "core/finance/days.h"

#include <charconv>
#include <cstdio>

namespace textura::core {
namespace {

using std::chrono::days;
using std::chrono::duration_cast;
using std::chrono::hours;
using std::chrono::microseconds;

date::sys_days SysDays(LocalDay day) {
  return date::sys_days(date::days(day));
}

}  // namespace

std::optional<LocalDay> ParseLocalDay(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto number = [&](std::size_t at, std::size_t n) -> std::optional<int> {
    int v = 0;
    const char* end = text.data() + at + n;
    for (const char* p = text.data() + at; p != end; ++p) {
      if (*p < '0' || *p > '9') return std::nullopt;
    }
    std::from_chars(text.data() + at, end, v);
    return v;
  };
  const auto y = number(0, 4), m = number(5, 2), d = number(8, 2);
  if (!y || !m || !d) return std::nullopt;
  const date::year_month_day ymd{date::year(*y), date::month(static_cast<unsigned>(*m)),
                                 date::day(static_cast<unsigned>(*d))};
  if (!ymd.ok() || *y < 1970) return std::nullopt;
  return date::sys_days(ymd).time_since_epoch().count();
}

std::string FormatLocalDay(LocalDay day) {
  const date::year_month_day ymd{SysDays(day)};
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return out;
}

Time HourStart(Time t) {
  return std::chrono::floor<hours>(t);
}

LocalDay LocalDayOf(const date::time_zone* zone, Time t) {
  const auto local = zone->to_local(t);
  return date::floor<date::days>(local).time_since_epoch().count();
}

Time DayStart(const date::time_zone* zone, LocalDay day) {
  const date::local_days local{date::days(day)};
  const date::local_info info = zone->get_info(local);
  // Midnight in a gap (a DST jump at 00:00) begins where the gap ends.
  if (info.result == date::local_info::nonexistent) {
    return std::chrono::time_point_cast<microseconds>(info.second.begin);
  }
  const auto offset = info.first.offset;
  return std::chrono::time_point_cast<microseconds>(
      date::sys_seconds(local.time_since_epoch() - offset));
}

LocalDay MonthFirstDay(LocalDay day) {
  const date::year_month_day ymd{SysDays(day)};
  return date::sys_days(ymd.year() / ymd.month() / 1).time_since_epoch().count();
}

LocalDay PreviousMonthFirstDay(LocalDay day) {
  const date::year_month_day ymd{SysDays(day)};
  const date::year_month prev = (ymd.year() / ymd.month()) - date::months(1);
  return date::sys_days(prev / 1).time_since_epoch().count();
}

std::string MonthKey(LocalDay day) {
  return FormatLocalDay(MonthFirstDay(day)).substr(0, 7);
}

std::vector<OffsetSpan> OffsetSpans(const date::time_zone* zone, Time from, Time to) {
  std::vector<OffsetSpan> out;
  Time at = from;
  while (at < to) {
    const date::sys_info info = zone->get_info(std::chrono::floor<std::chrono::seconds>(at));
    Time end = std::chrono::time_point_cast<microseconds>(info.end);
    if (end > to || end <= at) end = to;
    out.push_back({at, end, duration_cast<microseconds>(info.offset).count()});
    at = end;
  }
  return out;
}

}  // namespace textura::core
