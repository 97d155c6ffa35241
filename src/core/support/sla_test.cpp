#include "core/support/sla.h"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
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

// Local times in the comments are Moscow (UTC+3). The test calendar has a holiday on
// Wed 2026-03-11 and a transferred working Saturday 2026-03-14.

std::string FormatDue(std::optional<Time> due) {
  return due ? FormatUtc(*due) : "none";
}

TEST(SlaRequestTypeTest, NamesRoundTrip) {
  for (auto type : {RequestType::kCritical, RequestType::kQuestion, RequestType::kFeatureRequest}) {
    EXPECT_EQ(ParseRequestType(ToString(type)), type);
  }
  EXPECT_EQ(ToString(RequestType::kCritical), "critical");
  EXPECT_EQ(ToString(RequestType::kQuestion), "question");
  EXPECT_EQ(ToString(RequestType::kFeatureRequest), "feature_request");
  for (std::string_view bad : {"", "Critical", "feature-request", "question ", "bug"}) {
    EXPECT_EQ(ParseRequestType(bad), std::nullopt) << bad;
  }
}

TEST(SlaReplyTargetTest, TargetsPerType) {
  EXPECT_EQ(ReplyTargetFor(RequestType::kCritical), (ReplyTarget{TargetClock::kWallClock, 4h, 0}));
  EXPECT_EQ(ReplyTargetFor(RequestType::kQuestion),
            (ReplyTarget{TargetClock::kBusinessTime, 0h, 1}));
  EXPECT_EQ(ReplyTargetFor(RequestType::kFeatureRequest),
            (ReplyTarget{TargetClock::kBusinessTime, 0h, 2}));
  const BusinessCalendar calendar = BusinessCalendar::Default();
  EXPECT_EQ(TargetDuration(calendar, RequestType::kCritical), 4h);
  EXPECT_EQ(TargetDuration(calendar, RequestType::kQuestion), 9h);
  EXPECT_EQ(TargetDuration(calendar, RequestType::kFeatureRequest), 18h);
}

struct DueCase {
  const char* name;
  RequestType type;
  const char* since;
  const char* expected;
};

TEST(ComputeReplyDueTest, MoscowCalendarTable) {
  const BusinessCalendar calendar = MoscowTestCalendar();
  const DueCase cases[] = {
      {"question Mon 15:00 -> Tue 15:00", RequestType::kQuestion, "2026-03-02T12:00Z",
       "2026-03-03T12:00:00Z"},
      {"question Fri 18:00 -> Mon 18:00 (weekend)", RequestType::kQuestion, "2026-03-06T15:00Z",
       "2026-03-09T15:00:00Z"},
      {"question created at night Tue 02:00 -> Tue 19:00", RequestType::kQuestion,
       "2026-03-02T23:00Z", "2026-03-03T16:00:00Z"},
      {"question at opening Mon 10:00 -> Mon 19:00", RequestType::kQuestion, "2026-03-02T07:00Z",
       "2026-03-02T16:00:00Z"},
      {"question at closing Mon 19:00 -> Tue 19:00", RequestType::kQuestion, "2026-03-02T16:00Z",
       "2026-03-03T16:00:00Z"},
      {"question Tue 15:00 -> Thu 15:00 (Wed holiday)", RequestType::kQuestion, "2026-03-10T12:00Z",
       "2026-03-12T12:00:00Z"},
      {"question Fri 15:00 -> Sat 15:00 (transferred workday)", RequestType::kQuestion,
       "2026-03-13T12:00Z", "2026-03-14T12:00:00Z"},
      {"feature_request Mon 15:00 -> Wed 15:00", RequestType::kFeatureRequest, "2026-03-02T12:00Z",
       "2026-03-04T12:00:00Z"},
      {"feature_request Fri 12:00 -> Mon 12:00 (Fri 7h + Sat 9h + Mon 2h)",
       RequestType::kFeatureRequest, "2026-03-13T09:00Z", "2026-03-16T09:00:00Z"},
      {"critical Sun 23:30 -> Mon 03:30 (around the clock)", RequestType::kCritical,
       "2026-03-08T20:30Z", "2026-03-09T00:30:00Z"},
      {"critical on a holiday Wed 12:00 -> Wed 16:00", RequestType::kCritical, "2026-03-11T09:00Z",
       "2026-03-11T13:00:00Z"},
      {"critical Mon 18:00 -> Mon 22:00, past closing", RequestType::kCritical, "2026-03-02T15:00Z",
       "2026-03-02T19:00:00Z"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(FormatDue(ComputeReplyDue(calendar, c.type, Utc(c.since))), c.expected);
  }
}

TEST(ComputeReplyDueTest, FeatureRequestSpanningAHolidayWeek) {
  CalendarSpec spec;  // synthetic long May holidays
  spec.holidays.insert(Date(2026, 5, 1));
  for (unsigned day = 4; day <= 8; ++day) spec.holidays.insert(Date(2026, 5, day));
  spec.holidays.insert(Date(2026, 5, 11));
  const BusinessCalendar calendar = MustCreate(spec);
  // Thu 30 Apr 17:00: 2h that day; Fri 1 May, 4-8 May, 11 May off, weekends off;
  // Tue 12 May 9h; Wed 13 May 10:00 + 7h = 17:00 MSK.
  EXPECT_EQ(
      FormatDue(ComputeReplyDue(calendar, RequestType::kFeatureRequest, Utc("2026-04-30T14:00Z"))),
      "2026-05-13T14:00:00Z");
}

TEST(ComputeReplyDueTest, NoDueWhenTheTeamOwesNothing) {
  const BusinessCalendar calendar = MoscowTestCalendar();
  for (auto type : {RequestType::kCritical, RequestType::kQuestion, RequestType::kFeatureRequest}) {
    EXPECT_EQ(ComputeReplyDue(calendar, type, std::nullopt), std::nullopt) << ToString(type);
  }
}

TEST(ComputeReplyDueTest, OtherZoneAcrossDaylightSaving) {
  const BusinessCalendar calendar = NewYorkTestCalendar();  // 09:00-17:00, 8h business day
  // Fri 6 Mar 15:00 EST -> Mon 9 Mar 15:00 EDT: same local time, UTC an hour earlier.
  EXPECT_EQ(FormatDue(ComputeReplyDue(calendar, RequestType::kQuestion, Utc("2026-03-06T20:00Z"))),
            "2026-03-09T19:00:00Z");
  // Critical is 4 real hours: Sun 8 Mar 00:30 EST + 4h = 05:30 EDT (09:30Z).
  EXPECT_EQ(FormatDue(ComputeReplyDue(calendar, RequestType::kCritical, Utc("2026-03-08T05:30Z"))),
            "2026-03-08T09:30:00Z");
}

struct AwaitingCase {
  const char* name;
  std::vector<TicketMessage> messages;
  std::optional<Time> expected;
};

TEST(AwaitingTeamSinceTest, Table) {
  const auto customer = [](const char* at) {
    return TicketMessage{MessageSide::kCustomer, Utc(at)};
  };
  const auto team = [](const char* at) { return TicketMessage{MessageSide::kTeam, Utc(at)}; };
  const AwaitingCase cases[] = {
      {"no messages", {}, std::nullopt},
      {"only the team wrote", {team("2026-03-02T09:00Z")}, std::nullopt},
      {"customer waiting: first unanswered message counts",
       {customer("2026-03-02T09:00Z"), customer("2026-03-02T10:00Z")},
       Utc("2026-03-02T09:00Z")},
      {"team answered", {customer("2026-03-02T09:00Z"), team("2026-03-02T10:00Z")}, std::nullopt},
      {"customer wrote again after the answer",
       {customer("2026-03-02T09:00Z"), team("2026-03-02T10:00Z"), customer("2026-03-04T15:00Z"),
        customer("2026-03-04T15:30Z")},
       Utc("2026-03-04T15:00Z")},
      {"order does not matter",
       {customer("2026-03-04T15:30Z"), team("2026-03-02T10:00Z"), customer("2026-03-04T15:00Z"),
        customer("2026-03-02T09:00Z")},
       Utc("2026-03-04T15:00Z")},
      {"a reply at the same second answers the message",
       {customer("2026-03-02T09:00Z"), team("2026-03-02T09:00Z")},
       std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(AwaitingTeamSince(c.messages), c.expected);
  }
}

TEST(ComputeReplyDueTest, ClockRunsOnlyWhileTheTeamOwesAReply) {
  const BusinessCalendar calendar = MoscowTestCalendar();
  std::vector<TicketMessage> messages = {{MessageSide::kCustomer, Utc("2026-03-02T12:00Z")}};
  // Mon 15:00 question: due Tue 15:00.
  EXPECT_EQ(
      FormatDue(ComputeReplyDue(calendar, RequestType::kQuestion, AwaitingTeamSince(messages))),
      "2026-03-03T12:00:00Z");
  // The team answers Mon 16:00: nothing is owed, no due time.
  messages.push_back({MessageSide::kTeam, Utc("2026-03-02T13:00Z")});
  EXPECT_EQ(ComputeReplyDue(calendar, RequestType::kQuestion, AwaitingTeamSince(messages)),
            std::nullopt);
  // The customer writes again Wed 18:00 and 18:30: a fresh business day from 18:00,
  // due Thu 18:00; the time the ticket sat answered does not count.
  messages.push_back({MessageSide::kCustomer, Utc("2026-03-04T15:00Z")});
  messages.push_back({MessageSide::kCustomer, Utc("2026-03-04T15:30Z")});
  EXPECT_EQ(
      FormatDue(ComputeReplyDue(calendar, RequestType::kQuestion, AwaitingTeamSince(messages))),
      "2026-03-05T15:00:00Z");
}

struct EvaluateCase {
  const char* name;
  RequestType type;
  const char* due;
  const char* now;
  SlaState expected;
};

TEST(EvaluateSlaTest, Table) {
  const BusinessCalendar calendar = MoscowTestCalendar();
  const EvaluateCase cases[] = {
      // Question due Tue 3 Mar 15:00.
      {"a day ahead", RequestType::kQuestion, "2026-03-03T12:00Z", "2026-03-02T09:00Z",
       SlaState::kOnTrack},
      {"61 business minutes left", RequestType::kQuestion, "2026-03-03T12:00Z", "2026-03-03T10:59Z",
       SlaState::kOnTrack},
      {"exactly one business hour left", RequestType::kQuestion, "2026-03-03T12:00Z",
       "2026-03-03T11:00Z", SlaState::kDueSoon},
      {"at the due instant", RequestType::kQuestion, "2026-03-03T12:00Z", "2026-03-03T12:00Z",
       SlaState::kDueSoon},
      {"one second late", RequestType::kQuestion, "2026-03-03T12:00Z", "2026-03-03T12:00:01Z",
       SlaState::kOverdue},
      {"a day late", RequestType::kFeatureRequest, "2026-03-03T12:00Z", "2026-03-04T12:00Z",
       SlaState::kOverdue},
      // Question due Mon 9 Mar 10:30: business time left over the weekend.
      {"Fri 17:00, 2.5 business hours left", RequestType::kQuestion, "2026-03-09T07:30Z",
       "2026-03-06T14:00Z", SlaState::kOnTrack},
      {"Fri 18:45, 45 business minutes left", RequestType::kQuestion, "2026-03-09T07:30Z",
       "2026-03-06T15:45Z", SlaState::kDueSoon},
      {"Saturday, 30 business minutes left", RequestType::kQuestion, "2026-03-09T07:30Z",
       "2026-03-07T09:00Z", SlaState::kDueSoon},
      // Critical due Sun 8 Mar 03:00: wall-clock hours, although no business time is left.
      {"critical, 4 wall hours left on Saturday night", RequestType::kCritical, "2026-03-08T00:00Z",
       "2026-03-07T20:00Z", SlaState::kOnTrack},
      {"critical, one wall hour left", RequestType::kCritical, "2026-03-08T00:00Z",
       "2026-03-07T23:00Z", SlaState::kDueSoon},
      {"critical, a minute late", RequestType::kCritical, "2026-03-08T00:00Z", "2026-03-08T00:01Z",
       SlaState::kOverdue},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(ToString(EvaluateSla(calendar, c.type, Utc(c.due), Utc(c.now))),
              ToString(c.expected));
  }
}

TEST(SlaStateTest, Names) {
  EXPECT_EQ(ToString(SlaState::kOnTrack), "on_track");
  EXPECT_EQ(ToString(SlaState::kDueSoon), "due_soon");
  EXPECT_EQ(ToString(SlaState::kOverdue), "overdue");
}

}  // namespace
}  // namespace textura::core::support
