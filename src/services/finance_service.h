#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/ai/models.h"
#include "core/ports/clock.h"
#include "core/ports/store.h"
#include "core/result.h"
#include "core/user.h"

namespace textura::services {

// The query string of a Finance request, as given (validated by the service).
struct FinanceQuery {
  std::optional<std::string> account_id;  // staff: whose Finance; customers: their own only
  std::optional<std::string> from;        // YYYY-MM-DD, a local day, inclusive
  std::optional<std::string> to;          // YYYY-MM-DD, inclusive
  std::optional<std::string> employee_id;
  std::optional<std::string> channel;
  std::optional<std::string> model;
  std::optional<std::string> group_by;  // employee | channel | model
  std::optional<std::string> kind;      // ledger: charge | top_up
  std::optional<std::string> limit;
  std::optional<std::string> cursor;
};

struct Period {
  std::string from;  // YYYY-MM-DD
  std::string to;
  std::string time_zone;
};

struct MonthFigures {
  std::string from;
  std::string to;
  core::UsageTotals usage;
};

struct CapView {
  std::optional<core::EmployeeId> employee_id;  // nullopt: the account
  std::string employee_name;
  std::int64_t monthly_cap_minor = 0;
  std::int64_t spent_this_month_minor = 0;
  bool reached = false;
};

struct StopView {
  std::optional<core::EmployeeId> employee_id;  // nullopt: every employee
  std::string reason;                           // balance | account_cap | employee_cap
};

struct FinanceSummary {
  core::AccountId account_id = 0;
  std::string time_zone;
  std::int64_t balance_minor = 0;
  std::int64_t spent_last_7_days_minor = 0;
  std::optional<std::int64_t> forecast_days;
  MonthFigures this_month;
  MonthFigures last_month;
  std::vector<CapView> caps;
  std::vector<StopView> stopped;
  core::FinanceSettings settings;
  int unread_notifications = 0;
};

struct UsageKey {
  std::string key;
  std::string label;
};

struct UsageReport {
  Period period;
  std::string group_by;
  std::vector<std::string> days;  // every day of the period
  std::vector<UsageKey> keys;     // the stacks, by label
  // rows by day index; only days and keys with usage
  std::vector<core::UsageRow> rows;
  core::UsageTotals totals;
};

struct FinanceLedgerPage {
  std::vector<core::LedgerEntry> items;
  std::map<core::ChatId, std::string> channels;  // the chat of each charge → its channel
  std::map<core::EmployeeId, std::string> employee_names;
  std::optional<std::string> next_cursor;
};

struct TopChatsView {
  Period period;
  std::vector<core::TopChat> items;
};

struct NotificationPage {
  std::vector<core::Notification> items;
  std::map<core::EmployeeId, std::string> employee_names;
  int unread = 0;
  std::optional<std::string> next_cursor;
};

inline constexpr int kMaxPeriodDays = 366;

// The Finance section (docs/finance.md): an account's balance, forecast, usage per day,
// ledger, CSV exports, top chats, spending caps, alert settings and notifications.
// Customers read and change their own account's; staff read any account's (read-only,
// `account_id` required). Thread-safe.
class FinanceService {
 public:
  FinanceService(core::Store& store, const core::Clock& clock, const core::ModelCatalog& models)
      : store_(store), clock_(clock), models_(models) {}

  core::Result<FinanceSummary> Summary(const core::Principal& who, const FinanceQuery& q);
  core::Result<UsageReport> Usage(const core::Principal& who, const FinanceQuery& q);
  core::Result<FinanceLedgerPage> Ledger(const core::Principal& who, const FinanceQuery& q);
  core::Result<TopChatsView> TopChats(const core::Principal& who, const FinanceQuery& q);
  // RFC 4180 CSV, UTF-8, a header row; amounts in roubles (two decimals) and kopecks.
  core::Result<std::string> LedgerCsv(const core::Principal& who, const FinanceQuery& q);
  core::Result<std::string> UsageCsv(const core::Principal& who, const FinanceQuery& q);

  // scope "account" or an employee id; customers only; audited.
  core::Result<FinanceSummary> SetCap(const core::Principal& who, std::string_view scope,
                                      std::optional<std::int64_t> monthly_cap_minor);
  core::Result<FinanceSummary> SaveSettings(const core::Principal& who,
                                            const core::FinanceSettings& settings);
  core::Result<NotificationPage> Notifications(const core::Principal& who, const FinanceQuery& q);
  core::Result<int> MarkNotificationsRead(const core::Principal& who, std::int64_t up_to_id);

 private:
  struct Scope;
  core::Result<Scope> Resolve(core::Repositories& repos, const core::Principal& who,
                              const FinanceQuery& q, bool with_period);
  FinanceSummary SummaryOf(core::Repositories& repos, core::AccountId account);

  core::Store& store_;
  const core::Clock& clock_;
  const core::ModelCatalog& models_;
};

}  // namespace textura::services
