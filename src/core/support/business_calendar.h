// Business calendar of the support desk and time arithmetic over its working hours.
//
// All instants are `core::Time` (UTC, integer microseconds: the type storage and the
// rest of core use), so timestamps pass through without conversion and the arithmetic
// is exact. Working hours, holidays and transferred working days are local to the
// calendar's IANA zone.
//
// Nothing here reads a clock, a file or the network, except that the first zone lookup
// loads the system tz database (see date_tz.h).

#ifndef TEXTURA_CORE_SUPPORT_BUSINESS_CALENDAR_H_
#define TEXTURA_CORE_SUPPORT_BUSINESS_CALENDAR_H_

#include <array>
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>

#include "core/support/date_tz.h"
#include "core/time.h"

namespace textura::core::support {

inline constexpr std::string_view kDefaultZone = "Europe/Moscow";

// Opening hours of one local day: [open, close), minutes after local midnight.
// Valid when 0 <= open < close <= 24:00.
struct WorkingHours {
  std::chrono::minutes open{0};
  std::chrono::minutes close{0};

  std::chrono::minutes Length() const { return close - open; }
  bool IsValid() const;
  friend bool operator==(const WorkingHours&, const WorkingHours&) = default;
};

// 10:00-19:00, the default working day.
inline constexpr WorkingHours kDefaultWorkingHours{std::chrono::hours{10}, std::chrono::hours{19}};

// Hours per weekday, indexed by `weekday.c_encoding()` (0 = Sunday … 6 = Saturday);
// nullopt = day off.
using WeeklyHours = std::array<std::optional<WorkingHours>, 7>;

// Mon–Fri 10:00–19:00, Saturday and Sunday off.
WeeklyHours DefaultWeeklyHours();

// Everything a calendar is made of, before validation. Plain data: fill it in code or get
// it from ParseCalendarFile (calendar_file.h).
struct CalendarSpec {
  std::string zone{kDefaultZone};
  WeeklyHours weekly = DefaultWeeklyHours();
  // Local dates that are days off whatever their weekday.
  std::set<std::chrono::year_month_day> holidays;
  // Local dates that are working days whatever their weekday: transferred working
  // Saturdays, shortened pre-holiday days. nullopt hours = the standard working day.
  std::map<std::chrono::year_month_day, std::optional<WorkingHours>> workdays;
};

// Why a calendar could not be built. `line` is the 1-based line of the calendar file,
// or 0 when the problem is not tied to one line.
struct CalendarError {
  int line = 0;
  std::string reason;

  // "line 3: bad date '2026-02-30'" or just the reason when line is 0.
  std::string ToString() const;
  friend bool operator==(const CalendarError&, const CalendarError&) = default;
};

class BusinessCalendar;
using CalendarOrError = std::variant<BusinessCalendar, CalendarError>;

// A validated, immutable business calendar. Cheap to copy; safe to share between threads.
class BusinessCalendar {
 public:
  // Validates `spec`: the zone exists, every WorkingHours is valid, at least one weekday
  // works (so there is always a next opening), no date is both holiday and workday.
  static CalendarOrError Create(CalendarSpec spec);

  // Europe/Moscow, Mon–Fri 10:00–19:00, no holidays. Throws std::runtime_error only when
  // the system tz database lacks Europe/Moscow (a broken installation).
  static BusinessCalendar Default();

  const std::string& zone_name() const { return spec_.zone; }
  const date::time_zone* zone() const { return zone_; }
  const CalendarSpec& spec() const { return spec_; }

  // The hours of the first working weekday counting from Monday (Monday's hours for the
  // default calendar). Transferred workdays without explicit hours use them, and their
  // length is one "business day" of response targets.
  WorkingHours StandardHours() const { return standard_hours_; }
  std::chrono::seconds BusinessDay() const { return standard_hours_.Length(); }

  // Working hours on a local date: the workday entry if any, else none on a holiday,
  // else the weekday's hours.
  std::optional<WorkingHours> HoursOn(std::chrono::year_month_day local_date) const;

 private:
  BusinessCalendar(CalendarSpec spec, const date::time_zone* zone, WorkingHours standard);

  CalendarSpec spec_;
  const date::time_zone* zone_;
  WorkingHours standard_hours_;
};

// The earliest instant T >= start such that BusinessTimeBetween(calendar, start, T) ==
// duration. Counting starts at `start` if it falls in working hours, else at the next
// opening; the result can be a closing time (Mon 10:00 + 9 h = Mon 19:00, not Tue 10:00).
// A zero or negative duration returns `start`.
Time AddBusinessTime(const BusinessCalendar& calendar, Time start,
                     std::chrono::microseconds duration);

// Working time of `calendar` inside [from, to); zero when to <= from. Real elapsed time:
// a working day that contains a DST jump counts an hour more or less.
std::chrono::microseconds BusinessTimeBetween(const BusinessCalendar& calendar, Time from, Time to);

}  // namespace textura::core::support

#endif  // TEXTURA_CORE_SUPPORT_BUSINESS_CALENDAR_H_
