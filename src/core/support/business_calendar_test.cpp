#include "core/support/business_calendar.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "core/support/test_time.h"

namespace textura::core::support {
namespace {

using namespace std::chrono_literals;
using test_time::Date;
using test_time::FormatUtc;
using test_time::MoscowTestCalendar;
using test_time::MustCreate;
using test_time::NewYorkTestCalendar;
using test_time::Utc;

// Local times in the comments are Moscow (UTC+3) unless the test says otherwise.
// March 2026: Mon 2 … Fri 6, Sat 7, Sun 8, Mon 9, Tue 10, Wed 11 (test holiday),
// Thu 12, Fri 13, Sat 14 (test transferred workday), Sun 15, Mon 16.

TEST(BusinessCalendarTest, DefaultIsMoscowWeekdaysTenToSeven) {
  const BusinessCalendar calendar = BusinessCalendar::Default();
  EXPECT_EQ(calendar.zone_name(), "Europe/Moscow");
  ASSERT_NE(calendar.zone(), nullptr);
  EXPECT_EQ(calendar.zone()->name(), "Europe/Moscow");
  EXPECT_EQ(calendar.StandardHours(), kDefaultWorkingHours);
  EXPECT_EQ(calendar.BusinessDay(), 9h);
  EXPECT_EQ(calendar.HoursOn(Date(2026, 3, 2)), kDefaultWorkingHours);  // Monday
  EXPECT_EQ(calendar.HoursOn(Date(2026, 3, 6)), kDefaultWorkingHours);  // Friday
  EXPECT_EQ(calendar.HoursOn(Date(2026, 3, 7)), std::nullopt);          // Saturday
  EXPECT_EQ(calendar.HoursOn(Date(2026, 3, 8)), std::nullopt);          // Sunday
}

TEST(BusinessCalendarTest, FindTimeZoneUsesSystemDatabase) {
  ASSERT_NE(FindTimeZone("Europe/Moscow"), nullptr);
  ASSERT_NE(FindTimeZone("America/New_York"), nullptr);
  EXPECT_EQ(FindTimeZone("Mars/Olympus_Mons"), nullptr);
  EXPECT_EQ(FindTimeZone(""), nullptr);
}

TEST(BusinessCalendarTest, HoursOnHolidaysAndWorkdays) {
  const BusinessCalendar calendar = MoscowTestCalendar();
  EXPECT_EQ(calendar.HoursOn(Date(2026, 3, 10)), kDefaultWorkingHours);
  EXPECT_EQ(calendar.HoursOn(Date(2026, 3, 11)), std::nullopt);          // holiday
  EXPECT_EQ(calendar.HoursOn(Date(2026, 3, 14)), kDefaultWorkingHours);  // transferred Sat
  EXPECT_EQ(calendar.HoursOn(Date(2026, 3, 15)), std::nullopt);          // Sunday
}

TEST(BusinessCalendarTest, CreateRejectsInvalidSpecs) {
  struct Case {
    std::string name;
    CalendarSpec spec;
    std::string reason;
  };
  std::vector<Case> cases;
  {
    CalendarSpec spec;
    spec.zone = "Europe/Atlantis";
    cases.push_back({"unknown zone", spec, "unknown time zone 'Europe/Atlantis'"});
  }
  {
    CalendarSpec spec;
    spec.weekly = WeeklyHours{};
    spec.workdays[Date(2026, 3, 14)] = std::nullopt;
    cases.push_back({"no working weekday", spec, "no weekday has working hours"});
  }
  {
    CalendarSpec spec;
    spec.weekly[1] = WorkingHours{19h, 10h};
    cases.push_back({"end before start", spec, "weekday working hours are not a valid range"});
  }
  {
    CalendarSpec spec;
    spec.weekly[2] = WorkingHours{10h, 25h};
    cases.push_back({"past midnight", spec, "weekday working hours are not a valid range"});
  }
  {
    CalendarSpec spec;
    spec.holidays.insert(Date(2026, 3, 14));
    spec.workdays[Date(2026, 3, 14)] = std::nullopt;
    cases.push_back(
        {"holiday and workday", spec, "date 2026-03-14 is both a holiday and a workday"});
  }
  {
    CalendarSpec spec;
    spec.workdays[Date(2026, 3, 14)] = WorkingHours{10h, 10h};
    cases.push_back({"empty workday", spec, "workday 2026-03-14 has invalid hours"});
  }
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto result = BusinessCalendar::Create(c.spec);
    ASSERT_TRUE(std::holds_alternative<CalendarError>(result));
    EXPECT_EQ(std::get<CalendarError>(result), (CalendarError{0, c.reason}));
  }
}

struct AddCase {
  const char* name;
  const char* start;
  std::chrono::seconds duration;
  const char* expected;
};

TEST(AddBusinessTimeTest, MoscowCalendarTable) {
  const BusinessCalendar calendar = MoscowTestCalendar();
  const AddCase cases[] = {
      {"inside hours, same day: Mon 12:00 + 3h = Mon 15:00", "2026-03-02T09:00Z", 3h,
       "2026-03-02T12:00:00Z"},
      {"created at night: Tue 02:00 + 1h = Tue 11:00", "2026-03-02T23:00Z", 1h,
       "2026-03-03T08:00:00Z"},
      {"after closing: Mon 20:00 + 1h = Tue 11:00", "2026-03-02T17:00Z", 1h,
       "2026-03-03T08:00:00Z"},
      {"exactly at opening: Mon 10:00 + 9h = Mon 19:00, not Tue 10:00", "2026-03-02T07:00Z", 9h,
       "2026-03-02T16:00:00Z"},
      {"exactly at closing: Mon 19:00 + 1h = Tue 11:00", "2026-03-02T16:00Z", 1h,
       "2026-03-03T08:00:00Z"},
      {"one second before closing: Mon 18:59:59 + 2s = Tue 10:00:01", "2026-03-02T15:59:59Z", 2s,
       "2026-03-03T07:00:01Z"},
      {"weekend skipped: Fri 18:00 + 9h = Mon 18:00", "2026-03-06T15:00Z", 9h,
       "2026-03-09T15:00:00Z"},
      {"start on Saturday: Sat 12:00 + 1h = Mon 11:00", "2026-03-07T09:00Z", 1h,
       "2026-03-09T08:00:00Z"},
      {"holiday skipped: Tue 15:00 + 9h = Thu 15:00", "2026-03-10T12:00Z", 9h,
       "2026-03-12T12:00:00Z"},
      {"start on a holiday: Wed 12:00 + 1h = Thu 11:00", "2026-03-11T09:00Z", 1h,
       "2026-03-12T08:00:00Z"},
      {"transferred Saturday counted: Fri 15:00 + 9h = Sat 15:00", "2026-03-13T12:00Z", 9h,
       "2026-03-14T12:00:00Z"},
      {"after transferred Saturday: Sat 18:00 + 2h = Mon 11:00", "2026-03-14T15:00Z", 2h,
       "2026-03-16T08:00:00Z"},
      {"whole week: Mon 10:00 + 45h = Fri 19:00", "2026-03-02T07:00Z", 45h, "2026-03-06T16:00:00Z"},
      {"zero duration at night returns start", "2026-03-02T23:00Z", 0s, "2026-03-02T23:00:00Z"},
      {"negative duration returns start", "2026-03-02T09:00Z", -5h, "2026-03-02T09:00:00Z"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(FormatUtc(AddBusinessTime(calendar, Utc(c.start), c.duration)), c.expected);
  }
}

TEST(AddBusinessTimeTest, KeepsMicroseconds) {
  const BusinessCalendar calendar = MoscowTestCalendar();
  // Mon 18:30:00.25 + 1h: 29:59.75 on Monday, the rest from Tue 10:00.
  EXPECT_EQ(FormatUtc(AddBusinessTime(calendar, Utc("2026-03-02T15:30Z") + 250ms, 1h)),
            "2026-03-03T07:30:00.250000Z");
  EXPECT_EQ(BusinessTimeBetween(calendar, Utc("2026-03-02T15:59:59Z") + 999999us,
                                Utc("2026-03-02T16:00Z")),
            1us);
}

TEST(AddBusinessTimeTest, WorkdayWithOwnHoursShortensTheDay) {
  CalendarSpec spec;
  spec.workdays[Date(2026, 3, 6)] = WorkingHours{10h, 18h};  // Friday closes at 18:00
  const BusinessCalendar calendar = MustCreate(spec);
  // Fri 17:00 + 2h: one hour on Friday, the second on Monday 10:00-11:00.
  EXPECT_EQ(FormatUtc(AddBusinessTime(calendar, Utc("2026-03-06T14:00Z"), 2h)),
            "2026-03-09T08:00:00Z");
  EXPECT_EQ(BusinessTimeBetween(calendar, Utc("2026-03-05T21:00Z"), Utc("2026-03-06T21:00Z")), 8h);
}

struct BetweenCase {
  const char* name;
  const char* from;
  const char* to;
  std::chrono::seconds expected;
};

TEST(BusinessTimeBetweenTest, MoscowCalendarTable) {
  const BusinessCalendar calendar = MoscowTestCalendar();
  const BetweenCase cases[] = {
      {"Mon 10:00 to Mon 19:00", "2026-03-02T07:00Z", "2026-03-02T16:00Z", 9h},
      {"Mon 09:30 to Mon 10:30", "2026-03-02T06:30Z", "2026-03-02T07:30Z", 30min},
      {"Tue 02:00 to Tue 03:00, night", "2026-03-02T23:00Z", "2026-03-03T00:00Z", 0s},
      {"Fri 18:00 to Mon 18:00, weekend", "2026-03-06T15:00Z", "2026-03-09T15:00Z", 9h},
      {"Sat 00:00 to Mon 00:00, plain weekend", "2026-03-06T21:00Z", "2026-03-08T21:00Z", 0s},
      {"Tue 15:00 to Thu 15:00, holiday between", "2026-03-10T12:00Z", "2026-03-12T12:00Z", 9h},
      {"transferred Saturday, whole day", "2026-03-13T21:00Z", "2026-03-14T21:00Z", 9h},
      {"Mon 00:00 to next Mon 00:00", "2026-03-01T21:00Z", "2026-03-08T21:00Z", 45h},
      {"reversed range", "2026-03-02T16:00Z", "2026-03-02T07:00Z", 0s},
      {"empty range", "2026-03-02T09:00Z", "2026-03-02T09:00Z", 0s},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(BusinessTimeBetween(calendar, Utc(c.from), Utc(c.to)), c.expected);
  }
}

// For every start on a 37-minute grid over two weeks (weekend, holiday and transferred
// Saturday included) and a set of durations: the elapsed business time equals the
// duration, and the result is the earliest such instant.
TEST(BusinessTimeBetweenTest, RoundTripsWithAddBusinessTime) {
  const BusinessCalendar calendar = MoscowTestCalendar();
  const std::chrono::seconds durations[] = {1s, 30min, 1h, 9h, 9h + 1s, 18h, 27h, 50h};
  int checked = 0;
  for (auto start = Utc("2026-03-05T00:00Z"); start < Utc("2026-03-19T00:00Z"); start += 37min) {
    for (const auto duration : durations) {
      const auto end = AddBusinessTime(calendar, start, duration);
      ASSERT_EQ(BusinessTimeBetween(calendar, start, end), duration)
          << FormatUtc(start) << " + " << duration.count() << "s";
      ASSERT_LT(BusinessTimeBetween(calendar, start, end - 1us), duration)
          << FormatUtc(start) << " + " << duration.count() << "s";
      ++checked;
    }
  }
  EXPECT_EQ(checked, 545 * 8);
}

TEST(BusinessCalendarTest, LocalDateNotUtcDateDecidesTheWorkingDay) {
  CalendarSpec spec;
  spec.zone = "America/New_York";
  for (unsigned day = 1; day <= 5; ++day) spec.weekly[day] = WorkingHours{12h, 22h};
  const BusinessCalendar calendar = MustCreate(spec);
  // Fri 6 Mar 21:00 EST is Saturday 02:00 in UTC, yet still Friday's working hours.
  EXPECT_EQ(FormatUtc(AddBusinessTime(calendar, Utc("2026-03-07T02:00Z"), 30min)),
            "2026-03-07T02:30:00Z");
  EXPECT_EQ(BusinessTimeBetween(calendar, Utc("2026-03-07T02:00Z"), Utc("2026-03-07T05:00Z")), 1h);
}

TEST(BusinessCalendarDstTest, NewYorkHoursStayLocalAcrossTheSpringChange) {
  const BusinessCalendar calendar = NewYorkTestCalendar();
  // Monday openings: 09:00 EST = 14:00Z before the change, 09:00 EDT = 13:00Z after.
  EXPECT_EQ(FormatUtc(AddBusinessTime(calendar, Utc("2026-03-01T12:00Z"), 1h)),
            "2026-03-02T15:00:00Z");
  EXPECT_EQ(FormatUtc(AddBusinessTime(calendar, Utc("2026-03-08T12:00Z"), 1h)),
            "2026-03-09T14:00:00Z");
  // Fri 15:00 EST + 8h: 2h on Friday, 6h on Monday 09:00-15:00 EDT = 19:00Z, an hour
  // earlier in UTC than Friday's 20:00Z.
  EXPECT_EQ(FormatUtc(AddBusinessTime(calendar, Utc("2026-03-06T20:00Z"), 8h)),
            "2026-03-09T19:00:00Z");
  EXPECT_EQ(BusinessTimeBetween(calendar, Utc("2026-03-06T20:00Z"), Utc("2026-03-09T19:00Z")), 8h);
}

TEST(BusinessCalendarDstTest, NewYorkHoursStayLocalAcrossTheAutumnChange) {
  const BusinessCalendar calendar = NewYorkTestCalendar();
  // Fri 30 Oct 15:00 EDT (19:00Z) + 8h = Mon 2 Nov 15:00 EST (20:00Z).
  EXPECT_EQ(FormatUtc(AddBusinessTime(calendar, Utc("2026-10-30T19:00Z"), 8h)),
            "2026-11-02T20:00:00Z");
  EXPECT_EQ(BusinessTimeBetween(calendar, Utc("2026-10-30T19:00Z"), Utc("2026-11-02T20:00Z")), 8h);
}

TEST(BusinessCalendarDstTest, DayWithTheJumpInsideHoursCountsRealTime) {
  CalendarSpec spec;
  spec.zone = "America/New_York";
  for (auto& day : spec.weekly) day = WorkingHours{0h, 24h};  // around the clock
  const BusinessCalendar calendar = MustCreate(spec);
  // Sun 8 Mar 00:00 EST (05:00Z) to Mon 00:00 EDT (04:00Z): a 23-hour local day.
  EXPECT_EQ(BusinessTimeBetween(calendar, Utc("2026-03-08T05:00Z"), Utc("2026-03-09T04:00Z")), 23h);
  // Sun 1 Nov 00:00 EDT (04:00Z) to Mon 00:00 EST (05:00Z): a 25-hour local day.
  EXPECT_EQ(BusinessTimeBetween(calendar, Utc("2026-11-01T04:00Z"), Utc("2026-11-02T05:00Z")), 25h);
  // Three local days around the spring change: no gap and no overlap at midnights.
  EXPECT_EQ(BusinessTimeBetween(calendar, Utc("2026-03-07T05:00Z"), Utc("2026-03-10T04:00Z")), 71h);
  // 01:30 EST + 1h of business time = 03:30 EDT.
  EXPECT_EQ(FormatUtc(AddBusinessTime(calendar, Utc("2026-03-08T06:30Z"), 1h)),
            "2026-03-08T07:30:00Z");
}

TEST(BusinessCalendarDstTest, HoursThatDoNotExistThatDayCountZero) {
  CalendarSpec spec;
  spec.zone = "America/New_York";
  spec.weekly = WeeklyHours{};
  spec.weekly[0] = WorkingHours{2h, 3h};  // Sundays 02:00-03:00 only
  const BusinessCalendar calendar = MustCreate(spec);
  // 1 Mar: 02:00-03:00 EST = 07:00Z-08:00Z. 8 Mar: clocks jump from 02:00 to 03:00.
  EXPECT_EQ(BusinessTimeBetween(calendar, Utc("2026-03-01T05:00Z"), Utc("2026-03-02T05:00Z")), 1h);
  EXPECT_EQ(BusinessTimeBetween(calendar, Utc("2026-03-08T05:00Z"), Utc("2026-03-09T04:00Z")), 0s);
  // From Sat 7 Mar, the next hour of business time is 15 Mar 02:00-03:00 EDT (06:00Z-07:00Z).
  EXPECT_EQ(FormatUtc(AddBusinessTime(calendar, Utc("2026-03-07T12:00Z"), 1h)),
            "2026-03-15T07:00:00Z");
}

TEST(CalendarErrorTest, ToStringNamesTheLine) {
  EXPECT_EQ((CalendarError{3, "bad date"}).ToString(), "line 3: bad date");
  EXPECT_EQ((CalendarError{0, "no weekday has working hours"}).ToString(),
            "no weekday has working hours");
}

}  // namespace
}  // namespace textura::core::support
