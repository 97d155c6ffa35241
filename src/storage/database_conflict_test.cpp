// Two writers on one PostgreSQL database (two instances) that lock the same rows in
// opposite orders: PostgreSQL aborts one with a deadlock, and the aborted job runs
// again instead of failing its request (Database::RunBatch). SQLite has one writer
// per file, so this is PostgreSQL's alone.
#include <gtest/gtest.h>

#include <latch>
#include <thread>

#include "core/ports/store.h"
#include "storage/database.h"
#include "testing/test_support.h"

namespace textura::storage {
namespace {

using testing::Backend;

class WriterConflict : public testing::BackendTest {};

TEST_P(WriterConflict, AJobAbortedByADeadlockRunsAgainAndSucceeds) {
  if (IsSkipped()) return;
  const core::Time t0 = core::Time(std::chrono::seconds(1'700'000'000));
  core::UserId first = 0;
  core::UserId second = 0;
  ASSERT_TRUE(db_->Write([&](core::Repositories& r) -> core::Status {
                   const auto account = r.accounts().Insert("Acme", t0).id;
                   const std::pair<core::UserId*, const char*> users[] = {
                       {&first, "first@example.com"}, {&second, "second@example.com"}};
                   for (const auto& [id, email] : users) {
                     core::User u;
                     u.account_id = account;
                     u.email = email;
                     u.name = "User";
                     u.password_hash = "x";
                     u.created_at = t0;
                     *id = r.users().Insert(u).value().id;
                   }
                   return core::OkStatus();
                 })
                  .ok());
  auto other = Database::Open(testing::PostgresUrlOf(*db_));

  std::latch first_locked(1), second_locked(1);
  int runs_a = 0, runs_b = 0;
  // Renames `a` then `b`; on its first run waits, between the two, until the other
  // writer holds `b`.
  auto crossing = [&](core::UserId a, core::UserId b, int& runs, std::latch& mine,
                      std::latch& theirs) {
    return [&, a, b](core::Repositories& r) -> core::Status {
      const bool first_run = runs++ == 0;
      auto user = r.users().Find(a).value();
      user.name = "Renamed";
      r.users().UpdateProfile(user);
      if (first_run) {
        mine.count_down();
        theirs.wait();
      }
      auto next = r.users().Find(b).value();
      next.name = "Renamed";
      r.users().UpdateProfile(next);
      return core::OkStatus();
    };
  };
  const auto job_a = crossing(first, second, runs_a, first_locked, second_locked);
  const auto job_b = crossing(second, first, runs_b, second_locked, first_locked);
  core::Status status_a = core::OkStatus(), status_b = core::OkStatus();
  std::thread ta([&] { status_a = db_->Write(job_a); });
  std::thread tb([&] { status_b = other->Write(job_b); });
  ta.join();
  tb.join();

  EXPECT_TRUE(status_a.ok()) << status_a.error().message;
  EXPECT_TRUE(status_b.ok()) << status_b.error().message;
  // One was aborted and ran again; its rerun may race the other into a second
  // deadlock, so more runs than three are possible, never a failure.
  EXPECT_GE(runs_a + runs_b, 3) << "one of the two was aborted and ran again";
}

INSTANTIATE_TEST_SUITE_P(Backends, WriterConflict, ::testing::Values(Backend::kPostgres),
                         [](const auto& info) { return testing::BackendName(info.param); });

}  // namespace
}  // namespace textura::storage
