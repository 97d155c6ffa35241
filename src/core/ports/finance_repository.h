#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/ai/chat.h"
#include "core/finance/budget.h"
#include "core/finance/days.h"

namespace textura::core {

// What a usage or ledger query covers: one account, [from, to), optional filters.
struct UsageFilter {
  AccountId account = 0;
  Time from{};
  Time to{};
  std::optional<EmployeeId> employee;
  std::optional<std::string> channel;  // a chat's source: "playground", "telegram", …
  std::optional<std::string> model;
};

enum class UsageDimension { kEmployee, kChannel, kModel };

// The usage of one local day and one key of the dimension (employee id as text, the
// channel, the model; client words have the model "").
struct UsageRow {
  LocalDay day = 0;
  std::string key;
  std::int64_t replies = 0;
  std::int64_t ai_words = 0;
  std::int64_t client_words = 0;
  std::int64_t cost_minor = 0;
};

struct UsageTotals {
  std::int64_t replies = 0;
  std::int64_t ai_words = 0;
  std::int64_t client_words = 0;
  std::int64_t cost_minor = 0;
};

struct TopChat {
  ChatId chat_id = 0;
  EmployeeId employee_id = 0;
  std::string employee_name;
  std::string client_name;
  std::string channel;
  std::int64_t replies = 0;
  std::int64_t ai_words = 0;
  std::int64_t cost_minor = 0;
};

struct LedgerFilter {
  AccountId account = 0;
  std::optional<LedgerKind> kind;
  std::optional<EmployeeId> employee;
  std::optional<std::string> channel;
  std::optional<Time> from;
  std::optional<Time> to;
  LedgerEntryId before_id = 0;  // 0: from the newest
  int limit = 20;
};

struct SpendingCap {
  AccountId account = 0;
  EmployeeId employee = 0;  // 0: the whole account
  std::int64_t monthly_cap_minor = 0;
  Time updated_at{};
};

struct FinanceSettings {
  std::string time_zone{"Europe/Moscow"};
  std::optional<std::int64_t> low_balance_minor;
  std::optional<int> low_balance_days;
};

enum class NotificationKind { kBudgetThreshold, kBalanceLow, kReplyStopped };
std::string_view ToString(NotificationKind kind);

// An in-app notification for the account's users (and the webhook payload of the
// integrations issue: budget.threshold_reached, balance.low).
struct Notification {
  std::int64_t id = 0;
  AccountId account = 0;
  NotificationKind kind = NotificationKind::kBudgetThreshold;
  std::optional<EmployeeId> employee;        // an employee's cap (or the stopped employee)
  std::optional<int> threshold;              // percent of the cap
  std::string month;                         // "2026-12"
  std::optional<std::int64_t> amount_minor;  // the cap, or the balance
  Time created_at{};
  std::optional<Time> read_at;
};

// Usage, caps, reservations, alerts and notifications of accounts (docs/finance.md).
class FinanceRepository {
 public:
  virtual ~FinanceRepository() = default;

  // Usage per local day of one UTC offset span: days = (hour + offset_us) / 1 day.
  virtual std::vector<UsageRow> Usage(const UsageFilter& filter, UsageDimension dimension,
                                      std::int64_t offset_us) = 0;
  virtual UsageTotals UsageTotal(const UsageFilter& filter) = 0;
  // Charges of [from, to) (positive), from the usage table; `employee` 0: all.
  virtual std::int64_t Spent(AccountId account, EmployeeId employee, Time from, Time to) = 0;
  // Chats by AI words charged over the filter's period, most first.
  virtual std::vector<TopChat> TopChats(const UsageFilter& filter, int limit) = 0;
  // Newest first; `limit` rows at most.
  virtual std::vector<LedgerEntry> Ledger(const LedgerFilter& filter) = 0;
  // Which channels the account's chats use (for filter validation and menus).
  virtual std::vector<std::string> Channels(AccountId account) = 0;

  virtual std::vector<SpendingCap> Caps(AccountId account) = 0;
  virtual void SaveCap(const SpendingCap& cap) = 0;
  virtual bool DeleteCap(AccountId account, EmployeeId employee) = 0;

  // Serialises reservations of one account across connections and instances
  // (PostgreSQL: the account row FOR UPDATE; SQLite has one writer).
  virtual void LockAccount(AccountId account) = 0;
  // Live reservations (expires_at > now); `employee` 0: the whole account.
  virtual std::int64_t Reserved(AccountId account, EmployeeId employee, Time now) = 0;
  virtual std::int64_t Reserve(AccountId account, EmployeeId employee, ChatId chat,
                               std::int64_t amount_minor, Time expires_at) = 0;
  virtual void Release(std::int64_t reservation) = 0;

  virtual FinanceSettings Settings(AccountId account) = 0;
  virtual void SaveSettings(AccountId account, const FinanceSettings& settings, Time now) = 0;

  // Records that an alert fired; false when it had already fired (once per key).
  virtual bool FireAlert(AccountId account, NotificationKind kind, std::string_view month,
                         EmployeeId employee, int threshold, Time now) = 0;
  virtual Notification InsertNotification(Notification n) = 0;
  virtual std::vector<Notification> Notifications(AccountId account, std::int64_t before_id,
                                                  int limit) = 0;
  virtual int UnreadNotifications(AccountId account) = 0;
  // Marks every notification up to `up_to_id` read; returns how many changed.
  virtual int MarkNotificationsRead(AccountId account, std::int64_t up_to_id, Time now) = 0;
};

}  // namespace textura::core
