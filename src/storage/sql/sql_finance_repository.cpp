#include "storage/sql/sql_finance_repository.h"

#include <climits>

#include "storage/sql/row_mapping.h"
#include "storage/sql/sql_employee_repositories.h"

namespace textura::storage {
namespace {

constexpr std::string_view kChatSource = "SELECT source FROM chats WHERE id = $1";
constexpr std::string_view kAddUsage =
    "INSERT INTO usage_hourly (account_id, hour_us, employee_id, channel, model, replies,"
    " ai_words, client_words, cost_minor) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    " ON CONFLICT (account_id, hour_us, employee_id, channel, model) DO UPDATE SET"
    " replies = usage_hourly.replies + excluded.replies,"
    " ai_words = usage_hourly.ai_words + excluded.ai_words,"
    " client_words = usage_hourly.client_words + excluded.client_words,"
    " cost_minor = usage_hourly.cost_minor + excluded.cost_minor";

// The filters of a usage query: $1 account, $2..$3 the hours, $4 employee (-1: any),
// $5 channel ('': any), $6 model ('': any; client words have none, so a model filter
// leaves them out).
#define TEXTURA_USAGE_WHERE                                                     \
  " FROM usage_hourly WHERE account_id = $1 AND hour_us >= $2 AND hour_us < $3" \
  " AND (CAST($4 AS BIGINT) < 0 OR employee_id = $4)"                           \
  " AND (CAST($5 AS TEXT) = '' OR channel = $5) AND (CAST($6 AS TEXT) = '' OR model = $6)"
#define TEXTURA_USAGE_BY(key)                                                             \
  "SELECT (hour_us + CAST($7 AS BIGINT)) / 86400000000 AS day, " key                      \
  ", SUM(replies), SUM(ai_words), SUM(client_words), SUM(cost_minor)" TEXTURA_USAGE_WHERE \
  " GROUP BY 1, 2 ORDER BY 1, 2"
constexpr std::string_view kUsageByEmployee = TEXTURA_USAGE_BY("CAST(employee_id AS TEXT)");
constexpr std::string_view kUsageByChannel = TEXTURA_USAGE_BY("channel");
constexpr std::string_view kUsageByModel = TEXTURA_USAGE_BY("model");
constexpr std::string_view kUsageTotal =
    "SELECT COALESCE(SUM(replies), 0), COALESCE(SUM(ai_words), 0),"
    " COALESCE(SUM(client_words), 0), COALESCE(SUM(cost_minor), 0)" TEXTURA_USAGE_WHERE;
constexpr std::string_view kSpent =
    "SELECT COALESCE(SUM(cost_minor), 0) FROM usage_hourly WHERE account_id = $1"
    " AND hour_us >= $2 AND hour_us < $3 AND (CAST($4 AS BIGINT) = 0 OR employee_id = $4)";

constexpr std::string_view kTopChats =
    "SELECT l.chat_id, c.employee_id, e.name, c.client_name, c.source, COUNT(*),"
    " SUM(l.words), -SUM(l.amount_minor)"
    " FROM ledger_entries l JOIN chats c ON c.id = l.chat_id"
    " JOIN employees e ON e.id = c.employee_id"
    " WHERE l.account_id = $1 AND l.kind = 'charge' AND l.created_at >= $2 AND l.created_at < $3"
    " AND (CAST($4 AS BIGINT) < 0 OR l.employee_id = $4)"
    " AND (CAST($5 AS TEXT) = '' OR c.source = $5) AND (CAST($6 AS TEXT) = '' OR l.model = $6)"
    " GROUP BY l.chat_id, c.employee_id, e.name, c.client_name, c.source"
    " ORDER BY SUM(l.words) DESC, l.chat_id DESC LIMIT $7";

constexpr std::string_view kLedger =
    "SELECT id, account_id, kind, amount_minor, words, model, employee_id, chat_id, message_id,"
    " note, created_at FROM ledger_entries WHERE account_id = $1 AND id < $2"
    " AND (CAST($3 AS TEXT) = '' OR kind = $3) AND (CAST($4 AS BIGINT) < 0 OR employee_id = $4)"
    " AND (CAST($5 AS TEXT) = '' OR chat_id IN"
    " (SELECT id FROM chats WHERE account_id = $1 AND source = $5))"
    " AND created_at >= $6 AND created_at < $7 ORDER BY id DESC LIMIT $8";
constexpr std::string_view kChannels =
    "SELECT DISTINCT source FROM chats WHERE account_id = $1 ORDER BY source";

constexpr std::string_view kCaps =
    "SELECT account_id, employee_id, monthly_cap_minor, updated_at FROM spending_caps"
    " WHERE account_id = $1 ORDER BY employee_id";
constexpr std::string_view kSaveCap =
    "INSERT INTO spending_caps (account_id, employee_id, monthly_cap_minor, updated_at)"
    " VALUES ($1, $2, $3, $4) ON CONFLICT (account_id, employee_id) DO UPDATE SET"
    " monthly_cap_minor = excluded.monthly_cap_minor, updated_at = excluded.updated_at";
constexpr std::string_view kDeleteCap =
    "DELETE FROM spending_caps WHERE account_id = $1 AND employee_id = $2";

constexpr std::string_view kLockAccountPg = "SELECT id FROM accounts WHERE id = $1 FOR UPDATE";
constexpr std::string_view kReserved =
    "SELECT COALESCE(SUM(amount_minor), 0) FROM reply_reservations WHERE account_id = $1"
    " AND (CAST($2 AS BIGINT) = 0 OR employee_id = $2) AND expires_at > $3";
constexpr std::string_view kDropExpired =
    "DELETE FROM reply_reservations WHERE account_id = $1 AND expires_at <= $2";
constexpr std::string_view kReserve =
    "INSERT INTO reply_reservations (account_id, employee_id, chat_id, amount_minor, expires_at)"
    " VALUES ($1, $2, $3, $4, $5) RETURNING id";
constexpr std::string_view kRelease = "DELETE FROM reply_reservations WHERE id = $1";

constexpr std::string_view kSettings =
    "SELECT time_zone, low_balance_minor, low_balance_days FROM finance_settings"
    " WHERE account_id = $1";
constexpr std::string_view kSaveSettings =
    "INSERT INTO finance_settings (account_id, time_zone, low_balance_minor, low_balance_days,"
    " updated_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (account_id) DO UPDATE SET"
    " time_zone = excluded.time_zone, low_balance_minor = excluded.low_balance_minor,"
    " low_balance_days = excluded.low_balance_days, updated_at = excluded.updated_at";

constexpr std::string_view kFireAlert =
    "INSERT INTO finance_alerts (account_id, kind, month, employee_id, threshold, created_at)"
    " VALUES ($1, $2, $3, $4, $5, $6)"
    " ON CONFLICT (account_id, kind, month, employee_id, threshold) DO NOTHING";
constexpr std::string_view kInsertNotification =
    "INSERT INTO notifications (account_id, kind, employee_id, threshold, month, amount_minor,"
    " created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr std::string_view kNotifications =
    "SELECT id, account_id, kind, employee_id, threshold, month, amount_minor, created_at,"
    " read_at FROM notifications WHERE account_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3";
constexpr std::string_view kUnread =
    "SELECT COUNT(*) FROM notifications WHERE account_id = $1 AND read_at IS NULL";
constexpr std::string_view kMarkRead =
    "UPDATE notifications SET read_at = $3 WHERE account_id = $1 AND id <= $2"
    " AND read_at IS NULL";

std::string_view UsageSql(core::UsageDimension d) {
  switch (d) {
    case core::UsageDimension::kChannel:
      return kUsageByChannel;
    case core::UsageDimension::kModel:
      return kUsageByModel;
    case core::UsageDimension::kEmployee:
      break;
  }
  return kUsageByEmployee;
}

core::NotificationKind KindFrom(std::string_view s) {
  if (s == "balance.low") return core::NotificationKind::kBalanceLow;
  if (s == "reply.stopped") return core::NotificationKind::kReplyStopped;
  return core::NotificationKind::kBudgetThreshold;
}

}  // namespace

void AddUsage(Connection& conn, const UsageDelta& d) {
  std::string channel;
  if (d.chat) conn.Run(kChatSource, {*d.chat}, [&](const Row& r) { channel = TextAt(r, 0); });
  conn.Run(kAddUsage,
           {d.account, Micros(core::HourStart(d.at)), d.employee, std::string_view(channel),
            std::string_view(d.model), d.replies, d.ai_words, d.client_words, d.cost_minor});
}

std::vector<core::UsageRow> SqlFinanceRepository::Usage(const core::UsageFilter& f,
                                                        core::UsageDimension dimension,
                                                        std::int64_t offset_us) {
  std::vector<core::UsageRow> out;
  const std::string channel = f.channel.value_or(""), model = f.model.value_or("");
  conn_.Run(UsageSql(dimension),
            {f.account, Micros(f.from), Micros(f.to), f.employee.value_or(-1),
             std::string_view(channel), std::string_view(model), offset_us},
            [&](const Row& r) {
              out.push_back({r.Int(0), TextAt(r, 1), r.Int(2), r.Int(3), r.Int(4), r.Int(5)});
            });
  return out;
}

core::UsageTotals SqlFinanceRepository::UsageTotal(const core::UsageFilter& f) {
  core::UsageTotals t;
  const std::string channel = f.channel.value_or(""), model = f.model.value_or("");
  conn_.Run(kUsageTotal,
            {f.account, Micros(f.from), Micros(f.to), f.employee.value_or(-1),
             std::string_view(channel), std::string_view(model)},
            [&](const Row& r) {
              t = {r.Int(0), r.Int(1), r.Int(2), r.Int(3)};
            });
  return t;
}

std::int64_t SqlFinanceRepository::Spent(core::AccountId account, core::EmployeeId employee,
                                         core::Time from, core::Time to) {
  std::int64_t out = 0;
  conn_.Run(kSpent, {account, Micros(from), Micros(to), employee},
            [&](const Row& r) { out = r.Int(0); });
  return out;
}

std::vector<core::TopChat> SqlFinanceRepository::TopChats(const core::UsageFilter& f, int limit) {
  std::vector<core::TopChat> out;
  const std::string channel = f.channel.value_or(""), model = f.model.value_or("");
  conn_.Run(kTopChats,
            {f.account, Micros(f.from), Micros(f.to), f.employee.value_or(-1),
             std::string_view(channel), std::string_view(model), static_cast<std::int64_t>(limit)},
            [&](const Row& r) {
              out.push_back({r.Int(0), r.Int(1), TextAt(r, 2), TextAt(r, 3), TextAt(r, 4), r.Int(5),
                             r.Int(6), r.Int(7)});
            });
  return out;
}

std::vector<core::LedgerEntry> SqlFinanceRepository::Ledger(const core::LedgerFilter& f) {
  std::vector<core::LedgerEntry> out;
  const std::string kind = f.kind ? std::string(core::ToString(*f.kind)) : std::string();
  const std::string channel = f.channel.value_or("");
  conn_.Run(
      kLedger,
      {f.account, f.before_id > 0 ? f.before_id : INT64_MAX, std::string_view(kind),
       f.employee.value_or(-1), std::string_view(channel), f.from ? Micros(*f.from) : INT64_MIN,
       f.to ? Micros(*f.to) : INT64_MAX, static_cast<std::int64_t>(f.limit)},
      [&](const Row& r) { out.push_back(LedgerEntryFrom(r)); });
  return out;
}

std::vector<std::string> SqlFinanceRepository::Channels(core::AccountId account) {
  std::vector<std::string> out;
  conn_.Run(kChannels, {account}, [&](const Row& r) { out.push_back(TextAt(r, 0)); });
  return out;
}

std::vector<core::SpendingCap> SqlFinanceRepository::Caps(core::AccountId account) {
  std::vector<core::SpendingCap> out;
  conn_.Run(kCaps, {account}, [&](const Row& r) {
    out.push_back({r.Int(0), r.Int(1), r.Int(2), TimeAt(r, 3)});
  });
  return out;
}

void SqlFinanceRepository::SaveCap(const core::SpendingCap& c) {
  conn_.Run(kSaveCap, {c.account, c.employee, c.monthly_cap_minor, Micros(c.updated_at)});
}

bool SqlFinanceRepository::DeleteCap(core::AccountId account, core::EmployeeId employee) {
  return conn_.Run(kDeleteCap, {account, employee}) > 0;
}

void SqlFinanceRepository::LockAccount(core::AccountId account) {
  // SQLite: the write transaction already holds the database's one writer lock.
  if (conn_.dialect() == Dialect::kPostgres)
    conn_.Run(kLockAccountPg, {account}, [](const Row&) {});
}

std::int64_t SqlFinanceRepository::Reserved(core::AccountId account, core::EmployeeId employee,
                                            core::Time now) {
  std::int64_t out = 0;
  conn_.Run(kReserved, {account, employee, Micros(now)}, [&](const Row& r) { out = r.Int(0); });
  return out;
}

std::int64_t SqlFinanceRepository::Reserve(core::AccountId account, core::EmployeeId employee,
                                           core::ChatId chat, std::int64_t amount,
                                           core::Time expires_at) {
  std::int64_t id = 0;
  conn_.Run(kReserve, {account, employee, chat, amount, Micros(expires_at)},
            [&](const Row& r) { id = r.Int(0); });
  return id;
}

void SqlFinanceRepository::Release(std::int64_t reservation) {
  conn_.Run(kRelease, {reservation});
}

core::FinanceSettings SqlFinanceRepository::Settings(core::AccountId account) {
  core::FinanceSettings s;
  conn_.Run(kSettings, {account}, [&](const Row& r) {
    s.time_zone = TextAt(r, 0);
    s.low_balance_minor = OptionalIntAt(r, 1);
    if (!r.IsNull(2)) s.low_balance_days = static_cast<int>(r.Int(2));
  });
  return s;
}

void SqlFinanceRepository::SaveSettings(core::AccountId account, const core::FinanceSettings& s,
                                        core::Time now) {
  std::optional<std::int64_t> days;
  if (s.low_balance_days) days = *s.low_balance_days;
  conn_.Run(kSaveSettings, {account, std::string_view(s.time_zone), Nullable(s.low_balance_minor),
                            Nullable(days), Micros(now)});
}

bool SqlFinanceRepository::FireAlert(core::AccountId account, core::NotificationKind kind,
                                     std::string_view month, core::EmployeeId employee,
                                     int threshold, core::Time now) {
  return conn_.Run(kFireAlert, {account, core::ToString(kind), month, employee,
                                static_cast<std::int64_t>(threshold), Micros(now)}) > 0;
}

core::Notification SqlFinanceRepository::InsertNotification(core::Notification n) {
  std::optional<std::int64_t> threshold;
  if (n.threshold) threshold = *n.threshold;
  conn_.Run(kInsertNotification,
            {n.account, core::ToString(n.kind), Nullable(n.employee), Nullable(threshold),
             std::string_view(n.month), Nullable(n.amount_minor), Micros(n.created_at)},
            [&](const Row& r) { n.id = r.Int(0); });
  return n;
}

std::vector<core::Notification> SqlFinanceRepository::Notifications(core::AccountId account,
                                                                    std::int64_t before_id,
                                                                    int limit) {
  std::vector<core::Notification> out;
  conn_.Run(kNotifications,
            {account, before_id > 0 ? before_id : INT64_MAX, static_cast<std::int64_t>(limit)},
            [&](const Row& r) {
              core::Notification n;
              n.id = r.Int(0);
              n.account = r.Int(1);
              n.kind = KindFrom(r.Text(2));
              n.employee = OptionalIntAt(r, 3);
              if (!r.IsNull(4)) n.threshold = static_cast<int>(r.Int(4));
              if (!r.IsNull(5)) n.month = TextAt(r, 5);
              n.amount_minor = OptionalIntAt(r, 6);
              n.created_at = TimeAt(r, 7);
              n.read_at = OptionalTimeAt(r, 8);
              out.push_back(std::move(n));
            });
  return out;
}

int SqlFinanceRepository::UnreadNotifications(core::AccountId account) {
  int out = 0;
  conn_.Run(kUnread, {account}, [&](const Row& r) { out = static_cast<int>(r.Int(0)); });
  return out;
}

int SqlFinanceRepository::MarkNotificationsRead(core::AccountId account, std::int64_t up_to_id,
                                                core::Time now) {
  return static_cast<int>(conn_.Run(kMarkRead, {account, up_to_id, Micros(now)}));
}

}  // namespace textura::storage
