// Test helpers: UTC instants written as literals, and calendars built in code so tests
// never depend on data/calendars/*.txt. Include only from *_test.cpp.

#ifndef TEXTURA_CORE_SUPPORT_TEST_TIME_H_
#define TEXTURA_CORE_SUPPORT_TEST_TIME_H_

#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

#include "core/support/business_calendar.h"
#include "core/time.h"

namespace textura::core::support::test_time {

// "2026-03-02T07:00Z" or "2026-03-02T07:00:30Z". Throws on a malformed literal, which
// fails the test that wrote it.
inline Time Utc(const std::string& text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  char zulu = 0;
  const bool with_seconds =
      std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &zulu) == 7;
  if (!with_seconds) {
    s = 0;
    zulu = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d%c", &y, &mo, &d, &h, &mi, &zulu) != 6) {
      throw std::invalid_argument("bad UTC literal " + text);
    }
  }
  const std::chrono::year_month_day date{std::chrono::year{y},
                                         std::chrono::month{static_cast<unsigned>(mo)},
                                         std::chrono::day{static_cast<unsigned>(d)}};
  if (zulu != 'Z' || !date.ok()) throw std::invalid_argument("bad UTC literal " + text);
  return std::chrono::sys_days{date} + std::chrono::hours{h} + std::chrono::minutes{mi} +
         std::chrono::seconds{s};
}

// The inverse of Utc, always with seconds, and microseconds when there are any:
// "2026-03-02T07:00:00Z", "2026-03-02T07:00:00.250000Z". Tests compare these strings so
// a failure prints readable instants.
inline std::string FormatUtc(Time instant) {
  const auto day = std::chrono::floor<std::chrono::days>(instant);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{instant - day};
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  std::string text = buffer;
  if (const auto micros = time.subseconds().count(); micros != 0) {
    std::snprintf(buffer, sizeof buffer, ".%06lld", static_cast<long long>(micros));
    text += buffer;
  }
  return text + "Z";
}

inline std::chrono::year_month_day Date(int y, unsigned m, unsigned d) {
  return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m},
                                     std::chrono::day{d}};
}

inline BusinessCalendar MustCreate(CalendarSpec spec) {
  auto result = BusinessCalendar::Create(std::move(spec));
  if (auto* error = std::get_if<CalendarError>(&result)) {
    throw std::invalid_argument("test calendar: " + error->ToString());
  }
  return std::get<BusinessCalendar>(std::move(result));
}

// Europe/Moscow (UTC+3 all year), Mon–Fri 10:00–19:00, with a synthetic holiday on
// Wednesday 2026-03-11 and a transferred working Saturday 2026-03-14.
inline BusinessCalendar MoscowTestCalendar() {
  CalendarSpec spec;
  spec.holidays.insert(Date(2026, 3, 11));
  spec.workdays[Date(2026, 3, 14)] = std::nullopt;
  return MustCreate(std::move(spec));
}

// America/New_York, Mon–Fri 09:00–17:00 local. 2026: EST (UTC-5) until Sunday 8 March,
// EDT (UTC-4) until Sunday 1 November.
inline BusinessCalendar NewYorkTestCalendar() {
  CalendarSpec spec;
  spec.zone = "America/New_York";
  spec.weekly = WeeklyHours{};
  for (unsigned day = 1; day <= 5; ++day) {
    spec.weekly[day] = WorkingHours{std::chrono::hours{9}, std::chrono::hours{17}};
  }
  return MustCreate(std::move(spec));
}

}  // namespace textura::core::support::test_time

#endif  // TEXTURA_CORE_SUPPORT_TEST_TIME_H_
