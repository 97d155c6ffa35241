#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace textura::core {

// Budgets that cap (docs/finance.md). Pure arithmetic over what storage read inside
// the reservation's transaction; no I/O.

// The most words a reply may be charged for before it is written: the employee's
// reply-length limit, else the configured ceiling. The knowledge responder cuts its
// replies to the limit; an LLM is asked for it (and max_tokens), so a reply beyond it
// is the provider's fault and is still charged by its words (the documented worst case).
std::int64_t ReservationWords(int reply_word_limit, std::int64_t ceiling_words);

// What one reply may cost at most, rounded like a charge; nullopt on overflow.
std::optional<std::int64_t> ReservationMinor(int reply_word_limit, std::int64_t ceiling_words,
                                             std::int64_t price_per_1000_words);

// Why a reply is refused before it is written.
enum class BudgetStop { kNone, kBalance, kAccountCap, kEmployeeCap };
std::string_view ToString(BudgetStop stop);

// What the admission reads, all in kopecks, inside one serialised transaction.
struct BudgetState {
  std::int64_t balance_minor = 0;              // SUM of the ledger
  std::int64_t account_reserved_minor = 0;     // live reservations of the account
  std::int64_t account_spent_month_minor = 0;  // charges this budget month
  std::optional<std::int64_t> account_cap_minor;
  std::int64_t employee_reserved_minor = 0;
  std::int64_t employee_spent_month_minor = 0;
  std::optional<std::int64_t> employee_cap_minor;
};

// A reply may start while what is spent plus what is reserved is still BELOW each cap
// (and the balance less the reservations is above zero). Every admission happens
// under the account's lock and sees every earlier reservation, so all admitted
// replies but the last fit under the cap: the cap is overshot by at most the last
// reply's reservation — one reply — however many replies run at once, on however
// many instances. Checked in order: balance, account cap, employee cap.
BudgetStop Admit(const BudgetState& state);

// A monthly cap: 1 kopeck .. 10^11 kopecks (1 billion roubles).
inline constexpr std::int64_t kMaxCapMinor = 100'000'000'000;
bool ValidCap(std::int64_t cap_minor);

// Alert thresholds of a cap, in percent; each fires once per budget month.
inline constexpr int kCapThresholds[] = {50, 80, 100};

// The thresholds crossed when spending goes from `before` to `after` under `cap`
// (before < t% ≤ after), ascending.
std::vector<int> CrossedThresholds(std::int64_t before_minor, std::int64_t after_minor,
                                   std::int64_t cap_minor);

// How many whole days `balance` lasts at the average daily spending of the last
// `window_days` (`spent_in_window` kopecks); nullopt when nothing was spent (it lasts
// indefinitely); 0 at a balance ≤ 0.
std::optional<std::int64_t> ForecastDays(std::int64_t balance_minor,
                                         std::int64_t spent_in_window_minor, int window_days);

// Whether the balance is "low": below `below_minor` when set, or lasting fewer than
// `below_days` days of the forecast when set.
bool BalanceLow(std::int64_t balance_minor, std::optional<std::int64_t> forecast_days,
                std::optional<std::int64_t> below_minor, std::optional<int> below_days);

}  // namespace textura::core
