#include "core/finance/budget.h"

#include "core/ai/charge.h"

namespace textura::core {

std::int64_t ReservationWords(int reply_word_limit, std::int64_t ceiling_words) {
  if (reply_word_limit > 0) return reply_word_limit;
  return ceiling_words > 0 ? ceiling_words : 0;
}

std::optional<std::int64_t> ReservationMinor(int reply_word_limit, std::int64_t ceiling_words,
                                             std::int64_t price_per_1000_words) {
  return ChargeMinor(ReservationWords(reply_word_limit, ceiling_words), price_per_1000_words);
}

std::string_view ToString(BudgetStop stop) {
  switch (stop) {
    case BudgetStop::kNone:
      return "none";
    case BudgetStop::kBalance:
      return "balance";
    case BudgetStop::kAccountCap:
      return "account_cap";
    case BudgetStop::kEmployeeCap:
      return "employee_cap";
  }
  return "none";
}

BudgetStop Admit(const BudgetState& s) {
  if (s.balance_minor - s.account_reserved_minor <= 0) return BudgetStop::kBalance;
  if (s.account_cap_minor &&
      s.account_spent_month_minor + s.account_reserved_minor >= *s.account_cap_minor) {
    return BudgetStop::kAccountCap;
  }
  if (s.employee_cap_minor &&
      s.employee_spent_month_minor + s.employee_reserved_minor >= *s.employee_cap_minor) {
    return BudgetStop::kEmployeeCap;
  }
  return BudgetStop::kNone;
}

bool ValidCap(std::int64_t cap_minor) {
  return cap_minor >= 1 && cap_minor <= kMaxCapMinor;
}

std::vector<int> CrossedThresholds(std::int64_t before, std::int64_t after, std::int64_t cap) {
  std::vector<int> out;
  if (cap <= 0) return out;
  for (int t : kCapThresholds) {
    // spent ≥ t% of cap ⇔ spent × 100 ≥ t × cap (exact; both fit: cap ≤ 10^11).
    const auto reached = [&](std::int64_t spent) { return spent * 100 >= t * cap; };
    if (!reached(before) && reached(after)) out.push_back(t);
  }
  return out;
}

std::optional<std::int64_t> ForecastDays(std::int64_t balance, std::int64_t spent_in_window,
                                         int window_days) {
  if (balance <= 0) return 0;
  if (spent_in_window <= 0 || window_days <= 0) return std::nullopt;
  // balance / (spent / days), floored: whole days it surely lasts.
  return balance * window_days / spent_in_window;
}

bool BalanceLow(std::int64_t balance, std::optional<std::int64_t> forecast_days,
                std::optional<std::int64_t> below_minor, std::optional<int> below_days) {
  if (below_minor && balance < *below_minor) return true;
  return below_days && forecast_days && *forecast_days < *below_days;
}

}  // namespace textura::core
