#include "services/billing_service.h"

#include "core/numbers.h"
#include "core/page.h"
#include "core/validation.h"
#include "services/access.h"
#include "services/audit_service.h"

namespace textura::services {

using core::Error;
using core::ErrorCode;
using core::Result;

core::LedgerEntry SignupCredit(core::AccountId account, std::int64_t amount_minor, core::Time now) {
  core::LedgerEntry e;
  e.account_id = account;
  e.kind = core::LedgerKind::kTopUp;
  e.amount_minor = amount_minor;
  e.note = "Signup credit";
  e.created_at = now;
  return e;
}

Result<BalanceView> BillingService::Balance(const core::Principal& who) {
  auto account = OwnAccount(who);
  if (!account) return std::move(account).error();
  const core::Time month = core::MonthStart(clock_.Now());
  return core::ReadValue<BalanceView>(
      store_, [&](core::Repositories& repos) -> Result<BalanceView> {
        const core::LedgerTotals t = repos.ledger().Totals(*account, month);
        return BalanceView{t.balance_minor, t.words_since, t.spent_since_minor};
      });
}

Result<LedgerPage> BillingService::Ledger(const core::Principal& who,
                                          const std::optional<std::string>& limit_text,
                                          const std::optional<std::string>& cursor) {
  auto account = OwnAccount(who);
  if (!account) return std::move(account).error();
  auto limit = core::ParsePageLimit(limit_text);
  if (!limit) return std::move(limit).error();
  core::LedgerEntryId before = 0;
  if (cursor && !cursor->empty()) {
    const auto v = core::ParseInt64(*cursor);
    if (!v || *v <= 0) return Error::Validation("cursor", "is not a cursor from this list");
    before = *v;
  }
  return core::ReadValue<LedgerPage>(store_, [&](core::Repositories& repos) -> Result<LedgerPage> {
    LedgerPage page;
    page.items = repos.ledger().List(*account, before, core::FetchCount(*limit));
    page.next_cursor =
        core::TakePage(page.items, *limit, [](const auto& row) { return std::to_string(row.id); });
    return page;
  });
}

Result<core::LedgerEntry> BillingService::TopUp(const core::Principal& who, core::AccountId account,
                                                std::int64_t amount, std::string_view note) {
  if (auto s = Require(who, Capability::kStaff); !s) return std::move(s).error();
  if (amount < 1 || amount > kMaxTopUpMinor) {
    return Error::Validation("amount_minor", "must be an integer from 1 to 1000000000 kopecks");
  }
  auto cleaned = core::CleanText("note", note, 0, 500);
  if (!cleaned) return std::move(cleaned).error();
  const core::Time now = clock_.Now();
  return core::WriteValue<core::LedgerEntry>(
      store_, [&](core::Repositories& repos) -> Result<core::LedgerEntry> {
        if (!repos.accounts().Find(account)) {
          return Error::NotFound("Account " + std::to_string(account) + " was not found.");
        }
        core::LedgerEntry e;
        e.account_id = account;
        e.kind = core::LedgerKind::kTopUp;
        e.amount_minor = amount;
        e.note = cleaned->empty() ? "Top-up by " + who.user.name : *cleaned;
        e.created_at = now;
        RecordAudit(repos, who.user, core::audit::kBalanceToppedUp, {.account_id = account},
                    {{"amount_minor", std::to_string(amount)}, {"note", e.note}}, now);
        return repos.ledger().Append(std::move(e));
      });
}

}  // namespace textura::services
