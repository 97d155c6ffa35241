#include "core/support/console.h"

#include <gtest/gtest.h>

namespace textura::core::support {
namespace {

Time At(const char* rfc3339) {
  return *ParseRfc3339(rfc3339);
}

Ticket Owing(RequestType type, const char* due) {
  Ticket t;
  t.category = type;
  t.awaiting = Side::kTeam;
  t.reply_due_at = At(due);
  return t;
}

TEST(HistoryDetails, RoundTripsAnyText) {
  const HistoryDetails d{
      {"assignee_name", "Anna\tthe\\agent\nsecond line"}, {"auto", "true"}, {"", ""}};
  EXPECT_EQ(DecodeHistoryDetails(EncodeHistoryDetails(d)), d);
  EXPECT_TRUE(DecodeHistoryDetails("").empty());
  EXPECT_EQ(DecodeHistoryDetails("garbage\nk\tv\n").size(), 1u);
}

TEST(HistoryKind, NamesRoundTrip) {
  for (auto k : {HistoryKind::kCreated, HistoryKind::kAssigned, HistoryKind::kUnassigned,
                 HistoryKind::kSlaBreached, HistoryKind::kClosed, HistoryKind::kNoteAdded}) {
    EXPECT_EQ(ParseHistoryKind(ToString(k)), k);
  }
  EXPECT_EQ(ParseHistoryKind("Created"), std::nullopt);
}

TEST(SnapshotSla, NothingWhileTheTeamOwesNoReply) {
  Ticket t;
  EXPECT_EQ(SnapshotSla(BusinessCalendar::Default(), t, At("2026-11-23T12:00:00Z")), std::nullopt);
}

TEST(SnapshotSla, OkWarningBreachedOnBusinessTime) {
  const auto cal = BusinessCalendar::Default();
  // Due Tuesday 15:00 Moscow (12:00 UTC).
  const Ticket t = Owing(RequestType::kQuestion, "2026-11-24T12:00:00Z");
  auto ok = SnapshotSla(cal, t, At("2026-11-23T12:00:00Z"));  // Monday 15:00: 9 business h
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->state, SlaLevel::kOk);
  EXPECT_EQ(ok->business_seconds_left, 9 * 3600);
  EXPECT_EQ(ok->due_at, At("2026-11-24T12:00:00Z"));
  // Monday 18:30 Moscow: 30 min Monday + 5 h Tuesday left.
  EXPECT_EQ(SnapshotSla(cal, t, At("2026-11-23T15:30:00Z"))->business_seconds_left,
            (5 * 60 + 30) * 60);
  auto warn = SnapshotSla(cal, t, At("2026-11-24T11:15:00Z"));
  EXPECT_EQ(warn->state, SlaLevel::kWarning);
  EXPECT_EQ(warn->business_seconds_left, 45 * 60);
  auto late = SnapshotSla(cal, t, At("2026-11-24T13:00:00Z"));
  EXPECT_EQ(late->state, SlaLevel::kBreached);
  EXPECT_EQ(late->business_seconds_left, -3600);
  // Overnight the business clock stops: still 4 business hours overdue at midnight.
  EXPECT_EQ(SnapshotSla(cal, t, At("2026-11-24T21:00:00Z"))->business_seconds_left, -4 * 3600);
}

TEST(SnapshotSla, CriticalRunsOnTheWallClock) {
  const auto cal = BusinessCalendar::Default();
  const Ticket t = Owing(RequestType::kCritical, "2026-11-28T02:00:00Z");  // Saturday night
  auto s = SnapshotSla(cal, t, At("2026-11-28T01:30:00Z"));
  EXPECT_EQ(s->state, SlaLevel::kWarning);
  EXPECT_EQ(s->business_seconds_left, 1800);
  EXPECT_EQ(SnapshotSla(cal, t, At("2026-11-28T03:00:00Z"))->business_seconds_left, -3600);
}

TEST(EndOfLocalDay, IsTheNextMoscowMidnight) {
  const auto cal = BusinessCalendar::Default();
  EXPECT_EQ(EndOfLocalDay(cal, At("2026-11-23T12:00:00Z")), At("2026-11-23T21:00:00Z"));
  // 22:30 UTC is already Tuesday 01:30 in Moscow.
  EXPECT_EQ(EndOfLocalDay(cal, At("2026-11-23T22:30:00Z")), At("2026-11-24T21:00:00Z"));
}

TEST(CleanNoteBody, TrimsAndLimits) {
  EXPECT_EQ(*CleanNoteBody("  a\nb "), "a\nb");
  EXPECT_EQ(CleanNoteBody("  ").error().field, "body");
  EXPECT_FALSE(CleanNoteBody(std::string(20001, 'x')).ok());
}

}  // namespace
}  // namespace textura::core::support
