#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/support/date_tz.h"
#include "core/time.h"

namespace textura::core {

// Days of usage cut in an account's time zone (docs/finance.md). Usage is kept per UTC
// hour; a day in zone Z is the hours whose start falls in that local date. That is
// exact for zones whose offset is a whole number of hours (Europe/Moscow is UTC+3 all
// year, no DST since 2014; every DST zone of Europe and the Americas); zones with
// half-hour offsets (Asia/Kolkata) get days cut at the nearest earlier UTC hour.

// A day as the number of days since 1970-01-01 in the local calendar.
using LocalDay = std::int64_t;

// "2026-12-02" ⇄ a local day; nullopt when malformed or not a date.
std::optional<LocalDay> ParseLocalDay(std::string_view text);
std::string FormatLocalDay(LocalDay day);

// The start of the UTC hour holding `t` (the usage bucket).
Time HourStart(Time t);

// The local date of instant `t` in `zone`.
LocalDay LocalDayOf(const date::time_zone* zone, Time t);
// The UTC instant local midnight of `day` begins (the earliest one at a DST gap).
Time DayStart(const date::time_zone* zone, LocalDay day);
// The first local day of the month holding `day`, and of the month before it.
LocalDay MonthFirstDay(LocalDay day);
LocalDay PreviousMonthFirstDay(LocalDay day);
// "2026-12": the budget month (caps, alerts) of `day`.
std::string MonthKey(LocalDay day);

// A stretch of time in which `zone` keeps one UTC offset, cut to [begin, end).
struct OffsetSpan {
  Time begin;
  Time end;
  std::int64_t offset_us = 0;  // local = UTC + offset
};
// The spans covering [from, to), in order (one for a DST-free zone such as Moscow).
std::vector<OffsetSpan> OffsetSpans(const date::time_zone* zone, Time from, Time to);

}  // namespace textura::core
