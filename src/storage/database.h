#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/ports/store.h"
#include "storage/connection.h"

namespace textura::storage {

struct DatabaseOptions {
  std::size_t max_read_connections = 32;  // PostgreSQL; SQLite readers are cheap
  std::size_t max_batch = 256;            // writes committed together at most
};

// core::Store over SQLite or PostgreSQL.
//
// Reads run on pooled connections on the caller's thread. Writes are handed to one
// writer thread that runs every queued write in one transaction (each in its own
// savepoint, so one failing write does not undo the others) and commits once: one
// fsync for many concurrent requests (group commit). Write() returns when the
// transaction holding its changes has committed.
class Database final : public core::Store {
 public:
  // `url` is sqlite:///abs/path.db, sqlite://relative/path.db, or postgresql://…
  // Throws SqlError when the database cannot be opened.
  static std::unique_ptr<Database> Open(const std::string& url, DatabaseOptions options = {});
  ~Database() override;

  Dialect dialect() const { return dialect_; }
  bool embedded() const { return dialect_ == Dialect::kSqlite; }
  // Applies pending migrations; returns how many ran. Throws SqlError on failure.
  int Migrate();

  core::Status Read(const std::function<core::Status(core::Repositories&)>& fn) override;
  core::Status Write(const std::function<core::Status(core::Repositories&)>& fn) override;

  // Runs `fn` with a raw connection outside the writer (tools, tests, seeding).
  void WithConnection(const std::function<void(Connection&)>& fn);

 private:
  struct Job;
  using Factory = std::function<std::unique_ptr<Connection>()>;
  Database(Dialect dialect, Factory factory, DatabaseOptions options);

  std::unique_ptr<Connection> Acquire();
  void Release(std::unique_ptr<Connection> conn);
  void WriterLoop();
  void RunBatch(std::vector<Job*>& batch);

  const Dialect dialect_;
  const Factory factory_;
  const DatabaseOptions options_;

  std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<Connection>> idle_;  // GUARDED_BY(pool_mutex_)
  std::size_t open_ = 0;                           // GUARDED_BY(pool_mutex_)

  std::mutex queue_mutex_;
  std::condition_variable queue_cv_;
  std::deque<Job*> queue_;  // GUARDED_BY(queue_mutex_)
  bool stopping_ = false;   // GUARDED_BY(queue_mutex_)
  std::unique_ptr<Connection> writer_conn_;
  std::thread writer_;
};

}  // namespace textura::storage
