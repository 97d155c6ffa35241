#include "services/support_console.h"

#include <gtest/gtest.h>

#include <mutex>

#include "services/audit_service.h"
#include "services/auth_service.h"
#include "services/staff_service.h"
#include "services/ticket_service.h"
#include "testing/test_support.h"

namespace textura::services {
namespace {

using namespace std::chrono_literals;
using core::ErrorCode;
using Kind = core::TicketEvent::Kind;

class RecordingSink final : public core::EventSink {
 public:
  void TicketChanged(const core::TicketEvent& e) override {
    std::lock_guard lock(m_);
    events.push_back(e);
  }
  void SessionEnded(core::SessionId) override {}
  int Count(Kind kind) {
    std::lock_guard lock(m_);
    return static_cast<int>(
        std::count_if(events.begin(), events.end(), [&](const auto& e) { return e.kind == kind; }));
  }
  std::vector<core::TicketEvent> events;

 private:
  std::mutex m_;
};

constexpr const char* kSecret = "INTERNAL-ONLY the customer is on a legacy plan";

class SupportConsoleTest : public ::testing::Test {
 protected:
  SupportConsoleTest()
      : db_(testing::FreshDatabase(testing::Backend::kSqlite)),
        // Monday 2026-11-23 12:00 UTC = 15:00 in Moscow, inside business hours.
        clock_(*core::ParseRfc3339("2026-11-23T12:00:00Z")),
        auth_(*db_, hasher_, tokens_, clock_, {}),
        tickets_(*db_, clock_, sink_, core::support::BusinessCalendar::Default()),
        console_(*db_, clock_, sink_, local_, core::support::BusinessCalendar::Default()) {
    anna_ = Customer("anna@acme.io", "Acme", "Anna Petrova");
    boris_ = Customer("boris@other.io", "Other", "Boris");
    agent_ = Staff("agent@textura.io", "Sam Agent", core::Role::kStaff);
    second_ = Staff("second@textura.io", "Zoe Second", core::Role::kStaff);
    admin_ = Staff("admin@textura.io", "Ada Admin", core::Role::kAdmin);
  }

  core::Principal Customer(const std::string& email, const std::string& company,
                           const std::string& name) {
    return auth_.Signup({email, "correct horse", name, company}, {"1.1.1.1", ""})->principal;
  }
  core::Principal Staff(const std::string& email, const std::string& name, core::Role role) {
    EXPECT_TRUE(auth_.CreateUser({email, "staff password", name, role, {}}).ok());
    return auth_.Login({email, "staff password", {}}, {"1.1.1.1", ""})->principal;
  }
  core::TicketId NewTicket(const core::Principal& who, std::string title = "Booking link broken",
                           std::string category = "question",
                           std::string body = "It opens a blank page") {
    auto created = tickets_.Create(who, {title, body, category, {}, {}, {}, {}});
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    return created->ticket.ticket.id;
  }
  std::vector<core::TicketId> QueueIds(QueueInput in, const core::Principal* who = nullptr) {
    auto page = console_.queue().Queue(who ? *who : agent_, in);
    EXPECT_TRUE(page.ok()) << (page.ok() ? "" : page.error().message);
    std::vector<core::TicketId> out;
    for (const auto& v : page->items) out.push_back(v.ticket.id);
    return out;
  }

  std::unique_ptr<storage::Database> db_;
  testing::FakeHasher hasher_;
  testing::FakeTokens tokens_;
  testing::ManualClock clock_;
  RecordingSink sink_;
  RecordingSink local_;
  AuthService auth_;
  TicketService tickets_;
  SupportConsole console_;
  core::Principal anna_, boris_, agent_, second_, admin_;
};

TEST_F(SupportConsoleTest, NotesNeverReachTheCustomer) {
  const auto id = NewTicket(anna_);
  const auto before = tickets_.Get(anna_, id)->ticket;
  clock_.Advance(1min);
  auto note = console_.notes().Add(agent_, id, kSecret);
  ASSERT_TRUE(note.ok());
  EXPECT_EQ(note->author_name, "Sam Agent");

  // Not a message: counts, activity and the reply clock are untouched.
  auto customer_view = tickets_.Get(anna_, id);
  EXPECT_EQ(customer_view->ticket.message_count, before.message_count);
  EXPECT_EQ(customer_view->ticket.last_message_at, before.last_message_at);
  EXPECT_EQ(customer_view->ticket.reply_due_at, before.reply_due_at);
  EXPECT_EQ(customer_view->unread_count, 0);
  EXPECT_EQ(tickets_.Summary(anna_)->unread_total, 0);
  for (const auto* who : {&anna_, &agent_}) {
    for (const auto& m : tickets_.Messages(*who, id, {}, {})->items) {
      EXPECT_EQ(m.message.body.find("INTERNAL-ONLY"), std::string::npos);
    }
  }
  // Searching the customer's list or the queue for the note's text finds nothing.
  EXPECT_TRUE(tickets_.List(anna_, {.q = "legacy plan"})->items.empty());
  EXPECT_TRUE(QueueIds({.q = "legacy plan"}).empty());
  // The customer cannot read or write notes: the ticket's notes do not exist for them.
  EXPECT_EQ(console_.notes().List(anna_, id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(console_.notes().Add(anna_, id, "mine").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(console_.notes().Get(anna_, id, note->id).error().code, ErrorCode::kNotFound);
  // The only event is the staff-only kind, and staff see the count.
  ASSERT_EQ(sink_.Count(Kind::kNoteCreated), 1);
  EXPECT_TRUE(sink_.events.back().StaffOnly());
  EXPECT_EQ(tickets_.Get(agent_, id)->note_count, 1);
  auto listed = console_.notes().List(agent_, id);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().body, kSecret);
}

TEST_F(SupportConsoleTest, NotesAreAllowedOnDoneTicketsAndCheckTheTicket) {
  const auto id = NewTicket(anna_);
  ASSERT_TRUE(tickets_.Close(anna_, id).ok());
  EXPECT_TRUE(console_.notes().Add(agent_, id, "closed: refund issued").ok());
  EXPECT_EQ(console_.notes().Add(agent_, id + 100, "x").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(console_.notes().Add(agent_, id, "   ").error().field, "body");
  // A note of one ticket is not found through another.
  const auto other = NewTicket(boris_);
  const auto note = console_.notes().List(agent_, id)->front();
  EXPECT_EQ(console_.notes().Get(agent_, other, note.id).error().code, ErrorCode::kNotFound);
}

TEST_F(SupportConsoleTest, QueueIsSortedByDueTimeThenActivity) {
  const auto question = NewTicket(anna_, "Question", "question");  // due Tue 15:00
  clock_.Advance(1min);
  const auto critical = NewTicket(boris_, "Critical", "critical");  // due today 19:01
  clock_.Advance(1min);
  const auto answered = NewTicket(anna_, "Answered", "question");
  ASSERT_TRUE(tickets_.Post(agent_, answered, {"Done on our side", {}}).ok());
  clock_.Advance(1min);
  const auto feature = NewTicket(boris_, "Feature", "feature_request");
  EXPECT_EQ(QueueIds({}), (std::vector<core::TicketId>{critical, question, feature, answered}));
  EXPECT_EQ(QueueIds({.needs_reply = "true"}),
            (std::vector<core::TicketId>{critical, question, feature}));
  EXPECT_EQ(QueueIds({.due_today = "true"}), (std::vector<core::TicketId>{critical}));
  EXPECT_TRUE(QueueIds({.overdue = "true"}).empty());
  clock_.Advance(5h);
  EXPECT_EQ(QueueIds({.overdue = "true"}), (std::vector<core::TicketId>{critical}));
  EXPECT_EQ(QueueIds({.category = "feature_request"}), (std::vector<core::TicketId>{feature}));
  EXPECT_EQ(QueueIds({.account_id = std::to_string(anna_.account->id)}),
            (std::vector<core::TicketId>{question, answered}));

  // Pages of one walk the same order.
  std::vector<core::TicketId> walked;
  std::optional<std::string> cursor;
  do {
    auto page = console_.queue().Queue(agent_, {.limit = "1", .cursor = cursor});
    ASSERT_TRUE(page.ok());
    for (const auto& v : page->items) walked.push_back(v.ticket.id);
    cursor = page->next_cursor;
  } while (cursor);
  EXPECT_EQ(walked, (std::vector<core::TicketId>{critical, question, feature, answered}));

  auto counts = console_.queue().Summary(agent_);
  EXPECT_EQ(counts->needs_reply, 3);
  EXPECT_EQ(counts->overdue, 1);
  EXPECT_EQ(counts->due_today, 1);
  EXPECT_EQ(counts->unassigned, 3);
  EXPECT_EQ(counts->mine, 0);
}

TEST_F(SupportConsoleTest, QueueSearchesTitlesAndMessages) {
  const auto a = NewTicket(anna_, "Booking link", "question", "Ошибка в КАЛЕНДАРЕ");
  const auto b = NewTicket(boris_, "Calendar sync", "question", "nothing");
  ASSERT_TRUE(tickets_.Post(agent_, b, {"Try the webhook", {}}).ok());
  EXPECT_EQ(QueueIds({.q = "календаре"}), (std::vector<core::TicketId>{a}));
  EXPECT_EQ(QueueIds({.q = "WEBHOOK"}), (std::vector<core::TicketId>{b}));
  EXPECT_EQ(QueueIds({.q = "ca"}).size(), 1u);  // short needles scan: "Calendar"
  EXPECT_TRUE(QueueIds({.q = "zzz"}).empty());
}

TEST_F(SupportConsoleTest, QueueRejectsBadInputAndCustomers) {
  const auto field = [&](QueueInput in) {
    auto r = console_.queue().Queue(agent_, in);
    EXPECT_FALSE(r.ok());
    return r.ok() ? std::string() : r.error().field;
  };
  EXPECT_EQ(field({.needs_reply = "yes"}), "needs_reply");
  EXPECT_EQ(field({.overdue = "1"}), "overdue");
  EXPECT_EQ(field({.due_today = ""}), "due_today");
  EXPECT_EQ(field({.category = "urgent"}), "category");
  EXPECT_EQ(field({.status = "open"}), "status");
  EXPECT_EQ(field({.account_id = "abc"}), "account_id");
  EXPECT_EQ(field({.assignee_id = "someone"}), "assignee_id");
  EXPECT_EQ(field({.limit = "0"}), "limit");
  EXPECT_EQ(field({.limit = "101"}), "limit");
  EXPECT_EQ(field({.cursor = "garbage"}), "cursor");
  EXPECT_EQ(field({.cursor = "d1_2"}), "cursor");
  EXPECT_EQ(field({.cursor = "n1_2_3"}), "cursor");
  EXPECT_EQ(console_.queue().Queue(anna_, {}).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(console_.queue().Summary(anna_).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(console_.queue().Account(anna_, anna_.account->id).error().code, ErrorCode::kForbidden);
}

TEST_F(SupportConsoleTest, AssignTakeAndTheirHistory) {
  const auto id = NewTicket(anna_);
  auto taken = console_.assignment().Take(agent_, id);
  ASSERT_TRUE(taken.ok());
  EXPECT_EQ(taken->assignee_id, agent_.user.id);
  EXPECT_EQ(taken->assignee_name, "Sam Agent");
  EXPECT_EQ(QueueIds({.assignee_id = "me"}), (std::vector<core::TicketId>{id}));
  EXPECT_TRUE(QueueIds({.assignee_id = "none"}).empty());
  EXPECT_EQ(console_.queue().Summary(agent_)->mine, 1);
  // Assigning the same agent again records nothing.
  ASSERT_TRUE(console_.assignment().Assign(agent_, id, agent_.user.id).ok());
  ASSERT_TRUE(console_.assignment().Assign(agent_, id, second_.user.id).ok());
  ASSERT_TRUE(console_.assignment().Assign(agent_, id, std::nullopt).ok());
  EXPECT_EQ(sink_.Count(Kind::kStaffUpdated), 3);

  EXPECT_EQ(console_.assignment().Assign(agent_, id, anna_.user.id).error().field, "assignee_id");
  EXPECT_EQ(console_.assignment().Assign(agent_, id, 9999).error().field, "assignee_id");
  EXPECT_EQ(console_.assignment().Take(anna_, id).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(console_.assignment().Take(agent_, id + 100).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(tickets_.Close(anna_, id).ok());
  EXPECT_EQ(console_.assignment().Take(agent_, id).error().code, ErrorCode::kTicketClosed);

  auto history = console_.queue().History(agent_, id);
  ASSERT_TRUE(history.ok());
  std::vector<std::string> kinds;
  for (const auto& h : *history) kinds.emplace_back(core::support::ToString(h.kind));
  EXPECT_EQ(kinds,
            (std::vector<std::string>{"created", "assigned", "assigned", "unassigned", "closed"}));
  EXPECT_EQ((*history)[0].actor_name, "Anna Petrova");
  EXPECT_EQ((*history)[2].details,
            (core::support::HistoryDetails{{"assignee_id", std::to_string(second_.user.id)},
                                           {"assignee_name", "Zoe Second"}}));
  EXPECT_EQ(console_.queue().History(anna_, id).error().code, ErrorCode::kForbidden);
}

TEST_F(SupportConsoleTest, AutoAssignGoesRoundRobinAmongAgentsOnShift) {
  EXPECT_EQ(console_.assignment().SetAutoAssign(agent_, true).error().code, ErrorCode::kForbidden);
  const auto unassigned = NewTicket(anna_);  // off by default
  EXPECT_FALSE(tickets_.Get(agent_, unassigned)->assignee_id);
  ASSERT_TRUE(console_.assignment().SetAutoAssign(admin_, true).ok());
  EXPECT_TRUE(*console_.assignment().AutoAssign(agent_));
  const auto nobody = NewTicket(anna_);  // nobody on shift
  EXPECT_FALSE(tickets_.Get(agent_, nobody)->assignee_id);

  ASSERT_TRUE(console_.assignment().SetShift(agent_, true).ok());
  ASSERT_TRUE(console_.assignment().SetShift(second_, true).ok());
  std::vector<core::UserId> got;
  for (int i = 0; i < 4; ++i) {
    clock_.Advance(1s);
    got.push_back(*tickets_.Get(agent_, NewTicket(anna_))->assignee_id);
  }
  EXPECT_EQ(got, (std::vector<core::UserId>{agent_.user.id, second_.user.id, agent_.user.id,
                                            second_.user.id}));
  ASSERT_TRUE(console_.assignment().SetShift(second_, false).ok());
  clock_.Advance(1s);
  EXPECT_EQ(tickets_.Get(agent_, NewTicket(anna_))->assignee_id, agent_.user.id);

  auto agents = console_.assignment().Agents(agent_);
  ASSERT_EQ(agents->size(), 3u);  // by name: Ada, Sam, Zoe
  EXPECT_EQ((*agents)[1].user.id, agent_.user.id);
  EXPECT_TRUE((*agents)[1].on_shift);
  EXPECT_EQ((*agents)[1].open_assigned, 3);
  EXPECT_FALSE((*agents)[2].on_shift);
  EXPECT_EQ(console_.assignment().Agents(anna_).error().code, ErrorCode::kForbidden);
}

TEST_F(SupportConsoleTest, AssignmentsAreAuditedInTheSameWrite) {
  ASSERT_TRUE(console_.assignment().SetAutoAssign(admin_, true).ok());
  ASSERT_TRUE(console_.assignment().SetShift(second_, true).ok());
  const auto id = NewTicket(anna_);  // auto-assigned to Zoe
  ASSERT_TRUE(console_.assignment().Take(agent_, id).ok());
  ASSERT_TRUE(console_.assignment().Take(agent_, id).ok());  // no change, no entry
  EXPECT_FALSE(console_.assignment().Assign(agent_, id, anna_.user.id).ok());

  AuditService audit(*db_);
  auto page = audit.List(admin_, {.ticket_id = std::to_string(id)});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 2u);
  const auto& taken = page->items[0];
  EXPECT_EQ(taken.action, "ticket.assigned");
  EXPECT_EQ(taken.actor_id, agent_.user.id);
  EXPECT_EQ(taken.refs.target_user_id, agent_.user.id);
  EXPECT_EQ(taken.details.at("auto"), "false");
  EXPECT_EQ(taken.details.at("previous_assignee_id"), std::to_string(second_.user.id));
  const auto& automatic = page->items[1];
  EXPECT_EQ(automatic.actor_id, anna_.user.id);  // whose new ticket triggered it
  EXPECT_EQ(automatic.refs.account_id, anna_.account->id);
  EXPECT_EQ(automatic.details.at("assignee_name"), "Zoe Second");
  EXPECT_EQ(automatic.details.at("auto"), "true");
}

TEST_F(SupportConsoleTest, DeactivatedStaffAreNoAgents) {
  ASSERT_TRUE(console_.assignment().SetAutoAssign(admin_, true).ok());
  ASSERT_TRUE(console_.assignment().SetShift(second_, true).ok());
  StaffService staff(*db_, auth_, clock_);
  ASSERT_TRUE(staff.SetActive(admin_, second_.user.id, false).ok());

  auto agents = console_.assignment().Agents(agent_);
  ASSERT_TRUE(agents.ok());
  for (const auto& a : *agents) EXPECT_NE(a.user.id, second_.user.id);
  EXPECT_EQ(agents->size(), 2u);
  const auto id = NewTicket(anna_);
  EXPECT_FALSE(tickets_.Get(agent_, id)->assignee_id) << "only a deactivated agent on shift";
  auto refused = console_.assignment().Assign(agent_, id, second_.user.id);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kValidationFailed);
  EXPECT_EQ(refused.error().field, "assignee_id");

  ASSERT_TRUE(staff.SetActive(admin_, second_.user.id, true).ok());
  EXPECT_EQ(*tickets_.Get(agent_, NewTicket(anna_))->assignee_id, second_.user.id);
}

TEST_F(SupportConsoleTest, CannedRepliesOwnershipAndRender) {
  auto mine =
      console_.canned().Create(agent_, {.title = "Greeting",
                                        .body = "Hi {{customer.first_name}}, re #{{ticket.id}}",
                                        .shortcut = "hi"});
  ASSERT_TRUE(mine.ok());
  auto shared = console_.canned().Create(
      second_, {.title = "Apology", .body = "Sorry, {{agent.name}} here", .shared = true});
  ASSERT_TRUE(shared.ok());
  auto hidden = console_.canned().Create(second_, {.title = "Private", .body = "secret"});
  ASSERT_TRUE(hidden.ok());

  EXPECT_EQ(console_.canned()
                .Create(agent_, {.title = "Dup", .body = "x", .shortcut = "hi"})
                .error()
                .code,
            ErrorCode::kConflict);
  // Another agent may reuse the shortcut: unique per owner.
  EXPECT_TRUE(
      console_.canned().Create(second_, {.title = "Hi", .body = "x", .shortcut = "hi"}).ok());
  EXPECT_EQ(console_.canned().Create(agent_, {.title = "No body"}).error().field, "body");
  EXPECT_EQ(console_.canned()
                .Create(agent_, {.title = "x", .body = "x", .shortcut = "Bad!"})
                .error()
                .field,
            "shortcut");

  auto list = console_.canned().List(agent_);
  ASSERT_EQ(list->size(), 2u);  // by title: Apology, Greeting
  EXPECT_EQ((*list)[0].title, "Apology");
  EXPECT_EQ((*list)[1].title, "Greeting");

  EXPECT_EQ(console_.canned().Update(agent_, hidden->id, {.title = "x"}).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(console_.canned().Update(agent_, shared->id, {.title = "x"}).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(console_.canned().Delete(agent_, shared->id).error().code, ErrorCode::kForbidden);
  auto edited = console_.canned().Update(admin_, shared->id, {.title = "Apology v2"});
  ASSERT_TRUE(edited.ok());
  EXPECT_EQ(edited->body, "Sorry, {{agent.name}} here");
  auto cleared = console_.canned().Update(agent_, mine->id, {.clear_shortcut = true});
  EXPECT_FALSE(cleared->shortcut);

  const auto ticket = NewTicket(anna_);
  EXPECT_EQ(*console_.canned().Render(agent_, mine->id, ticket),
            "Hi Anna, re #" + std::to_string(ticket));
  EXPECT_EQ(*console_.canned().Render(agent_, shared->id, ticket), "Sorry, Sam Agent here");
  EXPECT_EQ(console_.canned().Render(agent_, hidden->id, ticket).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(console_.canned().Render(agent_, mine->id, ticket + 100).error().field, "ticket_id");
  EXPECT_EQ(console_.canned().List(anna_).error().code, ErrorCode::kForbidden);

  ASSERT_TRUE(console_.canned().Delete(agent_, mine->id).ok());
  EXPECT_EQ(console_.canned().Delete(agent_, mine->id).error().code, ErrorCode::kNotFound);
}

TEST_F(SupportConsoleTest, BreachesAreRecordedOncePerDueInstant) {
  const auto id = NewTicket(anna_, "Down", "critical");  // due in 4 h
  EXPECT_EQ(console_.queue().CheckBreaches(), 0);
  clock_.Advance(4h + 1s);
  EXPECT_EQ(console_.queue().CheckBreaches(), 1);
  EXPECT_EQ(console_.queue().CheckBreaches(), 0);  // idempotent
  EXPECT_EQ(sink_.Count(Kind::kSlaBreached), 1);
  auto sla = tickets_.SlaNow(tickets_.Get(agent_, id)->ticket);
  EXPECT_EQ(sla->state, core::support::SlaLevel::kBreached);

  // A reply, then a new customer message: a new due instant, a new breach later.
  ASSERT_TRUE(tickets_.Post(agent_, id, {"Looking", {}}).ok());
  ASSERT_TRUE(tickets_.Post(anna_, id, {"Still down", {}}).ok());
  EXPECT_EQ(console_.queue().CheckBreaches(), 0);
  clock_.Advance(5h);
  EXPECT_EQ(console_.queue().CheckBreaches(), 1);
  int breaches = 0;
  for (const auto& h : *console_.queue().History(agent_, id)) {
    if (h.kind == core::support::HistoryKind::kSlaBreached) ++breaches;
  }
  EXPECT_EQ(breaches, 2);
}

TEST_F(SupportConsoleTest, PresenceShowsOthersAndExpires) {
  const auto id = NewTicket(anna_);
  auto& presence = console_.presence();
  EXPECT_TRUE(presence.Heartbeat(agent_, id, "viewing")->empty());
  auto seen = presence.Heartbeat(second_, id, "typing");
  ASSERT_EQ(seen->size(), 1u);
  EXPECT_EQ(seen->front().id, agent_.user.id);
  EXPECT_FALSE(seen->front().typing);
  auto others = presence.Viewers(id, agent_.user.id);
  ASSERT_EQ(others.size(), 1u);
  EXPECT_TRUE(others.front().typing);
  EXPECT_EQ(local_.Count(Kind::kPresence), 2);
  EXPECT_EQ(sink_.Count(Kind::kPresence), 0);  // presence stays on this instance

  // A heartbeat that changes nothing reports nothing.
  EXPECT_TRUE(presence.Heartbeat(agent_, id, "viewing").ok());
  EXPECT_EQ(local_.Count(Kind::kPresence), 2);

  clock_.Advance(20s);
  ASSERT_TRUE(presence.Heartbeat(agent_, id, "viewing").ok());
  clock_.Advance(15s);  // second_'s last heartbeat was 35 s ago
  presence.Expire();
  EXPECT_TRUE(presence.Viewers(id, agent_.user.id).empty());
  EXPECT_EQ(local_.Count(Kind::kPresence), 3);
  ASSERT_TRUE(presence.Heartbeat(agent_, id, "left").ok());
  EXPECT_TRUE(presence.Viewers(id, 0).empty());

  EXPECT_EQ(presence.Heartbeat(agent_, id, "away").error().field, "state");
  EXPECT_EQ(presence.Heartbeat(anna_, id, "viewing").error().code, ErrorCode::kForbidden);
  EXPECT_EQ(presence.Heartbeat(agent_, id + 100, "viewing").error().code, ErrorCode::kNotFound);
}

TEST_F(SupportConsoleTest, AccountContext) {
  const auto id = NewTicket(anna_);
  auto ctx = console_.queue().Account(agent_, anna_.account->id);
  ASSERT_TRUE(ctx.ok());
  EXPECT_EQ(ctx->account.name, "Acme");
  ASSERT_EQ(ctx->users.size(), 1u);
  EXPECT_EQ(ctx->users[0].email, "anna@acme.io");
  ASSERT_EQ(ctx->tickets.size(), 1u);
  EXPECT_EQ(ctx->tickets[0].ticket.id, id);
  EXPECT_EQ(console_.queue().Account(agent_, 9999).error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace textura::services
