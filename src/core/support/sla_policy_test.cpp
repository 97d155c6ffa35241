#include "core/support/sla_policy.h"

#include <gtest/gtest.h>

#include "core/support/test_time.h"

namespace textura::core::support {
namespace {

using namespace test_time;
using std::chrono::hours;
using std::chrono::minutes;

SlaPolicy MustBuild(const BusinessCalendar& base, const std::optional<SlaSettings>& settings,
                    std::span<const CalendarOverride> overrides = {}) {
  auto built = BuildSlaPolicy(base, settings, overrides);
  if (auto* err = std::get_if<CalendarError>(&built)) throw std::invalid_argument(err->reason);
  return std::get<SlaPolicy>(std::move(built));
}

TEST(SlaPolicy, DefaultsGiveTheSameDueTimesAsTheBuiltInTargets) {
  const auto calendar = MoscowTestCalendar();
  const SlaPolicy policy = DefaultSlaPolicy(calendar);
  EXPECT_EQ(policy.target(RequestType::kCritical), (TargetSetting{240, TargetClock::kWallClock}));
  EXPECT_EQ(policy.target(RequestType::kQuestion).minutes, 540);
  EXPECT_EQ(policy.target(RequestType::kFeatureRequest).minutes, 1080);
  for (const char* at :
       {"2026-03-02T12:00Z", "2026-03-06T15:00Z", "2026-03-10T12:00Z", "2026-03-08T20:30Z"}) {
    for (RequestType type : kRequestTypes) {
      EXPECT_EQ(ComputeReplyDue(policy, type, Utc(at)), ComputeReplyDue(calendar, type, Utc(at)))
          << at << " " << ToString(type);
    }
  }
  EXPECT_EQ(ComputeReplyDue(policy, RequestType::kQuestion, std::nullopt), std::nullopt);
}

TEST(SlaPolicy, EditedTargetsAndHoursChangeTheDueTime) {
  SlaSettings s = DefaultSlaSettings(MoscowTestCalendar());
  s.target(RequestType::kQuestion) = {120, TargetClock::kBusinessTime};
  s.target(RequestType::kCritical) = {30, TargetClock::kWallClock};
  s.weekly[1] = WorkingHours{hours{9}, hours{18}};  // Monday 09:00-18:00
  const SlaPolicy policy = MustBuild(MoscowTestCalendar(), s);
  // Monday 17:00 Moscow (14:00Z): 1 h Monday, 1 h Tuesday from 10:00 → Tue 11:00 (08:00Z).
  EXPECT_EQ(FormatUtc(*ComputeReplyDue(policy, RequestType::kQuestion, Utc("2026-03-02T14:00Z"))),
            "2026-03-03T08:00:00Z");
  EXPECT_EQ(FormatUtc(*ComputeReplyDue(policy, RequestType::kCritical, Utc("2026-03-07T23:50Z"))),
            "2026-03-08T00:20:00Z");
}

TEST(SlaPolicy, OverridesReplaceTheFileForTheirDate) {
  const auto base = MoscowTestCalendar();  // Wed 11 Mar holiday, Sat 14 Mar workday
  const std::vector<CalendarOverride> overrides = {
      {Date(2026, 3, 11), DayKind::kWorkday, "not a holiday after all"},
      {Date(2026, 3, 12), DayKind::kHoliday, "office closed"},
  };
  const SlaPolicy policy = MustBuild(base, std::nullopt, overrides);
  EXPECT_TRUE(policy.calendar().HoursOn(Date(2026, 3, 11)).has_value());
  EXPECT_FALSE(policy.calendar().HoursOn(Date(2026, 3, 12)).has_value());
  EXPECT_TRUE(policy.calendar().HoursOn(Date(2026, 3, 14)).has_value());
  // Wed 15:00 Moscow question → Fri 15:00: Thursday is now off.
  EXPECT_EQ(FormatUtc(*ComputeReplyDue(policy, RequestType::kQuestion, Utc("2026-03-11T12:00Z"))),
            "2026-03-13T12:00:00Z");
}

TEST(SlaPolicy, ZoneOfTheSettingsMovesTheHours) {
  SlaSettings s = DefaultSlaSettings(MoscowTestCalendar());
  s.zone = "Asia/Yekaterinburg";  // UTC+5
  const SlaPolicy policy = MustBuild(MoscowTestCalendar(), s);
  EXPECT_EQ(policy.calendar().zone_name(), "Asia/Yekaterinburg");
  // Monday 02:00Z is 07:00 local: counting starts at 10:00 local (05:00Z), 9 h → 14:00Z.
  EXPECT_EQ(FormatUtc(*ComputeReplyDue(policy, RequestType::kQuestion, Utc("2026-03-02T02:00Z"))),
            "2026-03-02T14:00:00Z");
}

TEST(SlaPolicy, WarningWindowDecidesDueSoon) {
  SlaSettings s = DefaultSlaSettings(MoscowTestCalendar());
  s.warning_minutes = 120;
  const SlaPolicy policy = MustBuild(MoscowTestCalendar(), s);
  const Time due = Utc("2026-03-02T15:00Z");  // Mon 18:00 Moscow
  EXPECT_EQ(EvaluateSla(policy, RequestType::kQuestion, due, Utc("2026-03-02T13:30Z")),
            SlaState::kDueSoon);
  EXPECT_EQ(EvaluateSla(policy, RequestType::kQuestion, due, Utc("2026-03-02T12:30Z")),
            SlaState::kOnTrack);
  EXPECT_EQ(EvaluateSla(policy, RequestType::kQuestion, due, Utc("2026-03-02T15:00:01Z")),
            SlaState::kOverdue);
}

TEST(SlaPolicy, ValidationNamesTheField) {
  const SlaSettings good = DefaultSlaSettings(MoscowTestCalendar());
  EXPECT_TRUE(ValidateSlaSettings(good).ok());
  auto field_of = [](const SlaSettings& s) { return ValidateSlaSettings(s).error().field; };
  SlaSettings s = good;
  s.zone = "Mars/Olympus";
  EXPECT_EQ(field_of(s), "time_zone");
  s = good;
  s.weekly[2] = WorkingHours{hours{19}, hours{10}};
  EXPECT_EQ(field_of(s), "business_hours");
  s = good;
  s.weekly = WeeklyHours{};
  EXPECT_EQ(field_of(s), "business_hours");
  s = good;
  s.target(RequestType::kFeatureRequest).minutes = 0;
  EXPECT_EQ(field_of(s), "targets.feature_request.minutes");
  s = good;
  s.target(RequestType::kCritical).minutes = 100001;
  EXPECT_EQ(field_of(s), "targets.critical.minutes");
  s = good;
  s.warning_minutes = -1;
  EXPECT_EQ(field_of(s), "warning_minutes");
}

TEST(SlaPolicy, StorageFormsRoundTrip) {
  SlaSettings s = DefaultSlaSettings(MoscowTestCalendar());
  s.weekly[6] = WorkingHours{hours{11}, hours{24}};
  EXPECT_EQ(FormatWeeklyHours(s.weekly),
            "1 10:00-19:00;2 10:00-19:00;3 10:00-19:00;4 10:00-19:00;5 10:00-19:00;6 11:00-24:00");
  EXPECT_EQ(ParseWeeklyHours(FormatWeeklyHours(s.weekly)), s.weekly);
  EXPECT_EQ(FormatTargets(s.targets),
            "critical 240 calendar;question 540 business;feature_request 1080 business");
  EXPECT_EQ(ParseTargets(FormatTargets(s.targets)), s.targets);
  EXPECT_EQ(ParseTargets("critical 240 calendar"), std::nullopt);
  EXPECT_EQ(ParseWeeklyHours("8 10:00-19:00"), std::nullopt);
}

TEST(SlaPolicy, DatesAndTimes) {
  EXPECT_EQ(ParseIsoDate("2026-02-28"), Date(2026, 2, 28));
  EXPECT_EQ(ParseIsoDate("2026-02-29"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2026-2-28"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2026-13-01"), std::nullopt);
  EXPECT_EQ(FormatIsoDate(Date(2026, 1, 9)), "2026-01-09");
  EXPECT_EQ(ParseClockTime("24:00"), minutes{1440});
  EXPECT_EQ(ParseClockTime("24:01"), std::nullopt);
  EXPECT_EQ(ParseClockTime("9:00"), std::nullopt);
  EXPECT_EQ(ParseClockTime("09:60"), std::nullopt);
  EXPECT_EQ(FormatClockTime(minutes{605}), "10:05");
}

}  // namespace
}  // namespace textura::core::support
