#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>

#include "core/ports/clock.h"
#include "core/ports/crypto.h"
#include "storage/database.h"
#include "testing/require.h"

namespace textura::testing {

// A clock that moves only when told to.
class ManualClock final : public core::Clock {
 public:
  explicit ManualClock(core::Time start) : now_(core::ToMicros(start)) {}
  core::Time Now() const override { return core::FromMicros(now_.load()); }
  void Advance(std::chrono::microseconds d) { now_ += d.count(); }

 private:
  std::atomic<long long> now_;
};

// Reversible "hashing" so tests do not spend 70 ms per password.
class FakeHasher final : public core::PasswordHasher {
 public:
  std::string Hash(std::string_view p) const override { return "fake$" + std::string(p); }
  bool Verify(std::string_view h, std::string_view p) const override {
    return h == "fake$" + std::string(p);
  }
};

// Predictable tokens: "token-1", "token-2", …
class FakeTokens final : public core::TokenSource {
 public:
  std::string NewToken() const override { return "token-" + std::to_string(++counter_); }
  std::string Digest(std::string_view t) const override { return "digest:" + std::string(t); }
  bool SecretEquals(std::string_view a, std::string_view b) const override { return a == b; }

 private:
  mutable std::atomic<int> counter_{0};
};

enum class Backend { kSqlite, kPostgres };
std::string BackendName(Backend b);

// A fresh, migrated, empty database of the given kind. SQLite lives in a temp
// dir; PostgreSQL gets a new database on the test server: the one named by
// TEXTURA_TEST_POSTGRES_URL, or else a throwaway cluster this process starts once
// (tests/pg/cluster.sh) and stops at exit.
std::unique_ptr<storage::Database> FreshDatabase(Backend backend);

// The URL a database made by FreshDatabase(kPostgres) was opened with.
std::string PostgresUrlOf(const storage::Database& db);

// Whether PostgreSQL tests can run here; when not, why (printed by the skip).
bool PostgresAvailable(std::string* why);

// Base of the storage contract suites: each case gets a fresh, migrated database of
// the parameter's kind in db_; PostgreSQL cases are skipped (saying why) when no
// server can be reached or started. Suites that need more set-up call
// BackendTest::SetUp() first and return if IsSkipped() || HasFatalFailure().
class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    std::string why;
    if (GetParam() == Backend::kPostgres && !PostgresAvailable(&why)) {
      TEXTURA_SKIP_UNAVAILABLE("PostgreSQL unavailable: " + why);
    }
    db_ = FreshDatabase(GetParam());
  }

  std::unique_ptr<storage::Database> db_;
};

}  // namespace textura::testing
