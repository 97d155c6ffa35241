// The storage contract of the support admin tables: staff activation and sessions, the
// append-only audit log with its filters, SLA settings and calendar overrides with the
// version that instances reload on, and the rows reports read.
#include <gtest/gtest.h>

#include "core/ports/store.h"
#include "testing/test_support.h"

namespace textura::storage {
namespace {

using testing::Backend;
namespace support = core::support;

class SupportAdminContract : public testing::BackendTest {
 protected:
  core::User Staff(core::Repositories& r, std::string email, core::Role role = core::Role::kStaff) {
    core::User u;
    u.email = std::move(email);
    u.name = "Agent " + u.email;
    u.role = role;
    u.password_hash = "hash";
    u.created_at = t0_;
    return *r.users().Insert(u);
  }
  core::Status Write(const std::function<core::Status(core::Repositories&)>& fn) {
    return db_->Write(fn);
  }
  const core::Time t0_ = core::FromMicros(1'790'000'000'000'000);
};

TEST_P(SupportAdminContract, DeactivatedUsersHaveNoSessions) {
  core::User agent;
  std::vector<core::SessionId> revoked;
  ASSERT_TRUE(Write([&](core::Repositories& r) -> core::Status {
                agent = Staff(r, "agent@example.com");
                for (const char* token : {"t1", "t2"}) {
                  core::Session s;
                  s.user_id = agent.id;
                  s.token_hash = token;
                  s.csrf_token = "c";
                  s.created_at = t0_;
                  s.expires_at = t0_ + std::chrono::hours(1);
                  r.sessions().Insert(s);
                }
                r.users().SetLastLogin(agent.id, t0_);
                return core::OkStatus();
              }).ok());
  ASSERT_TRUE(db_->Read([&](core::Repositories& r) -> core::Status {
                   EXPECT_TRUE(r.sessions().FindActive("t1", t0_));
                   const auto staff = r.users().ListStaff();
                   EXPECT_EQ(staff.size(), 1u);
                   EXPECT_TRUE(staff[0].active);
                   EXPECT_EQ(staff[0].last_login_at, t0_);
                   return core::OkStatus();
                 })
                  .ok());
  ASSERT_TRUE(Write([&](core::Repositories& r) -> core::Status {
                r.users().SetActive(agent.id, false);
                revoked = r.sessions().RevokeAllOf(agent.id, t0_);
                return core::OkStatus();
              }).ok());
  EXPECT_EQ(revoked.size(), 2u);
  ASSERT_TRUE(db_->Read([&](core::Repositories& r) -> core::Status {
                   EXPECT_FALSE(r.sessions().FindActive("t1", t0_));
                   EXPECT_FALSE(r.users().Find(agent.id)->active);
                   return core::OkStatus();
                 })
                  .ok());
}

TEST_P(SupportAdminContract, AuditLogAppendsAndFilters) {
  core::User a, b;
  ASSERT_TRUE(Write([&](core::Repositories& r) -> core::Status {
                a = Staff(r, "a@example.com", core::Role::kAdmin);
                b = Staff(r, "b@example.com");
                for (int i = 0; i < 3; ++i) {
                  core::audit::Entry e;
                  e.actor_id = i == 1 ? b.id : a.id;
                  e.action = i == 2 ? "ticket.closed" : "staff.created";
                  e.refs.ticket_id = i == 2 ? std::optional<core::TicketId>(42) : std::nullopt;
                  e.details = {{"note", "line one\nx=y %"}};
                  e.created_at = t0_ + std::chrono::seconds(i);
                  EXPECT_GT(r.audit().Append(e).id, 0);
                }
                return core::OkStatus();
              }).ok());
  ASSERT_TRUE(db_->Read([&](core::Repositories& r) -> core::Status {
                   auto all = r.audit().List({});
                   EXPECT_EQ(all.size(), 3u);
                   EXPECT_EQ(all[0].action, "ticket.closed");
                   EXPECT_EQ(all[0].refs.ticket_id, 42);
                   EXPECT_EQ(all[0].details.at("note"), "line one\nx=y %");
                   EXPECT_EQ(all[0].actor_name, a.name);
                   EXPECT_EQ(all[0].created_at, t0_ + std::chrono::seconds(2));
                   EXPECT_EQ(r.audit().List({.actor_id = b.id}).size(), 1u);
                   EXPECT_EQ(r.audit().List({.action = "staff.created"}).size(), 2u);
                   EXPECT_EQ(r.audit().List({.ticket_id = 42}).size(), 1u);
                   auto page = r.audit().List({.before_id = all[0].id, .limit = 1});
                   EXPECT_EQ(page.size(), 2u);  // limit + 1
                   EXPECT_EQ(page[0].id, all[1].id);
                   return core::OkStatus();
                 })
                  .ok());
}

TEST_P(SupportAdminContract, SettingsAndCalendarBumpTheVersion) {
  ASSERT_TRUE(db_->Read([&](core::Repositories& r) -> core::Status {
                   EXPECT_EQ(r.support_admin().ConfigVersion(), 0);
                   EXPECT_FALSE(r.support_admin().LoadConfig().settings);
                   return core::OkStatus();
                 })
                  .ok());
  support::SlaSettings s = support::DefaultSlaSettings(support::BusinessCalendar::Default());
  s.zone = "Asia/Yekaterinburg";
  s.target(support::RequestType::kCritical) = {30, support::TargetClock::kWallClock};
  const auto date = *support::ParseIsoDate("2026-12-30");
  ASSERT_TRUE(Write([&](core::Repositories& r) -> core::Status {
                r.support_admin().SaveSettings(s, t0_);
                r.support_admin().SetCalendarDay({date, support::DayKind::kHoliday, "Party"}, t0_);
                r.support_admin().SetCalendarDay({date, support::DayKind::kWorkday, "No"}, t0_);
                return core::OkStatus();
              }).ok());
  ASSERT_TRUE(db_->Read([&](core::Repositories& r) -> core::Status {
                   const auto stored = r.support_admin().LoadConfig();
                   EXPECT_EQ(stored.version, 3);
                   EXPECT_EQ(stored.settings, s);
                   EXPECT_EQ(stored.overrides, (std::vector<support::CalendarOverride>{
                                                   {date, support::DayKind::kWorkday, "No"}}));
                   return core::OkStatus();
                 })
                  .ok());
  ASSERT_TRUE(Write([&](core::Repositories& r) -> core::Status {
                r.support_admin().ClearCalendarDay(date, t0_);
                return core::OkStatus();
              }).ok());
  ASSERT_TRUE(db_->Read([&](core::Repositories& r) -> core::Status {
                   EXPECT_EQ(r.support_admin().ConfigVersion(), 4);
                   EXPECT_TRUE(r.support_admin().LoadConfig().overrides.empty());
                   return core::OkStatus();
                 })
                  .ok());
}

TEST_P(SupportAdminContract, ReportRowsAndOwedTickets) {
  core::User agent;
  core::TicketId inside = 0;
  ASSERT_TRUE(Write([&](core::Repositories& r) -> core::Status {
                agent = Staff(r, "agent@example.com");
                const core::Account acme = r.accounts().Insert("Acme", t0_);
                core::User c;
                c.account_id = acme.id;
                c.email = "c@acme.io";
                c.name = "Carl";
                c.password_hash = "h";
                c.created_at = t0_;
                c = *r.users().Insert(c);
                for (int i = 0; i < 2; ++i) {
                  support::Ticket t;
                  t.account_id = acme.id;
                  t.created_by = c.id;
                  t.title = "T";
                  t.category = support::RequestType::kCritical;
                  t.created_at = t0_ + std::chrono::hours(i * 48);
                  t.last_message_at = t.created_at;
                  t.awaiting = support::Side::kTeam;
                  t.awaiting_since = t.created_at;
                  t = r.tickets().Insert(t);
                  support::SupportMessage m;
                  m.ticket_id = t.id;
                  m.author_id = c.id;
                  m.side = support::Side::kCustomer;
                  m.body = "help";
                  m.created_at = t.created_at;
                  r.tickets().InsertMessage(m);
                  m.author_id = agent.id;
                  m.side = support::Side::kTeam;
                  m.created_at = t.created_at + std::chrono::minutes(5);
                  r.tickets().InsertMessage(m);
                  if (i == 0) inside = t.id;
                }
                return core::OkStatus();
              }).ok());
  ASSERT_TRUE(Write([&](core::Repositories& r) -> core::Status {
                const auto owed = r.support_admin().OwedTickets();
                EXPECT_EQ(owed.size(), 2u);
                r.support_admin().SetReplyDue(inside, t0_ + std::chrono::minutes(30));
                EXPECT_EQ(r.tickets().Find(inside)->reply_due_at, t0_ + std::chrono::minutes(30));
                return core::OkStatus();
              }).ok());
  ASSERT_TRUE(db_->Read([&](core::Repositories& r) -> core::Status {
                   const auto rows =
                       r.support_admin().ReportTickets(t0_, t0_ + std::chrono::hours(24));
                   EXPECT_EQ(rows.size(), 1u);
                   EXPECT_EQ(rows[0].id, inside);
                   EXPECT_EQ(rows[0].messages.size(), 2u);
                   EXPECT_EQ(rows[0].messages[1].side, support::Side::kTeam);
                   EXPECT_EQ(rows[0].messages[1].author_name, agent.name);
                   EXPECT_EQ(rows[0].messages[1].at, t0_ + std::chrono::minutes(5));
                   return core::OkStatus();
                 })
                  .ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, SupportAdminContract,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return testing::BackendName(info.param); });

}  // namespace
}  // namespace textura::storage
