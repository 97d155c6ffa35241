#include "core/support/calendar_file.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "core/support/test_time.h"

namespace textura::core::support {
namespace {

using namespace std::chrono_literals;
using test_time::Date;
using test_time::FormatUtc;
using test_time::Utc;

BusinessCalendar MustParse(std::string_view text) {
  auto result = ParseCalendarFile(text);
  if (auto* error = std::get_if<CalendarError>(&result)) {
    ADD_FAILURE() << error->ToString();
    return BusinessCalendar::Default();
  }
  return std::get<BusinessCalendar>(std::move(result));
}

constexpr std::string_view kSampleFile =
    R"(# Sample calendar (synthetic dates; the real one is data/calendars/ru.txt)
zone Europe/Moscow
hours mon-fri 10:00-19:00

holiday 2026-01-01..2026-01-09   New Year holidays
holiday 2026-02-23 Defender of the Fatherland Day
workday 2025-11-01  # transferred working Saturday
workday 2026-04-30 10:00-18:00 shortened pre-holiday day
)";

TEST(ParseCalendarFileTest, ReadsEveryDirective) {
  const BusinessCalendar calendar = MustParse(kSampleFile);
  EXPECT_EQ(calendar.zone_name(), "Europe/Moscow");
  EXPECT_EQ(calendar.BusinessDay(), 9h);
  EXPECT_EQ(calendar.spec().holidays.size(), 10u);
  EXPECT_EQ(calendar.HoursOn(Date(2025, 12, 31)), kDefaultWorkingHours);  // Wednesday
  EXPECT_EQ(calendar.HoursOn(Date(2026, 1, 1)), std::nullopt);
  EXPECT_EQ(calendar.HoursOn(Date(2026, 1, 9)), std::nullopt);  // Friday, end of range
  EXPECT_EQ(calendar.HoursOn(Date(2026, 1, 12)), kDefaultWorkingHours);
  EXPECT_EQ(calendar.HoursOn(Date(2026, 2, 23)), std::nullopt);          // Monday
  EXPECT_EQ(calendar.HoursOn(Date(2025, 11, 1)), kDefaultWorkingHours);  // Saturday
  EXPECT_EQ(calendar.HoursOn(Date(2026, 4, 30)), (WorkingHours{10h, 18h}));
}

TEST(ParseCalendarFileTest, ParsedCalendarDrivesBusinessTime) {
  const BusinessCalendar calendar = MustParse(kSampleFile);
  // Wed 31 Dec 2025 18:00 MSK + 9h: 1h that evening, then New Year holidays and the
  // weekend, then Mon 12 Jan 10:00 + 8h = 18:00 MSK.
  EXPECT_EQ(FormatUtc(AddBusinessTime(calendar, Utc("2025-12-31T15:00Z"), 9h)),
            "2026-01-12T15:00:00Z");
  // Fri 31 Oct 2025 18:00 MSK + 2h: 1h Friday, 1h on the working Saturday.
  EXPECT_EQ(FormatUtc(AddBusinessTime(calendar, Utc("2025-10-31T15:00Z"), 2h)),
            "2025-11-01T08:00:00Z");
}

TEST(ParseCalendarFileTest, EmptyFileGivesTheDefaultCalendar) {
  for (std::string_view text : {"", "\n\n", "# only a comment\n   \n"}) {
    const BusinessCalendar calendar = MustParse(text);
    EXPECT_EQ(calendar.zone_name(), "Europe/Moscow");
    EXPECT_EQ(calendar.spec().weekly, DefaultWeeklyHours());
    EXPECT_TRUE(calendar.spec().holidays.empty());
    EXPECT_TRUE(calendar.spec().workdays.empty());
  }
}

TEST(ParseCalendarFileTest, HoursLinesReplaceTheDefaultWeek) {
  const BusinessCalendar calendar = MustParse(
      "zone America/New_York\n"
      "hours tue-thu,sat 09:00-18:00\n"
      "hours fri 9:00-16:30\n");
  EXPECT_EQ(calendar.zone_name(), "America/New_York");
  EXPECT_EQ(calendar.HoursOn(Date(2026, 3, 2)), std::nullopt);  // Monday: not named
  EXPECT_EQ(calendar.HoursOn(Date(2026, 3, 3)), (WorkingHours{9h, 18h}));
  EXPECT_EQ(calendar.HoursOn(Date(2026, 3, 6)), (WorkingHours{9h, 16h + 30min}));
  EXPECT_EQ(calendar.HoursOn(Date(2026, 3, 7)), (WorkingHours{9h, 18h}));  // Saturday
  EXPECT_EQ(calendar.HoursOn(Date(2026, 3, 8)), std::nullopt);
  // The standard day is the first working weekday from Monday: Tuesday.
  EXPECT_EQ(calendar.StandardHours(), (WorkingHours{9h, 18h}));
  EXPECT_EQ(calendar.BusinessDay(), 9h);
}

TEST(ParseCalendarFileTest, AcceptsAroundTheClockAndOffDays) {
  const BusinessCalendar calendar =
      MustParse("hours mon-fri 00:00-24:00\r\nhours\tsat,sun off\r\n");
  EXPECT_EQ(calendar.HoursOn(Date(2026, 3, 2)), (WorkingHours{0h, 24h}));
  EXPECT_EQ(calendar.HoursOn(Date(2026, 3, 7)), std::nullopt);
  EXPECT_EQ(calendar.BusinessDay(), 24h);
}

struct ErrorCase {
  const char* text;
  int line;
  const char* reason;
};

TEST(ParseCalendarFileTest, ReportsErrorsWithLineNumbers) {
  const ErrorCase cases[] = {
      {"frobnicate 1", 1, "unknown directive 'frobnicate' (use zone, hours, holiday, workday)"},
      {"Holiday 2026-01-01", 1, "unknown directive 'Holiday' (use zone, hours, holiday, workday)"},
      {"# comment\n\nzone Mars/Olympus", 3, "unknown time zone 'Mars/Olympus'"},
      {"zone", 1, "'zone' needs one IANA time zone name"},
      {"zone Europe/Moscow extra", 1, "'zone' needs one IANA time zone name"},
      {"zone Europe/Moscow\nzone Europe/Berlin", 2, "zone already set on line 1"},
      {"holiday", 1, "'holiday' needs a date, e.g. 'holiday 2026-01-01'"},
      {"holiday 2026-02-30", 1, "bad date '2026-02-30' (use YYYY-MM-DD)"},
      {"holiday 2026-2-3", 1, "bad date '2026-2-3' (use YYYY-MM-DD)"},
      {"holiday 01.01.2026", 1, "bad date '01.01.2026' (use YYYY-MM-DD)"},
      {"holiday 2026-01-01..2026-13-01", 1, "bad date '2026-13-01' (use YYYY-MM-DD)"},
      {"holiday 2026-01-09..2026-01-01", 1,
       "date range '2026-01-09..2026-01-01' ends before it starts"},
      {"holiday 2026-01-01..2027-01-02", 1,
       "date range '2026-01-01..2027-01-02' is longer than 366 days"},
      {"hours mon-fri", 1, "'hours' needs days and hours, e.g. 'hours mon-fri 10:00-19:00'"},
      {"hours mon-fri 10:00-25:00", 1, "bad time '25:00' (use HH:MM)"},
      {"hours mon-fri 10:60-19:00", 1, "bad time '10:60' (use HH:MM)"},
      {"hours mon-fri 1000-1900", 1, "bad time '1000' (use HH:MM)"},
      {"hours mon-fri 10:00", 1, "bad time range '10:00' (use HH:MM-HH:MM)"},
      {"hours mon-fri 19:00-10:00", 1, "end 10:00 is not after start 19:00"},
      {"hours mon-fri 10:00-10:00", 1, "end 10:00 is not after start 10:00"},
      {"hours xyz 10:00-19:00", 1, "bad weekday 'xyz' (use mon, tue, wed, thu, fri, sat, sun)"},
      {"hours Mon-Fri 10:00-19:00", 1, "bad weekday 'Mon' (use mon, tue, wed, thu, fri, sat, sun)"},
      {"hours fri-mon 10:00-19:00", 1, "bad weekday range 'fri-mon' (runs from mon towards sun)"},
      {"hours mon-fri 10:00-19:00\nhours fri 10:00-17:00", 2, "fri already has hours from line 1"},
      {"workday", 1, "'workday' needs a date, e.g. 'workday 2025-11-01'"},
      {"workday 2025-11-31", 1, "bad date '2025-11-31' (use YYYY-MM-DD)"},
      {"workday 2026-03-14 12:00", 1, "bad time range '12:00' (use HH:MM-HH:MM)"},
      {"workday 2026-03-14 10:00-09:00", 1, "end 09:00 is not after start 10:00"},
      {"holiday 2026-03-14\nworkday 2026-03-14", 2,
       "date '2026-03-14' is already listed on line 1"},
      {"holiday 2026-01-01..2026-01-09\n# x\nholiday 2026-01-05", 3,
       "date '2026-01-05' is already listed on line 1"},
      {"zone Europe/Moscow\r\nholidy 2026-01-01\r\n", 2,
       "unknown directive 'holidy' (use zone, hours, holiday, workday)"},
      {"hours mon-sun off", 0, "no weekday has working hours"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const auto result = ParseCalendarFile(c.text);
    ASSERT_TRUE(std::holds_alternative<CalendarError>(result));
    EXPECT_EQ(std::get<CalendarError>(result), (CalendarError{c.line, c.reason}));
  }
}

}  // namespace
}  // namespace textura::core::support
