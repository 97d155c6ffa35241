#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace textura::storage {

enum class Dialect { kSqlite, kPostgres };

// A statement parameter. Views must stay valid for the duration of the call.
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string_view>;
inline constexpr std::monostate kNull{};

// One result row; valid only inside the row callback.
class Row {
 public:
  virtual ~Row() = default;
  virtual bool IsNull(int col) const = 0;
  virtual std::int64_t Int(int col) const = 0;
  virtual double Real(int col) const = 0;
  virtual std::string_view Text(int col) const = 0;
};
using RowFn = std::function<void(const Row&)>;

// A driver failure. Repositories turn the expected ones (unique violations) into
// error values; the rest propagate to Database, which reports them as kUnavailable.
class SqlError : public std::runtime_error {
 public:
  // kConflict: PostgreSQL aborted the statement for a deadlock (40P01) or a
  // serialization failure (40001); run again, it may well succeed.
  enum class Kind { kOther, kUniqueViolation, kBusy, kConflict };
  SqlError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// One database connection. Not thread-safe: used by one thread at a time.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one statement with $1..$n parameters, calling `on_row` per result row.
  // Returns the number of rows changed. Statements are prepared once per connection.
  std::int64_t Run(std::string_view sql, std::initializer_list<SqlValue> params = {},
                   const RowFn& on_row = {}) {
    return RunSpan(sql, std::span<const SqlValue>(params.begin(), params.size()), on_row);
  }
  // The same with a parameter list built at run time.
  std::int64_t RunArgs(std::string_view sql, const std::vector<SqlValue>& params,
                       const RowFn& on_row = {}) {
    return RunSpan(sql, std::span<const SqlValue>(params), on_row);
  }
  // What both call: the driver's statement execution.
  virtual std::int64_t RunSpan(std::string_view sql, std::span<const SqlValue> params,
                               const RowFn& on_row) = 0;
  // Runs a script of statements without parameters (migrations, BEGIN/COMMIT).
  virtual void Exec(std::string_view script) = 0;
  // True once the connection is unusable (e.g. the server went away): drop it.
  virtual bool Broken() const { return false; }
};

}  // namespace textura::storage
