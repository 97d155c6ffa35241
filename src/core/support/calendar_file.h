// The business calendar file: a plain-text format that people edit once a year when the
// government publishes the production calendar. Core parses the text; reading the file
// is the caller's job. Format (docs/support-sla.md has the full description):
//
//   # Russian production calendar 2026      <- '#' starts a comment anywhere
//   zone Europe/Moscow                      <- IANA zone; default Europe/Moscow
//   hours mon-fri 10:00-19:00               <- first 'hours' line replaces the default
//   hours sat,sun off                          week; unnamed days are off
//   holiday 2026-01-01..2026-01-09 New Year <- a day off, or an inclusive range; label free
//   workday 2025-11-01                      <- a working day with the standard hours
//   workday 2026-04-30 10:00-18:00 short    <- a working day with its own hours
//
// Dates are local dates of the zone. Directives may come in any order.

#ifndef TEXTURA_CORE_SUPPORT_CALENDAR_FILE_H_
#define TEXTURA_CORE_SUPPORT_CALENDAR_FILE_H_

#include <string_view>

#include "core/support/business_calendar.h"

namespace textura::core::support {

// The longest date range one 'holiday' line may cover.
inline constexpr int kMaxHolidayRangeDays = 366;

// Parses calendar file content on top of the defaults (Europe/Moscow, Mon–Fri
// 10:00–19:00). Returns the calendar, or the first error with its 1-based line number
// and reason: unknown directive, unknown zone, bad date, bad time, end not after start,
// a day or date given twice, a date both holiday and workday. Errors about the file as a
// whole (no working weekday left) carry line 0. Never throws; accepts "\r\n" line ends.
CalendarOrError ParseCalendarFile(std::string_view text);

}  // namespace textura::core::support

#endif  // TEXTURA_CORE_SUPPORT_CALENDAR_FILE_H_
