#include "core/support/ticket.h"

#include <gtest/gtest.h>

namespace textura::core::support {
namespace {

using namespace std::chrono_literals;

Time At(const char* rfc3339) {
  return *ParseRfc3339(rfc3339);
}

Ticket NewTicket(RequestType type) {
  Ticket t;
  t.id = 42;
  t.category = type;
  return t;
}

TEST(TicketRules, FirstCustomerMessageStartsTheClock) {
  const auto cal = BusinessCalendar::Default();
  Ticket t = NewTicket(RequestType::kQuestion);
  // Monday 2026-11-23 15:00 Moscow = 12:00 UTC; due one business day later.
  ApplyMessage(t, Side::kCustomer, At("2026-11-23T12:00:00Z"), cal);
  EXPECT_EQ(t.awaiting, Side::kTeam);
  EXPECT_EQ(t.awaiting_since, At("2026-11-23T12:00:00Z"));
  EXPECT_EQ(t.reply_due_at, At("2026-11-24T12:00:00Z"));
  EXPECT_EQ(t.message_count, 1);
  EXPECT_EQ(t.customer_messages, 1);
}

TEST(TicketRules, MoreCustomerMessagesDoNotRestartTheClock) {
  const auto cal = BusinessCalendar::Default();
  Ticket t = NewTicket(RequestType::kCritical);
  ApplyMessage(t, Side::kCustomer, At("2026-11-22T01:00:00Z"), cal);  // Sunday night
  ApplyMessage(t, Side::kCustomer, At("2026-11-22T02:00:00Z"), cal);
  EXPECT_EQ(t.reply_due_at, At("2026-11-22T05:00:00Z"));  // 4 h around the clock
}

TEST(TicketRules, TeamReplyStopsTheClockAndTheNextQuestionRestartsIt) {
  const auto cal = BusinessCalendar::Default();
  Ticket t = NewTicket(RequestType::kQuestion);
  ApplyMessage(t, Side::kCustomer, At("2026-11-23T12:00:00Z"), cal);
  ApplyMessage(t, Side::kTeam, At("2026-11-23T13:00:00Z"), cal);
  EXPECT_EQ(t.awaiting, Side::kCustomer);
  EXPECT_FALSE(t.reply_due_at);
  EXPECT_FALSE(t.awaiting_since);
  ApplyMessage(t, Side::kCustomer, At("2026-11-27T15:00:00Z"), cal);  // Friday 18:00 MSK
  EXPECT_EQ(t.reply_due_at, At("2026-11-30T15:00:00Z"));              // Monday 18:00 MSK
  EXPECT_EQ(t.team_messages, 1);
  EXPECT_EQ(t.customer_messages, 2);
}

TEST(TicketRules, DoneIsFinal) {
  const auto cal = BusinessCalendar::Default();
  Ticket t = NewTicket(RequestType::kQuestion);
  ApplyMessage(t, Side::kCustomer, At("2026-11-23T12:00:00Z"), cal);
  EXPECT_TRUE(CheckOpen(t).ok());
  Close(t, At("2026-11-23T14:00:00Z"));
  EXPECT_EQ(t.status, TicketStatus::kDone);
  EXPECT_FALSE(t.awaiting);
  EXPECT_FALSE(t.reply_due_at);
  EXPECT_EQ(CheckOpen(t).error().code, ErrorCode::kTicketClosed);
  Close(t, At("2026-11-24T14:00:00Z"));
  EXPECT_EQ(t.closed_at, At("2026-11-23T14:00:00Z")) << "closing again changes nothing";
}

TEST(TicketRules, TitlesAndBodiesHaveContractLimits) {
  EXPECT_EQ(*CleanTitle("  Booking link not working "), "Booking link not working");
  EXPECT_EQ(CleanTitle(" ").error().field, "title");
  EXPECT_TRUE(CleanTitle(std::string(200, 'x')).ok());
  EXPECT_FALSE(CleanTitle(std::string(201, 'x')).ok());
  EXPECT_TRUE(CleanTitle(std::string(200 * 2, '\xd0') /* not UTF-8 */).ok() == false);
  EXPECT_EQ(CleanBody("", Attachments::kNone).error().field, "body");
  EXPECT_TRUE(CleanBody("", Attachments::kSome).ok());
  EXPECT_TRUE(CleanBody("line one\nline two", Attachments::kNone).ok());
  EXPECT_FALSE(CleanBody(std::string(20001, 'x'), Attachments::kNone).ok());
}

TEST(TicketRules, ChatUrlsAreLinks) {
  EXPECT_TRUE(CleanChatUrl("https://app.aitextura.com/chats/17").ok());
  EXPECT_TRUE(CleanChatUrl("/chats/17").ok());
  EXPECT_EQ(CleanChatUrl("javascript:alert(1)").error().field, "chat_url");
  EXPECT_FALSE(CleanChatUrl("chats 17").ok());
}

TEST(TicketRefs, FindsHashNumbersOnly) {
  struct Case {
    const char* text;
    std::vector<TicketId> refs;
  } cases[] = {
      {"see #123", {123}}, {"#1, #2 and #1 again", {1, 2}},
      {"(#77)", {77}},     {"abc#12 #12a #0 # 5", {}},
      {"Тикет #9.", {9}},  {"#99999999999999999999", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(ExtractTicketRefs(c.text), c.refs) << c.text;
}

TEST(FoldCase, LowersLatinAndCyrillic) {
  EXPECT_EQ(FoldCase("Booking LINK"), "booking link");
  EXPECT_EQ(FoldCase("ПРИВЕТ Ёлка"), "привет ёлка");
  EXPECT_EQ(FoldCase("Ошибка №5 — ÀÉ"), "ошибка №5 — àé");
}

}  // namespace
}  // namespace textura::core::support
