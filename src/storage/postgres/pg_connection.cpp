#include "storage/postgres/pg_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace textura::storage {
namespace {

constexpr std::string_view kUniqueViolation = "23505";
constexpr std::string_view kDeadlockDetected = "40P01";
constexpr std::string_view kSerializationFailure = "40001";

class PgRow final : public Row {
 public:
  PgRow(PGresult* res, int row) : res_(res), row_(row) {}
  bool IsNull(int col) const override { return PQgetisnull(res_, row_, col) != 0; }
  std::int64_t Int(int col) const override {
    const std::string_view t = Text(col);
    std::int64_t v = 0;
    std::from_chars(t.data(), t.data() + t.size(), v);
    return v;
  }
  double Real(int col) const override {
    const std::string_view t = Text(col);
    double v = 0;
    std::from_chars(t.data(), t.data() + t.size(), v);
    return v;
  }
  std::string_view Text(int col) const override {
    return {PQgetvalue(res_, row_, col), static_cast<size_t>(PQgetlength(res_, row_, col))};
  }

 private:
  PGresult* res_;
  int row_;
};

struct ResultGuard {
  PGresult* res;
  ~ResultGuard() { PQclear(res); }
};

class PgConnection final : public Connection {
 public:
  explicit PgConnection(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = std::string("cannot connect to PostgreSQL: ") + PQerrorMessage(conn_);
      PQfinish(conn_);
      throw SqlError(SqlError::Kind::kOther, msg);
    }
    Exec("SET client_min_messages = warning; SET TIME ZONE 'UTC';");
  }
  ~PgConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }
  bool Broken() const override { return PQstatus(conn_) == CONNECTION_BAD; }

  std::int64_t RunSpan(std::string_view sql, std::span<const SqlValue> params,
                       const RowFn& on_row) override {
    const std::string& name = Prepare(sql);
    std::vector<std::string> storage;
    storage.reserve(params.size());
    std::vector<const char*> values;
    std::vector<int> lengths;
    for (const SqlValue& v : params) {
      if (std::holds_alternative<std::monostate>(v)) {
        values.push_back(nullptr);
        lengths.push_back(0);
        continue;
      }
      if (std::holds_alternative<std::int64_t>(v)) {
        storage.push_back(std::to_string(std::get<std::int64_t>(v)));
      } else if (std::holds_alternative<double>(v)) {
        storage.push_back(std::to_string(std::get<double>(v)));
      } else {
        storage.emplace_back(std::get<std::string_view>(v));
      }
      values.push_back(storage.back().c_str());
      lengths.push_back(static_cast<int>(storage.back().size()));
    }
    PGresult* res = PQexecPrepared(conn_, name.c_str(), static_cast<int>(values.size()),
                                   values.data(), lengths.data(), nullptr, 0);
    ResultGuard guard{res};
    Check(res, "PostgreSQL statement failed");
    if (on_row) {
      const int rows = PQntuples(res);
      for (int r = 0; r < rows; ++r) on_row(PgRow(res, r));
    }
    const char* affected = PQcmdTuples(res);
    std::int64_t n = 0;
    std::from_chars(affected, affected + std::strlen(affected), n);
    return n;
  }

  void Exec(std::string_view script) override {
    PGresult* res = PQexec(conn_, std::string(script).c_str());
    ResultGuard guard{res};
    Check(res, "PostgreSQL script failed");
  }

 private:
  const std::string& Prepare(std::string_view sql) {
    if (auto it = names_.find(std::string(sql)); it != names_.end()) return it->second;
    std::string name = "s" + std::to_string(names_.size());
    PGresult* res = PQprepare(conn_, name.c_str(), std::string(sql).c_str(), 0, nullptr);
    ResultGuard guard{res};
    Check(res, "PostgreSQL prepare failed");
    return names_.emplace(std::string(sql), std::move(name)).first->second;
  }

  void Check(PGresult* res, std::string_view what) {
    const auto status = PQresultStatus(res);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    auto kind = SqlError::Kind::kOther;
    if (state && kUniqueViolation == state) kind = SqlError::Kind::kUniqueViolation;
    if (state && (kDeadlockDetected == state || kSerializationFailure == state)) {
      kind = SqlError::Kind::kConflict;
    }
    throw SqlError(kind, std::string(what) + ": " + PQerrorMessage(conn_));
  }

  PGconn* conn_;
  std::unordered_map<std::string, std::string> names_;
};

}  // namespace

std::unique_ptr<Connection> OpenPostgres(const std::string& url) {
  return std::make_unique<PgConnection>(url);
}

}  // namespace textura::storage
