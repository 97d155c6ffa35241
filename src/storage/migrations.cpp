#include "storage/migrations.h"

#include <charconv>
#include <chrono>
#include <set>
#include <string>

namespace textura::storage {
namespace {

// Any constant identifies Textura's migration lock among other advisory locks.
constexpr std::string_view kPgLock = "SELECT pg_advisory_lock(7320110)";
constexpr std::string_view kPgUnlock = "SELECT pg_advisory_unlock(7320110)";
constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
constexpr std::string_view kSelectApplied = "SELECT version FROM schema_migrations";
constexpr std::string_view kInsertApplied =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)";

std::int64_t VersionOf(std::string_view name) {
  std::int64_t v = 0;
  if (name.size() > 1) std::from_chars(name.data() + 1, name.data() + name.size(), v);
  return v;
}

}  // namespace

int ApplyMigrations(Connection& conn) {
  const bool pg = conn.dialect() == Dialect::kPostgres;
  const auto& files = pg ? embedded::kPostgresMigrations : embedded::kSqliteMigrations;
  if (pg) conn.Run(kPgLock, {}, [](const Row&) {});
  int applied = 0;
  try {
    conn.Exec(kCreateTable);
    std::set<std::int64_t> done;
    conn.Run(kSelectApplied, {}, [&](const Row& r) { done.insert(r.Int(0)); });
    for (const MigrationFile& f : files) {
      const std::int64_t version = VersionOf(f.name);
      if (done.count(version)) continue;
      conn.Exec(pg ? "BEGIN" : "BEGIN IMMEDIATE");
      try {
        conn.Exec(f.sql);
        const auto now = std::chrono::duration_cast<std::chrono::microseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
        conn.Run(kInsertApplied, {version, f.name, static_cast<std::int64_t>(now)});
        conn.Exec("COMMIT");
      } catch (const SqlError& e) {
        conn.Exec("ROLLBACK");
        throw SqlError(e.kind(), "migration " + std::string(f.name) + " failed: " + e.what());
      }
      ++applied;
    }
  } catch (...) {
    if (pg) conn.Run(kPgUnlock, {}, [](const Row&) {});
    throw;
  }
  if (pg) conn.Run(kPgUnlock, {}, [](const Row&) {});
  return applied;
}

}  // namespace textura::storage
