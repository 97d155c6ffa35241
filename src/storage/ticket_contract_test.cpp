// The ticket repository's contract on SQLite and PostgreSQL: the same cases on both.
#include <gtest/gtest.h>

#include "core/ports/store.h"
#include "testing/test_support.h"

namespace textura::storage {
namespace {

using core::support::Side;
using testing::Backend;
using namespace std::chrono_literals;

class TicketContract : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(db_->Write([&](core::Repositories& r) -> core::Status {
                     account_ = r.accounts().Insert("Acme", t0_).id;
                     other_ = r.accounts().Insert("Other", t0_).id;
                     core::User u;
                     u.account_id = account_;
                     u.email = "anna@acme.io";
                     u.name = "Anna";
                     u.password_hash = "x";
                     u.created_at = t0_;
                     user_ = r.users().Insert(u)->id;
                     return core::OkStatus();
                   })
                    .ok());
  }

  core::support::Ticket Add(core::AccountId account, std::string title, core::Time at) {
    core::support::Ticket t;
    EXPECT_TRUE(db_->Write([&](core::Repositories& r) -> core::Status {
                     t.account_id = account;
                     t.created_by = user_;
                     t.title = std::move(title);
                     t.created_at = at;
                     core::support::ApplyMessage(t, Side::kCustomer, at, calendar_);
                     t = r.tickets().Insert(t);
                     core::support::SupportMessage m{0,       t.id, user_, "", Side::kCustomer,
                                                     "first", at};
                     r.tickets().InsertMessage(m);
                     return core::OkStatus();
                   })
                    .ok());
    return t;
  }

  std::vector<core::TicketView> List(core::TicketQuery q) {
    std::vector<core::TicketView> out;
    EXPECT_TRUE(db_->Read([&](core::Repositories& r) -> core::Status {
                     out = r.tickets().List(q, user_, Side::kCustomer);
                     return core::OkStatus();
                   })
                    .ok());
    return out;
  }

  const core::Time t0_ = *core::ParseRfc3339("2026-11-23T12:00:00Z");
  const core::support::BusinessCalendar calendar_ = core::support::BusinessCalendar::Default();
  core::AccountId account_ = 0, other_ = 0;
  core::UserId user_ = 0;
};

TEST_P(TicketContract, RoundTripsEveryField) {
  auto t = Add(account_, "Booking «link»", t0_);
  ASSERT_TRUE(db_->Write([&](core::Repositories& r) -> core::Status {
                   auto found = r.tickets().Find(t.id);
                   EXPECT_TRUE(found);
                   EXPECT_EQ(found->title, "Booking «link»");
                   EXPECT_EQ(found->awaiting, Side::kTeam);
                   EXPECT_EQ(found->awaiting_since, t0_);
                   EXPECT_EQ(found->reply_due_at, t.reply_due_at);
                   EXPECT_EQ(found->message_count, 1);
                   core::support::Close(*found, t0_ + 1h);
                   r.tickets().Update(*found);
                   return core::OkStatus();
                 })
                  .ok());
  auto views = List({});
  ASSERT_EQ(views.size(), 1u);
  EXPECT_EQ(views[0].ticket.status, core::support::TicketStatus::kDone);
  EXPECT_EQ(views[0].ticket.closed_at, t0_ + 1h);
  EXPECT_FALSE(views[0].ticket.awaiting);
  EXPECT_EQ(views[0].account_name, "Acme");
}

TEST_P(TicketContract, SearchIsACaseInsensitiveSubstringInBothScripts) {
  Add(account_, "Не работает ССЫЛКА на бронь", t0_);
  Add(account_, "Booking LINK broken", t0_ + 1s);
  Add(other_, "Ссылка в другом аккаунте", t0_ + 2s);
  auto search = [&](std::string needle, std::optional<core::AccountId> account) {
    core::TicketQuery q;
    q.account_id = account;
    q.folded_search = core::support::FoldCase(needle);
    std::vector<std::string> titles;
    for (const auto& v : List(q)) titles.push_back(v.ticket.title);
    return titles;
  };
  EXPECT_EQ(search("ссылка", account_), std::vector<std::string>{"Не работает ССЫЛКА на бронь"});
  EXPECT_EQ(search("link", account_), std::vector<std::string>{"Booking LINK broken"});
  EXPECT_EQ(search("ok", account_), std::vector<std::string>{"Booking LINK broken"});
  EXPECT_EQ(search("ССЫЛ", std::nullopt).size(), 2u);
  EXPECT_TRUE(search("100%", account_).empty());
  EXPECT_TRUE(search("\"", account_).empty());
}

TEST_P(TicketContract, KeysetPagesAreStableWhileTicketsAreAdded) {
  for (int i = 0; i < 5; ++i) Add(account_, "t" + std::to_string(i), t0_ + i * 1s);
  core::TicketQuery q;
  q.account_id = account_;
  q.limit = 2;
  auto page1 = List(q);
  ASSERT_EQ(page1.size(), 3u);  // limit + 1 tells that more exist
  Add(account_, "newer", t0_ + 10s);
  q.after = core::TicketCursor{page1[1].ticket.last_message_at, page1[1].ticket.id};
  auto page2 = List(q);
  ASSERT_GE(page2.size(), 2u);
  EXPECT_EQ(page2[0].ticket.title, "t2");
  EXPECT_EQ(page2[1].ticket.title, "t1");
}

TEST_P(TicketContract, UnreadCountsTheOtherSideAfterTheLastRead) {
  auto t = Add(account_, "Help", t0_);
  ASSERT_TRUE(
      db_->Write([&](core::Repositories& r) -> core::Status {
           auto found = *r.tickets().Find(t.id);
           for (int i = 0; i < 2; ++i) {
             core::support::ApplyMessage(found, Side::kTeam, t0_ + 1min, calendar_);
             r.tickets().InsertMessage({0, t.id, user_, "", Side::kTeam, "reply", t0_ + 1min});
           }
           r.tickets().Update(found);
           return core::OkStatus();
         })
          .ok());
  ASSERT_TRUE(db_->Write([&](core::Repositories& r) -> core::Status {
                   EXPECT_EQ(r.tickets().View(t.id, user_, Side::kCustomer)->unread_count, 2);
                   EXPECT_EQ(r.tickets().UnreadTotal(user_, Side::kCustomer, account_), 2);
                   // The team answered: nothing waits for an agent, whatever they personally read.
                   EXPECT_EQ(r.tickets().View(t.id, user_, Side::kTeam)->unread_count, 0);
                   r.tickets().MarkRead(user_, *r.tickets().Find(t.id));
                   EXPECT_EQ(r.tickets().View(t.id, user_, Side::kCustomer)->unread_count, 0);
                   EXPECT_EQ(r.tickets().UnreadTotal(user_, Side::kCustomer, account_), 0);
                   auto msgs = r.tickets().Messages(t.id, 0, 10);
                   EXPECT_EQ(msgs.size(), 3u);
                   EXPECT_EQ(msgs[0].author_name, "Anna");
                   EXPECT_EQ(r.tickets().Messages(t.id, msgs[1].id, 10).size(), 1u);
                   EXPECT_EQ(r.tickets().Counts(account_).on_customer, 1);
                   const std::vector<core::TicketId> ids{t.id, 424242};
                   EXPECT_EQ(r.tickets().Existing(ids, account_),
                             std::vector<core::TicketId>{t.id});
                   EXPECT_TRUE(r.tickets().Existing(ids, other_).empty());
                   return core::OkStatus();
                 })
                  .ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, TicketContract,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return testing::BackendName(info.param); });

}  // namespace
}  // namespace textura::storage
