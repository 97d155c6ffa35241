#include "services/ticket_service.h"

#include <gtest/gtest.h>

#include <mutex>

#include "services/auth_service.h"
#include "testing/test_support.h"

namespace textura::services {
namespace {

using namespace std::chrono_literals;
using core::ErrorCode;

// Records what services report, to check who is told about what.
class RecordingSink final : public core::EventSink {
 public:
  void TicketChanged(const core::TicketEvent& e) override {
    std::lock_guard lock(m_);
    events.push_back(e);
  }
  void SessionEnded(core::SessionId) override {}
  std::vector<core::TicketEvent> events;

 private:
  std::mutex m_;
};

class TicketServiceTest : public ::testing::Test {
 protected:
  TicketServiceTest()
      : db_(testing::FreshDatabase(testing::Backend::kSqlite)),
        // Monday 2026-11-23 12:00 UTC = 15:00 in Moscow, inside business hours.
        clock_(*core::ParseRfc3339("2026-11-23T12:00:00Z")),
        auth_(*db_, hasher_, tokens_, clock_, {}),
        tickets_(*db_, clock_, sink_, core::support::BusinessCalendar::Default()) {
    anna_ = Customer("anna@acme.io", "Acme");
    boris_ = Customer("boris@other.io", "Other");
    auto staff =
        auth_.CreateUser({"agent@textura.io", "agent password", "Agent", core::Role::kStaff, {}});
    agent_ = auth_.Login({"agent@textura.io", "agent password", {}}, {"1.1.1.1", ""})->principal;
  }

  core::Principal Customer(const std::string& email, const std::string& company) {
    return auth_.Signup({email, "correct horse", email, company}, {"1.1.1.1", ""})->principal;
  }

  core::TicketId NewTicket(const core::Principal& who, std::string title = "Booking link broken",
                           std::string category = "question") {
    auto created = tickets_.Create(who, {title, "It opens a blank page", category, {}, {}, {}, {}});
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    return created->ticket.ticket.id;
  }

  std::unique_ptr<storage::Database> db_;
  testing::FakeHasher hasher_;
  testing::FakeTokens tokens_;
  testing::ManualClock clock_;
  RecordingSink sink_;
  AuthService auth_;
  TicketService tickets_;
  core::Principal anna_, boris_, agent_;
};

TEST_F(TicketServiceTest, CreatingStartsTheTeamsClock) {
  auto created = tickets_.Create(
      anna_, {"  Booking link broken ", "Blank page", "question", {}, "/chats/17", {}, {}});
  ASSERT_TRUE(created.ok());
  const auto& t = created->ticket.ticket;
  EXPECT_EQ(t.title, "Booking link broken");
  EXPECT_EQ(t.status, core::support::TicketStatus::kOnCustomer);
  EXPECT_EQ(t.awaiting, core::support::Side::kTeam);
  EXPECT_EQ(t.reply_due_at, *core::ParseRfc3339("2026-11-24T12:00:00Z"));
  EXPECT_EQ(t.chat_url, "/chats/17");
  EXPECT_EQ(created->message.message.side, core::support::Side::kCustomer);
  ASSERT_EQ(sink_.events.size(), 1u);
  EXPECT_EQ(sink_.events[0].kind, core::TicketEvent::Kind::kMessageCreated);
}

TEST_F(TicketServiceTest, StaffDoNotCreateTickets) {
  auto r = tickets_.Create(agent_, {"x", "y", "question", {}, {}, {}, {}});
  EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
}

TEST_F(TicketServiceTest, BadInputNamesTheFieldAndCreatesNothing) {
  struct Case {
    NewTicketInput in;
    std::string field;
  } cases[] = {
      {{"", "body", "question", {}, {}, {}, {}}, "title"},
      {{"t", "", "question", {}, {}, {}, {}}, "body"},
      {{"t", "b", "urgent", {}, {}, {}, {}}, "category"},
      {{"t", "b", "question", 5, {}, {}, {}}, "employee_id"},
      {{"t", "b", "question", {}, "ftp://x", {}, {}}, "chat_url"},
      {{"t", "b", "question", {}, {}, {7}, {}}, "attachment_ids"},
      {{"t", "b", "question", {}, {}, {}, 999}, "follow_up_of"},
  };
  for (const auto& c : cases) {
    auto r = tickets_.Create(anna_, c.in);
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.error().field, c.field);
  }
  EXPECT_TRUE(tickets_.List(anna_, {})->items.empty());
}

TEST_F(TicketServiceTest, OtherAccountsTicketsDoNotExist) {
  const auto id = NewTicket(anna_);
  EXPECT_EQ(tickets_.Get(boris_, id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(tickets_.Messages(boris_, id, {}, {}).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(tickets_.Post(boris_, id, {"hi", {}}).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(tickets_.MarkRead(boris_, id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(tickets_.Close(boris_, id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(tickets_.List(boris_, {})->items.empty());
  EXPECT_TRUE(tickets_.Get(agent_, id).ok());
  EXPECT_EQ(tickets_.Get(agent_, id)->account_name, "Acme");
}

TEST_F(TicketServiceTest, ConversationMovesTheClockAndUnreadCounts) {
  const auto id = NewTicket(anna_);
  clock_.Advance(1h);
  auto reply = tickets_.Post(agent_, id, {"Which employee?", {}});
  ASSERT_TRUE(reply.ok());
  EXPECT_EQ(reply->message.side, core::support::Side::kTeam);
  auto seen_by_anna = tickets_.Get(anna_, id);
  EXPECT_EQ(seen_by_anna->ticket.awaiting, core::support::Side::kCustomer);
  EXPECT_FALSE(seen_by_anna->ticket.reply_due_at);
  EXPECT_EQ(seen_by_anna->unread_count, 1);
  EXPECT_EQ(tickets_.Summary(anna_)->unread_total, 1);

  ASSERT_TRUE(tickets_.MarkRead(anna_, id).ok());
  EXPECT_EQ(tickets_.Get(anna_, id)->unread_count, 0);
  EXPECT_EQ(tickets_.Summary(anna_)->unread_total, 0);

  clock_.Advance(1h);
  ASSERT_TRUE(tickets_.Post(anna_, id, {"The Concierge", {}}).ok());
  EXPECT_EQ(tickets_.Get(anna_, id)->unread_count, 0) << "own messages are never unread";
  EXPECT_EQ(tickets_.Get(agent_, id)->unread_count, 1)
      << "the agent read the first message when replying; the new one is unread";
  EXPECT_EQ(tickets_.Summary(agent_)->unread_total, 1);
  EXPECT_EQ(tickets_.Get(anna_, id)->ticket.reply_due_at,
            *core::ParseRfc3339("2026-11-24T14:00:00Z"));
}

TEST_F(TicketServiceTest, DoneIsFinalForEveryone) {
  const auto id = NewTicket(anna_);
  auto closed = tickets_.Close(agent_, id);
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(closed->ticket.status, core::support::TicketStatus::kDone);
  EXPECT_EQ(tickets_.Post(anna_, id, {"reopen please", {}}).error().code, ErrorCode::kTicketClosed);
  EXPECT_EQ(tickets_.Post(agent_, id, {"one more", {}}).error().code, ErrorCode::kTicketClosed);
  const auto events_before = sink_.events.size();
  auto again = tickets_.Close(anna_, id);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->ticket.closed_at, closed->ticket.closed_at);
  EXPECT_EQ(sink_.events.size(), events_before) << "closing twice reports nothing";
  EXPECT_EQ(tickets_.Messages(anna_, id, {}, {})->items.size(), 1u);
}

TEST_F(TicketServiceTest, ReferencesShowOnlyWhatTheReaderMaySee) {
  const auto own = NewTicket(anna_);
  const auto foreign = NewTicket(boris_);
  const std::string body =
      "Like #" + std::to_string(own) + " and #" + std::to_string(foreign) + " and #9999";
  auto created = tickets_.Create(anna_, {"Follow-up", body, "question", {}, {}, {}, own});
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(created->ticket.ticket.follow_up_of, own);
  EXPECT_EQ(created->message.references, std::vector<core::TicketId>{own});
  auto staff_view =
      tickets_.GetMessage(agent_, created->ticket.ticket.id, created->message.message.id);
  EXPECT_EQ(staff_view->references, (std::vector<core::TicketId>{own, foreign}));
  EXPECT_EQ(tickets_.Create(anna_, {"x", "y", "question", {}, {}, {}, foreign}).error().field,
            "follow_up_of");
}

TEST_F(TicketServiceTest, ListFiltersSearchesAndPages) {
  NewTicket(anna_, "Не работает ССЫЛКА на бронь");
  clock_.Advance(1s);
  const auto done = NewTicket(anna_, "Invoice question");
  clock_.Advance(1s);
  NewTicket(anna_, "Widget colour", "feature_request");
  ASSERT_TRUE(tickets_.Close(anna_, done).ok());

  auto titles = [&](ListTicketsInput in) {
    std::vector<std::string> out;
    auto page = tickets_.List(anna_, in);
    EXPECT_TRUE(page.ok()) << (page.ok() ? "" : page.error().message);
    for (const auto& v : page->items) out.push_back(v.ticket.title);
    return out;
  };
  EXPECT_EQ(titles({}), (std::vector<std::string>{"Widget colour", "Invoice question",
                                                  "Не работает ССЫЛКА на бронь"}));
  EXPECT_EQ(titles({.status = "done"}), std::vector<std::string>{"Invoice question"});
  EXPECT_EQ(titles({.q = "ссылка"}), std::vector<std::string>{"Не работает ССЫЛКА на бронь"});
  EXPECT_EQ(titles({.q = "INVOICE"}), std::vector<std::string>{"Invoice question"});
  EXPECT_EQ(titles({.q = "co"}), std::vector<std::string>{"Widget colour"});
  EXPECT_TRUE(titles({.status = "on_customer", .q = "invoice"}).empty());

  auto first = tickets_.List(anna_, {.limit = "2"});
  ASSERT_TRUE(first->next_cursor);
  auto second = tickets_.List(anna_, {.limit = "2", .cursor = *first->next_cursor});
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_EQ(second->items[0].ticket.title, "Не работает ССЫЛКА на бронь");
  EXPECT_FALSE(second->next_cursor);

  EXPECT_EQ(tickets_.List(anna_, {.status = "open"}).error().field, "status");
  EXPECT_EQ(tickets_.List(anna_, {.limit = "0"}).error().field, "limit");
  EXPECT_EQ(tickets_.List(anna_, {.cursor = "garbage"}).error().field, "cursor");
  EXPECT_EQ(tickets_.List(anna_, {.awaiting = "team"}).error().field, "awaiting");
  EXPECT_EQ(tickets_.List(agent_, {.awaiting = "team"})->items.size(), 2u);
}

}  // namespace
}  // namespace textura::services
