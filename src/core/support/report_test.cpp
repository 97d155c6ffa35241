#include "core/support/report.h"

#include <gtest/gtest.h>

#include "core/support/test_time.h"

namespace textura::core::support {
namespace {

using namespace test_time;

ReportMessage Customer(const char* at) {
  return {MessageSide::kCustomer, Utc(at), 1, "Client"};
}
ReportMessage Team(const char* at, UserId who = 7, std::string name = "Olga") {
  return {MessageSide::kTeam, Utc(at), who, std::move(name)};
}

ReportTicket Ticket(TicketId id, RequestType type, std::vector<ReportMessage> messages,
                    std::optional<Time> closed = std::nullopt) {
  ReportTicket t;
  t.id = id;
  t.category = type;
  t.created_at = messages.front().at;
  t.closed_at = closed;
  t.messages = std::move(messages);
  return t;
}

const SlaPolicy& Policy() {
  static const SlaPolicy policy = DefaultSlaPolicy(MoscowTestCalendar());
  return policy;
}

const Time kNow = Utc("2026-04-01T00:00Z");

TEST(TicketSla, AnsweredInTimeIsMet) {
  // Critical Mon 12:00Z, due 16:00Z; answered 15:00Z.
  auto t =
      Ticket(1, RequestType::kCritical, {Customer("2026-03-02T12:00Z"), Team("2026-03-02T15:00Z")});
  EXPECT_TRUE(EvaluateTicketSla(Policy(), t, kNow).measured);
  EXPECT_TRUE(EvaluateTicketSla(Policy(), t, kNow).met);
}

TEST(TicketSla, AReplyAtTheDueSecondIsOnTimeOneSecondLaterIsNot) {
  auto on_time = Ticket(1, RequestType::kCritical,
                        {Customer("2026-03-02T12:00Z"), Team("2026-03-02T16:00:00Z")});
  auto late = Ticket(2, RequestType::kCritical,
                     {Customer("2026-03-02T12:00Z"), Team("2026-03-02T16:00:01Z")});
  EXPECT_TRUE(EvaluateTicketSla(Policy(), on_time, kNow).met);
  EXPECT_FALSE(EvaluateTicketSla(Policy(), late, kNow).met);
}

TEST(TicketSla, EveryOwedReplyCounts) {
  // First reply in time, the second owed reply late.
  auto t = Ticket(
      1, RequestType::kCritical,
      {Customer("2026-03-02T12:00Z"), Team("2026-03-02T13:00Z"), Customer("2026-03-02T14:00Z"),
       Customer("2026-03-02T15:00Z"), Team("2026-03-02T19:00Z")});
  const auto sla = EvaluateTicketSla(Policy(), t, kNow);
  EXPECT_TRUE(sla.measured);
  EXPECT_FALSE(sla.met);
}

TEST(TicketSla, UnansweredOpenTicketIsMeasuredOnlyOncePastDue) {
  auto t = Ticket(1, RequestType::kCritical, {Customer("2026-03-02T12:00Z")});
  EXPECT_FALSE(EvaluateTicketSla(Policy(), t, Utc("2026-03-02T15:00Z")).measured);
  const auto later = EvaluateTicketSla(Policy(), t, Utc("2026-03-02T16:30Z"));
  EXPECT_TRUE(later.measured);
  EXPECT_FALSE(later.met);
}

TEST(TicketSla, ClosedBeforeDueWithoutReplyIsNotMeasuredAfterIsMissed) {
  auto early =
      Ticket(1, RequestType::kCritical, {Customer("2026-03-02T12:00Z")}, Utc("2026-03-02T13:00Z"));
  auto late =
      Ticket(2, RequestType::kCritical, {Customer("2026-03-02T12:00Z")}, Utc("2026-03-02T17:00Z"));
  EXPECT_FALSE(EvaluateTicketSla(Policy(), early, kNow).measured);
  EXPECT_TRUE(EvaluateTicketSla(Policy(), late, kNow).measured);
  EXPECT_FALSE(EvaluateTicketSla(Policy(), late, kNow).met);
}

TEST(Report, MediansAveragesAndSharesByCategory) {
  std::vector<ReportTicket> tickets = {
      // Critical: first responses 1 h and 2 h, one closed after 3 h.
      Ticket(1, RequestType::kCritical, {Customer("2026-03-02T12:00Z"), Team("2026-03-02T13:00Z")},
             Utc("2026-03-02T15:00Z")),
      Ticket(2, RequestType::kCritical, {Customer("2026-03-03T12:00Z"), Team("2026-03-03T14:00Z")}),
      // Question: answered 30 min later (in time), another 5 h late past due.
      Ticket(3, RequestType::kQuestion, {Customer("2026-03-02T08:00Z"), Team("2026-03-02T08:30Z")}),
      Ticket(4, RequestType::kQuestion,
             {Customer("2026-03-02T08:00Z"), Team("2026-03-03T12:00Z", 8, "Ivan")}),
      Ticket(5, RequestType::kQuestion, {Customer("2026-03-02T09:00Z"), Team("2026-03-02T09:05Z")}),
  };
  const Report r = BuildReport(Policy(), tickets, ReportGroup::kCategory, kNow);
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].key, "critical");
  EXPECT_EQ(r.rows[0].label, "Critical");
  EXPECT_EQ(r.rows[0].tickets, 2);
  EXPECT_EQ(r.rows[0].first_response.median_seconds, 5400);  // (3600 + 7200) / 2
  EXPECT_EQ(r.rows[0].first_response.average_seconds, 5400);
  EXPECT_EQ(r.rows[0].resolution.count, 1);
  EXPECT_EQ(r.rows[0].resolution.median_seconds, 10800);
  EXPECT_EQ(r.rows[0].sla.share, 1.0);
  EXPECT_EQ(r.rows[1].key, "question");
  EXPECT_EQ(r.rows[1].first_response.median_seconds, 1800);
  EXPECT_EQ(r.rows[1].first_response.average_seconds, (1800 + 100800 + 300) / 3);
  EXPECT_EQ(r.rows[1].resolution.count, 0);
  EXPECT_EQ(r.rows[1].resolution.median_seconds, std::nullopt);
  EXPECT_EQ(r.rows[1].sla.measured, 3);
  EXPECT_EQ(r.rows[1].sla.met, 2);
  EXPECT_NEAR(*r.rows[1].sla.share, 2.0 / 3, 1e-9);
  EXPECT_EQ(r.total.key, "total");
  EXPECT_EQ(r.total.tickets, 5);
  EXPECT_EQ(r.total.sla.measured, 5);
  EXPECT_EQ(r.total.sla.met, 4);
}

TEST(Report, ByAgentIsTheFirstResponder) {
  std::vector<ReportTicket> tickets = {
      Ticket(1, RequestType::kCritical,
             {Customer("2026-03-02T12:00Z"), Team("2026-03-02T13:00Z", 8, "Ivan"),
              Team("2026-03-02T13:10Z", 7, "Olga")}),
      Ticket(2, RequestType::kCritical, {Customer("2026-03-02T12:00Z"), Team("2026-03-02T12:10Z")}),
      Ticket(3, RequestType::kCritical, {Customer("2026-03-02T12:00Z")}),
  };
  const Report r = BuildReport(Policy(), tickets, ReportGroup::kAgent, kNow);
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.rows[0].label, "Ivan");
  EXPECT_EQ(r.rows[0].key, "8");
  EXPECT_EQ(r.rows[1].label, "Olga");
  EXPECT_EQ(r.rows[2].key, "none");
  EXPECT_EQ(r.rows[2].label, "No reply yet");
  EXPECT_EQ(r.rows[2].first_response.count, 0);
}

TEST(Report, WeeksStartOnMondayInTheBusinessZone) {
  // Sunday 8 March 22:30Z is Monday 9 March 01:30 in Moscow: the week of 9 March.
  std::vector<ReportTicket> tickets = {
      Ticket(1, RequestType::kCritical, {Customer("2026-03-08T22:30Z")}),
      Ticket(2, RequestType::kCritical, {Customer("2026-03-08T20:30Z")}),
      Ticket(3, RequestType::kCritical, {Customer("2026-03-02T00:30Z")}),
  };
  const Report r = BuildReport(Policy(), tickets, ReportGroup::kWeek, kNow);
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].key, "2026-03-02");
  EXPECT_EQ(r.rows[0].tickets, 2);
  EXPECT_EQ(r.rows[1].key, "2026-03-09");
  EXPECT_EQ(r.rows[1].tickets, 1);
}

TEST(Report, RangeIsLocalDaysAndLimited) {
  const auto& cal = Policy().calendar();
  auto range = ReportRangeOf(cal, Date(2026, 3, 1), Date(2026, 3, 31));
  ASSERT_TRUE(range.ok());
  EXPECT_EQ(FormatUtc(range->start), "2026-02-28T21:00:00Z");
  EXPECT_EQ(FormatUtc(range->end), "2026-03-31T21:00:00Z");
  EXPECT_TRUE(ReportRangeOf(cal, Date(2025, 1, 1), Date(2026, 1, 1)).ok());  // 366 days
  EXPECT_EQ(ReportRangeOf(cal, Date(2025, 1, 1), Date(2026, 1, 2)).error().field, "to");
  EXPECT_EQ(ReportRangeOf(cal, Date(2026, 3, 2), Date(2026, 3, 1)).error().field, "to");
}

TEST(Report, CsvQuotesAndNeutralisesFormulas) {
  std::vector<ReportTicket> tickets = {
      Ticket(1, RequestType::kCritical,
             {Customer("2026-03-02T12:00Z"), Team("2026-03-02T13:00Z", 8, "=HYPERLINK(\"x\")")}),
      Ticket(2, RequestType::kCritical,
             {Customer("2026-03-02T12:00Z"), Team("2026-03-02T12:30Z", 9, "Smith, John")}),
  };
  const std::string csv = ReportCsv(BuildReport(Policy(), tickets, ReportGroup::kAgent, kNow));
  EXPECT_EQ(csv,
            "key,label,tickets,first_response_count,first_response_median_seconds,"
            "first_response_average_seconds,resolution_count,resolution_median_seconds,"
            "resolution_average_seconds,sla_measured,sla_met,sla_share\r\n"
            "8,\"'=HYPERLINK(\"\"x\"\")\",1,1,3600,3600,0,,,1,1,1.0000\r\n"
            "9,\"Smith, John\",1,1,1800,1800,0,,,1,1,1.0000\r\n"
            "total,Total,2,2,2700,2700,0,,,2,2,1.0000\r\n");
}

}  // namespace
}  // namespace textura::core::support
