#pragma once

#include "core/ports/finance_repository.h"
#include "storage/connection.h"

namespace textura::storage {

class SqlFinanceRepository final : public core::FinanceRepository {
 public:
  explicit SqlFinanceRepository(Connection& conn) : conn_(conn) {}

  std::vector<core::UsageRow> Usage(const core::UsageFilter& filter, core::UsageDimension dimension,
                                    std::int64_t offset_us) override;
  core::UsageTotals UsageTotal(const core::UsageFilter& filter) override;
  std::int64_t Spent(core::AccountId account, core::EmployeeId employee, core::Time from,
                     core::Time to) override;
  std::vector<core::TopChat> TopChats(const core::UsageFilter& filter, int limit) override;
  std::vector<core::LedgerEntry> Ledger(const core::LedgerFilter& filter) override;
  std::vector<std::string> Channels(core::AccountId account) override;

  std::vector<core::SpendingCap> Caps(core::AccountId account) override;
  void SaveCap(const core::SpendingCap& cap) override;
  bool DeleteCap(core::AccountId account, core::EmployeeId employee) override;

  void LockAccount(core::AccountId account) override;
  std::int64_t Reserved(core::AccountId account, core::EmployeeId employee,
                        core::Time now) override;
  std::int64_t Reserve(core::AccountId account, core::EmployeeId employee, core::ChatId chat,
                       std::int64_t amount_minor, core::Time expires_at) override;
  void Release(std::int64_t reservation) override;

  core::FinanceSettings Settings(core::AccountId account) override;
  void SaveSettings(core::AccountId account, const core::FinanceSettings& settings,
                    core::Time now) override;

  bool FireAlert(core::AccountId account, core::NotificationKind kind, std::string_view month,
                 core::EmployeeId employee, int threshold, core::Time now) override;
  core::Notification InsertNotification(core::Notification n) override;
  std::vector<core::Notification> Notifications(core::AccountId account, std::int64_t before_id,
                                                int limit) override;
  int UnreadNotifications(core::AccountId account) override;
  int MarkNotificationsRead(core::AccountId account, std::int64_t up_to_id,
                            core::Time now) override;

 private:
  Connection& conn_;
};

// What one charge or one client message adds to the hourly usage of its chat. Called by
// the ledger (each charge) and the chat repository (each client message) on the same
// connection, inside the transaction that writes the row it sums: the aggregate
// commits or rolls back with it, so it stays exact.
struct UsageDelta {
  core::AccountId account = 0;
  core::Time at{};
  core::EmployeeId employee = 0;
  std::optional<core::ChatId> chat;  // its source is the channel
  std::string model;                 // "" for client words
  std::int64_t replies = 0;
  std::int64_t ai_words = 0;
  std::int64_t client_words = 0;
  std::int64_t cost_minor = 0;
};
void AddUsage(Connection& conn, const UsageDelta& delta);

}  // namespace textura::storage
