#include "storage/database.h"

#include <filesystem>
#include <future>

#include "storage/migrations.h"
#include "storage/postgres/pg_connection.h"
#include "storage/sql/sql_repositories.h"
#include "storage/sqlite/sqlite_connection.h"

namespace textura::storage {

using core::Error;
using core::ErrorCode;
using core::Status;

struct Database::Job {
  const std::function<Status(core::Repositories&)>* fn;
  std::promise<Status> done;
};

namespace {

// How often a job aborted by a deadlock or serialization failure is run in all.
constexpr int kConflictAttempts = 4;

Error Unavailable(const std::exception& e) {
  return {ErrorCode::kUnavailable, std::string("The database is unavailable: ") + e.what(), {}, 0};
}

// Runs `fn`, turning driver exceptions into an error value.
Status Guarded(const std::function<Status(core::Repositories&)>& fn, core::Repositories& repos) {
  try {
    return fn(repos);
  } catch (const SqlError& e) {
    return Unavailable(e);
  }
}

}  // namespace

std::unique_ptr<Database> Database::Open(const std::string& url, DatabaseOptions options) {
  constexpr std::string_view kSqlite = "sqlite://";
  if (url.starts_with(kSqlite)) {
    const std::string path = url.substr(kSqlite.size());
    if (path.empty()) throw SqlError(SqlError::Kind::kOther, "empty SQLite path in " + url);
    if (auto parent = std::filesystem::path(path).parent_path(); !parent.empty()) {
      std::filesystem::create_directories(parent);
    }
    // SQLite serialises writers anyway; one writer connection plus readers.
    return std::unique_ptr<Database>(new Database(
        Dialect::kSqlite, [path] { return OpenSqlite(path); }, options));
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return std::unique_ptr<Database>(new Database(
        Dialect::kPostgres, [url] { return OpenPostgres(url); }, options));
  }
  throw SqlError(SqlError::Kind::kOther,
                 "unsupported database URL (use sqlite:///path.db or postgresql://…): " + url);
}

Database::Database(Dialect dialect, Factory factory, DatabaseOptions options)
    : dialect_(dialect), factory_(std::move(factory)), options_(options) {
  writer_conn_ = factory_();
  writer_ = std::thread([this] { WriterLoop(); });
}

Database::~Database() {
  {
    std::lock_guard lock(queue_mutex_);
    stopping_ = true;
  }
  queue_cv_.notify_all();
  writer_.join();
}

int Database::Migrate() {
  auto conn = factory_();  // not the writer's: it belongs to the writer thread
  return ApplyMigrations(*conn);
}

std::unique_ptr<Connection> Database::Acquire() {
  std::unique_lock lock(pool_mutex_);
  const std::size_t max = embedded() ? 256 : options_.max_read_connections;
  pool_cv_.wait(lock, [&] { return !idle_.empty() || open_ < max; });
  if (!idle_.empty()) {
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    return conn;
  }
  ++open_;
  lock.unlock();
  try {
    return factory_();
  } catch (...) {
    std::lock_guard relock(pool_mutex_);
    --open_;
    pool_cv_.notify_one();
    throw;
  }
}

void Database::Release(std::unique_ptr<Connection> conn) {
  std::lock_guard lock(pool_mutex_);
  if (conn && !conn->Broken()) {
    idle_.push_back(std::move(conn));
  } else {
    --open_;
  }
  pool_cv_.notify_one();
}

Status Database::Read(const std::function<Status(core::Repositories&)>& fn) {
  std::unique_ptr<Connection> conn;
  try {
    conn = Acquire();
  } catch (const SqlError& e) {
    return Unavailable(e);
  }
  SqlRepositories repos(*conn);
  Status s = Guarded(fn, repos);
  Release(std::move(conn));
  return s;
}

Status Database::Write(const std::function<Status(core::Repositories&)>& fn) {
  Job job{&fn, {}};
  auto result = job.done.get_future();
  {
    std::lock_guard lock(queue_mutex_);
    queue_.push_back(&job);
  }
  queue_cv_.notify_one();
  return result.get();
}

void Database::WithConnection(const std::function<void(Connection&)>& fn) {
  auto conn = Acquire();
  try {
    fn(*conn);
  } catch (...) {
    Release(std::move(conn));
    throw;
  }
  Release(std::move(conn));
}

void Database::WriterLoop() {
  std::vector<Job*> batch;
  for (;;) {
    {
      std::unique_lock lock(queue_mutex_);
      queue_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, nothing left
      while (!queue_.empty() && batch.size() < options_.max_batch) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    RunBatch(batch);
    batch.clear();
  }
}

void Database::RunBatch(std::vector<Job*>& batch) {
  std::vector<Status> results(batch.size(), core::OkStatus());
  try {
    if (!writer_conn_ || writer_conn_->Broken()) writer_conn_ = factory_();
    Connection& conn = *writer_conn_;
    SqlRepositories repos(conn);
    conn.Exec(dialect_ == Dialect::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
    for (size_t i = 0; i < batch.size(); ++i) {
      // A job PostgreSQL aborts for a deadlock with another instance's writer runs
      // again: rolling back to its savepoint released the locks it took, so the other
      // transaction goes on and this one follows.
      for (int attempt = 1;; ++attempt) {
        conn.Exec("SAVEPOINT job");
        bool conflict = false;
        try {
          results[i] = (*batch[i]->fn)(repos);
        } catch (const SqlError& e) {
          results[i] = Unavailable(e);
          conflict = e.kind() == SqlError::Kind::kConflict;
        } catch (const std::exception& e) {
          results[i] = Error::Internal(e.what());
        }
        conn.Exec(results[i].ok() ? "RELEASE job" : "ROLLBACK TO job; RELEASE job");
        if (!conflict || attempt == kConflictAttempts) break;
      }
    }
    conn.Exec("COMMIT");
  } catch (const SqlError& e) {
    // The transaction is gone: nothing of this batch was written.
    try {
      if (writer_conn_ && !writer_conn_->Broken()) writer_conn_->Exec("ROLLBACK");
    } catch (const SqlError&) {
    }
    for (auto& r : results) r = Unavailable(e);
  }
  for (size_t i = 0; i < batch.size(); ++i) batch[i]->done.set_value(std::move(results[i]));
}

}  // namespace textura::storage
