#include "storage/sqlite/sqlite_connection.h"

#include <sqlite3.h>

#include <charconv>
#include <cstring>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace textura::storage {
namespace {

constexpr int kBusyTimeoutMs = 5000;

[[noreturn]] void Fail(sqlite3* db, int rc, std::string_view what) {
  const int ext = db ? sqlite3_extended_errcode(db) : rc;
  auto kind = SqlError::Kind::kOther;
  if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY) {
    kind = SqlError::Kind::kUniqueViolation;
  } else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    kind = SqlError::Kind::kBusy;
  }
  throw SqlError(kind, std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
}

class SqliteRow final : public Row {
 public:
  explicit SqliteRow(sqlite3_stmt* stmt) : stmt_(stmt) {}
  bool IsNull(int col) const override { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::int64_t Int(int col) const override { return sqlite3_column_int64(stmt_, col); }
  double Real(int col) const override { return sqlite3_column_double(stmt_, col); }
  std::string_view Text(int col) const override {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string_view();
  }

 private:
  sqlite3_stmt* stmt_;
};

struct Prepared {
  sqlite3_stmt* stmt = nullptr;
  std::vector<int> param_of_slot;  // SQLite's slot i (1-based) binds $param_of_slot[i-1]
};

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr); rc != SQLITE_OK) {
      std::string msg = "cannot open SQLite database " + path;
      if (db_) {
        msg += std::string(": ") + sqlite3_errmsg(db_);
        sqlite3_close_v2(db_);
        db_ = nullptr;
      }
      throw SqlError(SqlError::Kind::kOther, msg);
    }
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    sqlite3_extended_result_codes(db_, 1);
    Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  }

  ~SqliteConnection() override {
    for (auto& [sql, p] : statements_) sqlite3_finalize(p.stmt);
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  std::int64_t RunSpan(std::string_view sql, std::span<const SqlValue> params,
                       const RowFn& on_row) override {
    Prepared& p = Prepare(sql);
    sqlite3_stmt* stmt = p.stmt;
    struct Reset {
      sqlite3_stmt* s;
      ~Reset() {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
      }
    } reset{stmt};
    const SqlValue* args = params.data();
    for (size_t slot = 0; slot < p.param_of_slot.size(); ++slot) {
      const int index = p.param_of_slot[slot];
      if (index < 1 || static_cast<size_t>(index) > params.size()) {
        throw SqlError(SqlError::Kind::kOther, "missing parameter $" + std::to_string(index));
      }
      Bind(stmt, static_cast<int>(slot) + 1, args[index - 1]);
    }
    SqliteRow row(stmt);
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_ROW) {
        if (on_row) on_row(row);
        continue;
      }
      if (rc == SQLITE_DONE) break;
      Fail(db_, rc, "SQLite statement failed");
    }
    return sqlite3_changes64(db_);
  }

  void Exec(std::string_view script) override {
    char* err = nullptr;
    const std::string text(script);
    if (int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err); rc != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      Fail(db_, rc, "SQLite script failed (" + msg + ")");
    }
  }

 private:
  Prepared& Prepare(std::string_view sql) {
    if (auto it = statements_.find(sql); it != statements_.end()) return it->second;
    Prepared p;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &p.stmt, nullptr);
    if (rc != SQLITE_OK) Fail(db_, rc, "SQLite prepare failed");
    const int slots = sqlite3_bind_parameter_count(p.stmt);
    for (int i = 1; i <= slots; ++i) {
      const char* name = sqlite3_bind_parameter_name(p.stmt, i);
      int index = 0;
      if (name && name[0] == '$') std::from_chars(name + 1, name + std::strlen(name), index);
      p.param_of_slot.push_back(index);
    }
    return statements_.emplace(std::string(sql), p).first->second;
  }

  static void Bind(sqlite3_stmt* stmt, int slot, const SqlValue& v) {
    if (std::holds_alternative<std::int64_t>(v)) {
      sqlite3_bind_int64(stmt, slot, std::get<std::int64_t>(v));
    } else if (std::holds_alternative<double>(v)) {
      sqlite3_bind_double(stmt, slot, std::get<double>(v));
    } else if (std::holds_alternative<std::string_view>(v)) {
      const auto s = std::get<std::string_view>(v);
      sqlite3_bind_text64(stmt, slot, s.data(), s.size(), SQLITE_STATIC, SQLITE_UTF8);
    } else {
      sqlite3_bind_null(stmt, slot);
    }
  }

  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, Prepared, Hash, std::equal_to<>> statements_;
};

}  // namespace

std::unique_ptr<Connection> OpenSqlite(const std::string& path) {
  return std::make_unique<SqliteConnection>(path);
}

}  // namespace textura::storage
