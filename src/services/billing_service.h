#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/ai/chat.h"
#include "core/ports/clock.h"
#include "core/ports/store.h"
#include "core/result.h"
#include "core/user.h"

namespace textura::services {

struct BalanceView {
  std::int64_t balance_minor = 0;
  std::int64_t words_this_month = 0;
  std::int64_t spent_this_month_minor = 0;
};

struct LedgerPage {
  std::vector<core::LedgerEntry> items;
  std::optional<std::string> next_cursor;
};

inline constexpr std::int64_t kMaxTopUpMinor = 1'000'000'000;

// The account's money, from its append-only ledger (docs/billing.md): customers read
// their own balance and ledger; staff and admins top up any account. Thread-safe.
class BillingService {
 public:
  BillingService(core::Store& store, const core::Clock& clock) : store_(store), clock_(clock) {}

  core::Result<BalanceView> Balance(const core::Principal& who);
  core::Result<LedgerPage> Ledger(const core::Principal& who,
                                  const std::optional<std::string>& limit,
                                  const std::optional<std::string>& cursor);
  // amount 1..10^9 kopecks; note ≤ 500 characters; kNotFound for an unknown account.
  core::Result<core::LedgerEntry> TopUp(const core::Principal& who, core::AccountId account,
                                        std::int64_t amount_minor, std::string_view note);

 private:
  core::Store& store_;
  const core::Clock& clock_;
};

// The signup credit's ledger entry (a top-up), for the account being created.
core::LedgerEntry SignupCredit(core::AccountId account, std::int64_t amount_minor, core::Time now);

}  // namespace textura::services
