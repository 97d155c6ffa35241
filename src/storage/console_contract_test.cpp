// The console repository's contract, and the ticket repository's queue, on SQLite and
// PostgreSQL: the same cases on both.
#include <gtest/gtest.h>

#include "core/ports/store.h"
#include "testing/test_support.h"

namespace textura::storage {
namespace {

using core::support::Side;
using testing::Backend;
using namespace std::chrono_literals;

class ConsoleContract : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(Write([&](core::Repositories& r) {
      account_ = r.accounts().Insert("Acme", t0_).id;
      customer_ = AddUser(r, "anna@acme.io", "Anna", core::Role::kCustomer, account_);
      agent_ = AddUser(r, "sam@textura.io", "Sam", core::Role::kStaff, std::nullopt);
      second_ = AddUser(r, "zoe@textura.io", "Zoe", core::Role::kAdmin, std::nullopt);
    }));
  }

  bool Write(const std::function<void(core::Repositories&)>& fn) {
    return db_
        ->Write([&](core::Repositories& r) -> core::Status {
          fn(r);
          return core::OkStatus();
        })
        .ok();
  }
  bool Read(const std::function<void(core::Repositories&)>& fn) {
    return db_
        ->Read([&](core::Repositories& r) -> core::Status {
          fn(r);
          return core::OkStatus();
        })
        .ok();
  }

  core::UserId AddUser(core::Repositories& r, std::string email, std::string name, core::Role role,
                       std::optional<core::AccountId> account) {
    core::User u;
    u.account_id = account;
    u.email = std::move(email);
    u.name = std::move(name);
    u.role = role;
    u.password_hash = "x";
    u.created_at = t0_;
    return r.users().Insert(u)->id;
  }

  // A ticket with one customer message at `at`; `due` overrides the reply due time
  // (nullopt: the team replied, nothing owed).
  core::TicketId Add(std::string title, core::Time at, std::optional<core::Time> due,
                     std::string body = "first") {
    core::TicketId id = 0;
    EXPECT_TRUE(Write([&](core::Repositories& r) {
      core::support::Ticket t;
      t.account_id = account_;
      t.created_by = customer_;
      t.title = std::move(title);
      t.created_at = at;
      core::support::ApplyMessage(t, Side::kCustomer, at, calendar_);
      if (due) {
        t.reply_due_at = due;
      } else {
        core::support::ApplyMessage(t, Side::kTeam, at, calendar_);
      }
      t = r.tickets().Insert(t);
      r.tickets().InsertMessage({0, t.id, customer_, "", Side::kCustomer, body, at});
      id = t.id;
    }));
    return id;
  }

  std::vector<core::TicketId> Queue(core::QueueQuery q) {
    std::vector<core::TicketId> out;
    EXPECT_TRUE(Read([&](core::Repositories& r) {
      for (const auto& v : r.tickets().Queue(q, agent_)) out.push_back(v.ticket.id);
    }));
    return out;
  }

  const core::support::BusinessCalendar calendar_ = core::support::BusinessCalendar::Default();
  const core::Time t0_ = *core::ParseRfc3339("2026-11-23T12:00:00Z");
  core::AccountId account_ = 0;
  core::UserId customer_ = 0, agent_ = 0, second_ = 0;
};

TEST_P(ConsoleContract, QueueOrdersByDueThenActivityAndPagesByKeyset) {
  const auto late = Add("late", t0_, t0_ + 1h);
  const auto soon = Add("soon", t0_ + 1s, t0_ + 10min);
  const auto tie = Add("tie", t0_ + 2s, t0_ + 10min);
  const auto idle_old = Add("idle old", t0_ + 3s, std::nullopt);
  const auto idle_new = Add("idle new", t0_ + 4s, std::nullopt);
  const std::vector<core::TicketId> all{tie, soon, late, idle_new, idle_old};
  EXPECT_EQ(Queue({}), all);

  // One row at a time from each position gives the next one.
  for (std::size_t i = 0; i + 1 < all.size(); ++i) {
    core::support::Ticket t;
    ASSERT_TRUE(Read([&](core::Repositories& r) { t = *r.tickets().Find(all[i]); }));
    core::QueueQuery q;
    q.after = core::QueueCursor{t.reply_due_at, t.last_message_at, t.id};
    q.limit = 1;
    EXPECT_EQ(Queue(q).front(), all[i + 1]) << "after " << i;
  }
  core::QueueQuery due_soon;
  due_soon.due_before = t0_ + 30min;
  EXPECT_EQ(Queue(due_soon), (std::vector<core::TicketId>{tie, soon}));
  core::QueueQuery owing;
  owing.needs_reply = true;
  EXPECT_EQ(Queue(owing), (std::vector<core::TicketId>{tie, soon, late}));
}

TEST_P(ConsoleContract, QueueSearchesMessagesAndFiltersByAssignee) {
  const auto a = Add("Booking", t0_, t0_ + 1h, "Не работает КАЛЕНДАРЬ");
  const auto b = Add("Календарь", t0_ + 1s, t0_ + 2h, "plain");
  const auto c = Add("Other", t0_ + 2s, t0_ + 3h, "100% off_sale");
  core::QueueQuery q;
  q.folded_search = core::support::FoldCase("календарь");
  EXPECT_EQ(Queue(q), (std::vector<core::TicketId>{a, b}));
  q.folded_search = "0% off_";  // LIKE wildcards match literally
  EXPECT_EQ(Queue(q), (std::vector<core::TicketId>{c}));
  q.folded_search = "ка";
  EXPECT_EQ(Queue(q), (std::vector<core::TicketId>{a, b}));

  ASSERT_TRUE(Write([&](core::Repositories& r) { r.tickets().SetAssignee(b, agent_); }));
  core::QueueQuery mine;
  mine.assignee = core::QueueQuery::Assignee::kUser;
  mine.assignee_id = agent_;
  EXPECT_EQ(Queue(mine), (std::vector<core::TicketId>{b}));
  core::QueueQuery none;
  none.assignee = core::QueueQuery::Assignee::kNone;
  EXPECT_EQ(Queue(none), (std::vector<core::TicketId>{a, c}));
  core::QueueCounts counts;
  ASSERT_TRUE(Read([&](core::Repositories& r) {
    counts = r.tickets().CountQueue(agent_, t0_ + 90min, t0_ + 150min);
  }));
  EXPECT_EQ(counts.needs_reply, 3);
  EXPECT_EQ(counts.overdue, 1);
  EXPECT_EQ(counts.due_today, 2);
  EXPECT_EQ(counts.mine, 1);
  EXPECT_EQ(counts.unassigned, 2);
  core::TicketView v;
  ASSERT_TRUE(Read([&](core::Repositories& r) { v = *r.tickets().View(b, agent_, Side::kTeam); }));
  EXPECT_EQ(v.assignee_id, agent_);
  EXPECT_EQ(v.assignee_name, "Sam");
}

TEST_P(ConsoleContract, NotesCountOnTheirTicketOnly) {
  const auto t = Add("t", t0_, t0_ + 1h);
  core::support::Note n;
  ASSERT_TRUE(Write([&](core::Repositories& r) {
    n = r.console().InsertNote({0, t, agent_, "", "internal", t0_});
  }));
  ASSERT_TRUE(Read([&](core::Repositories& r) {
    const auto v = r.tickets().View(t, agent_, Side::kTeam);
    EXPECT_EQ(v->note_count, 1);
    EXPECT_EQ(v->ticket.message_count, 1);
    const auto found = r.console().FindNote(n.id);
    EXPECT_EQ(found->author_name, "Sam");
    EXPECT_EQ(r.console().Notes(t, 10).size(), 1u);
    EXPECT_EQ(r.tickets().Messages(t, 0, 10).size(), 1u);
  }));
}

TEST_P(ConsoleContract, BreachEntriesAreUniquePerDueInstant) {
  const auto t = Add("t", t0_, t0_ + 1h);
  std::vector<core::DueTicket> due;
  ASSERT_TRUE(
      Read([&](core::Repositories& r) { due = r.console().UnrecordedBreaches(t0_ + 2h, 10); }));
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].reply_due_at, t0_ + 1h);
  core::support::HistoryEntry e;
  e.ticket_id = t;
  e.kind = core::support::HistoryKind::kSlaBreached;
  e.created_at = t0_ + 2h;
  e.breach_due_at = t0_ + 1h;
  e.details = {{"due_at", "x"}};
  ASSERT_TRUE(Write([&](core::Repositories& r) {
    EXPECT_TRUE(r.console().InsertHistory(e));
    EXPECT_FALSE(r.console().InsertHistory(e));  // the same breach again: nothing
    core::support::HistoryEntry other = e;
    other.kind = core::support::HistoryKind::kNoteAdded;
    other.breach_due_at.reset();
    EXPECT_TRUE(r.console().InsertHistory(other));
    EXPECT_TRUE(r.console().InsertHistory(other));  // ordinary entries repeat freely
  }));
  ASSERT_TRUE(Read([&](core::Repositories& r) {
    EXPECT_TRUE(r.console().UnrecordedBreaches(t0_ + 2h, 10).empty());
    const auto h = r.console().History(t, 10);
    ASSERT_EQ(h.size(), 3u);
    EXPECT_EQ(h[0].details, e.details);
    EXPECT_FALSE(h[0].actor_id);
  }));
}

TEST_P(ConsoleContract, CannedRepliesShortcutsAreUniquePerOwner) {
  core::support::CannedReply c;
  c.owner_id = agent_;
  c.title = "B";
  c.body = "body";
  c.shortcut = "hi";
  c.created_at = c.updated_at = t0_;
  core::support::CannedReply shared = c;
  shared.owner_id = second_;
  shared.title = "A";
  shared.shared = true;
  core::support::CannedReply hidden = shared;
  hidden.shared = false;
  hidden.shortcut.reset();
  ASSERT_TRUE(Write([&](core::Repositories& r) {
    c = *r.console().InsertCanned(c);
    shared = *r.console().InsertCanned(shared);
    hidden = *r.console().InsertCanned(hidden);
  }));
  // The same shortcut for the same owner is a conflict (its own write, rolled back).
  auto dup = core::WriteValue<core::support::CannedReply>(*db_, [&](core::Repositories& r) {
    core::support::CannedReply d = c;
    d.title = "dup";
    return r.console().InsertCanned(d);
  });
  EXPECT_EQ(dup.error().code, core::ErrorCode::kConflict);
  ASSERT_TRUE(Read([&](core::Repositories& r) {
    const auto list = r.console().CannedFor(agent_);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, shared.id);
    EXPECT_TRUE(list[0].shared);
    EXPECT_EQ(list[1].id, c.id);
    EXPECT_EQ(list[1].shortcut, "hi");
  }));
  ASSERT_TRUE(Write([&](core::Repositories& r) { r.console().DeleteCanned(c.id); }));
  ASSERT_TRUE(Read([&](core::Repositories& r) { EXPECT_FALSE(r.console().FindCanned(c.id)); }));
}

TEST_P(ConsoleContract, ShiftsRoundRobinAndSettings) {
  ASSERT_TRUE(Read([&](core::Repositories& r) {
    EXPECT_FALSE(r.console().NextOnShift());
    EXPECT_FALSE(r.console().Setting("auto_assign"));
    EXPECT_EQ(r.console().Agents().size(), 2u);
  }));
  ASSERT_TRUE(Write([&](core::Repositories& r) {
    r.console().SetOnShift(agent_, true);
    r.console().SetOnShift(second_, true);
    r.console().SetOnShift(customer_, true);  // not staff: never picked
    r.console().PutSetting("auto_assign", "true");
    r.console().PutSetting("auto_assign", "false");
  }));
  std::vector<core::UserId> picked;
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(Write([&](core::Repositories& r) {
      const auto u = r.console().NextOnShift();
      picked.push_back(u->id);
      r.console().MarkAutoAssigned(u->id, t0_ + std::chrono::seconds(i + 1));
    }));
  }
  EXPECT_EQ(picked, (std::vector<core::UserId>{agent_, second_, agent_}));
  ASSERT_TRUE(Write([&](core::Repositories& r) {
    EXPECT_EQ(r.console().SettingForUpdate("auto_assign"), "false");
    EXPECT_FALSE(r.console().SettingForUpdate("missing"));
  }));
  ASSERT_TRUE(Read([&](core::Repositories& r) {
    EXPECT_EQ(r.console().Setting("auto_assign"), "false");
    const auto agents = r.console().Agents();
    EXPECT_TRUE(agents[0].on_shift);
    EXPECT_EQ(r.console().AccountUsers(account_).size(), 1u);
  }));
}

INSTANTIATE_TEST_SUITE_P(Backends, ConsoleContract,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return testing::BackendName(info.param); });

}  // namespace
}  // namespace textura::storage
