// The storage contract: the same cases against SQLite and a real PostgreSQL server.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "core/ports/store.h"
#include "testing/test_support.h"

namespace textura::storage {
namespace {

using testing::Backend;
using namespace std::chrono_literals;

class IdentityContract : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
  }

  core::User NewCustomer(core::AccountId account, std::string email) {
    core::User u;
    u.account_id = account;
    u.email = std::move(email);
    u.name = "Anna";
    u.password_hash = "hash";
    u.created_at = t0_;
    return u;
  }

  core::Status Write(const std::function<core::Status(core::Repositories&)>& fn) {
    return db_->Write(fn);
  }

  const core::Time t0_ = core::FromMicros(1'790'000'000'000'000);
};

TEST_P(IdentityContract, CreatesAndFindsUsersCaseByCase) {
  core::Account account;
  core::User created;
  ASSERT_TRUE(Write([&](core::Repositories& r) -> core::Status {
                account = r.accounts().Insert("Acme «Ромашка»", t0_);
                auto u = r.users().Insert(NewCustomer(account.id, "anna@acme.io"));
                if (!u) return u.error();
                created = *u;
                return core::OkStatus();
              }).ok());
  EXPECT_GT(account.id, 0);
  EXPECT_GT(created.id, 0);

  ASSERT_TRUE(db_->Read([&](core::Repositories& r) -> core::Status {
                   auto by_email = r.users().FindByEmail("anna@acme.io");
                   EXPECT_TRUE(by_email);
                   EXPECT_EQ(by_email->id, created.id);
                   EXPECT_EQ(by_email->account_id, account.id);
                   EXPECT_EQ(by_email->role, core::Role::kCustomer);
                   EXPECT_EQ(by_email->created_at, t0_);
                   EXPECT_EQ(r.accounts().Find(account.id)->name, "Acme «Ромашка»");
                   EXPECT_FALSE(r.users().FindByEmail("nobody@acme.io"));
                   EXPECT_FALSE(r.users().Find(created.id + 1000));
                   return core::OkStatus();
                 })
                  .ok());
}

TEST_P(IdentityContract, DuplicateEmailIsEmailTakenAndRollsBackOnlyThatWrite) {
  core::AccountId account = 0;
  ASSERT_TRUE(Write([&](core::Repositories& r) -> core::Status {
                account = r.accounts().Insert("Acme", t0_).id;
                auto u = r.users().Insert(NewCustomer(account, "dup@acme.io"));
                return u ? core::OkStatus() : core::Status(u.error());
              }).ok());

  // A failing write's changes (the second account) are undone; the first stays.
  auto s = Write([&](core::Repositories& r) -> core::Status {
    const auto second = r.accounts().Insert("Second", t0_).id;
    auto u = r.users().Insert(NewCustomer(second, "dup@acme.io"));
    return u ? core::OkStatus() : core::Status(u.error());
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, core::ErrorCode::kEmailTaken);
  ASSERT_TRUE(db_->Read([&](core::Repositories& r) -> core::Status {
                   EXPECT_TRUE(r.accounts().Find(account));
                   EXPECT_FALSE(r.accounts().Find(account + 1));
                   return core::OkStatus();
                 })
                  .ok());
}

TEST_P(IdentityContract, SessionsResolveUntilRevokedOrExpired) {
  core::Session session;
  ASSERT_TRUE(Write([&](core::Repositories& r) -> core::Status {
                const auto account = r.accounts().Insert("Acme", t0_).id;
                auto u = r.users().Insert(NewCustomer(account, "s@acme.io"));
                core::Session s;
                s.user_id = u->id;
                s.token_hash = "h1";
                s.csrf_token = "csrf";
                s.created_at = t0_;
                s.expires_at = t0_ + 1h;
                s.ip = "127.0.0.1";
                session = r.sessions().Insert(s);
                return core::OkStatus();
              }).ok());

  auto find = [&](core::Time at) {
    std::optional<core::Principal> p;
    EXPECT_TRUE(db_->Read([&](core::Repositories& r) -> core::Status {
                     p = r.sessions().FindActive("h1", at);
                     return core::OkStatus();
                   })
                    .ok());
    return p;
  };
  auto p = find(t0_ + 1min);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->session.id, session.id);
  EXPECT_EQ(p->session.csrf_token, "csrf");
  EXPECT_EQ(p->user.email, "s@acme.io");
  ASSERT_TRUE(p->account);
  EXPECT_EQ(p->account->name, "Acme");
  EXPECT_FALSE(find(t0_ + 2h)) << "expired sessions do not resolve";

  ASSERT_TRUE(Write([&](core::Repositories& r) -> core::Status {
                r.sessions().Revoke(session.id, t0_ + 2min);
                return core::OkStatus();
              }).ok());
  EXPECT_FALSE(find(t0_ + 3min)) << "revoked sessions do not resolve";
}

TEST_P(IdentityContract, StaffHaveNoAccountAndProfilesUpdate) {
  core::User staff;
  ASSERT_TRUE(Write([&](core::Repositories& r) -> core::Status {
                core::User u = NewCustomer(0, "agent@textura.io");
                u.account_id.reset();
                u.role = core::Role::kStaff;
                staff = *r.users().Insert(u);
                staff.theme = core::Theme::kDark;
                staff.locale = core::Locale::kRu;
                staff.time_zone = "Asia/Yekaterinburg";
                staff.name = "Агент";
                r.users().UpdateProfile(staff);
                return core::OkStatus();
              }).ok());
  ASSERT_TRUE(db_->Read([&](core::Repositories& r) -> core::Status {
                   auto u = r.users().Find(staff.id);
                   EXPECT_FALSE(u->account_id);
                   EXPECT_EQ(u->role, core::Role::kStaff);
                   EXPECT_EQ(u->theme, core::Theme::kDark);
                   EXPECT_EQ(u->locale, core::Locale::kRu);
                   EXPECT_EQ(u->time_zone, "Asia/Yekaterinburg");
                   EXPECT_EQ(u->name, "Агент");
                   return core::OkStatus();
                 })
                  .ok());
}

TEST_P(IdentityContract, ConcurrentWritesAllCommit) {
  // Many threads writing at once share group commits; every write must land once.
  constexpr int kThreads = 16;
  constexpr int kPerThread = 20;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        auto s = Write([&](core::Repositories& r) -> core::Status {
          r.accounts().Insert("acct-" + std::to_string(t) + "-" + std::to_string(i), t0_);
          return core::OkStatus();
        });
        if (!s) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  ASSERT_TRUE(db_->Read([&](core::Repositories& r) -> core::Status {
                   for (core::AccountId id = 1; id <= kThreads * kPerThread; ++id) {
                     EXPECT_TRUE(r.accounts().Find(id)) << id;
                   }
                   EXPECT_FALSE(r.accounts().Find(kThreads * kPerThread + 1));
                   return core::OkStatus();
                 })
                  .ok());
}

TEST_P(IdentityContract, MigrationsAreIdempotent) {
  EXPECT_EQ(db_->Migrate(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, IdentityContract,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return testing::BackendName(info.param); });

}  // namespace
}  // namespace textura::storage
