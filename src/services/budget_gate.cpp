#include "services/budget_gate.h"

#include <chrono>

#include "core/ai/employee.h"
#include "core/finance/days.h"
#include "core/integrations/notification_payload.h"
#include "core/validation.h"

namespace textura::services {
namespace {

// A reply that takes longer than this (its instance died) stops holding money.
constexpr auto kReservationLifetime = std::chrono::minutes(15);
constexpr int kForecastWindowDays = 7;

const date::time_zone* ZoneOf(const core::FinanceSettings& s) {
  const auto* zone = core::support::FindTimeZone(s.time_zone);
  return zone ? zone : core::support::FindTimeZone("Europe/Moscow");
}

struct Month {
  core::Time start;
  core::Time end;
  std::string key;
};

Month MonthOf(const date::time_zone* zone, core::Time now) {
  const core::LocalDay first = core::MonthFirstDay(core::LocalDayOf(zone, now));
  const core::LocalDay next = core::MonthFirstDay(first + 31);
  return {core::DayStart(zone, first), core::DayStart(zone, next), core::MonthKey(first)};
}

std::optional<std::int64_t> CapOf(const std::vector<core::SpendingCap>& caps,
                                  core::EmployeeId employee) {
  for (const auto& c : caps) {
    if (c.employee == employee) return c.monthly_cap_minor;
  }
  return std::nullopt;
}

void Notify(core::Repositories& repos, core::AccountId account, core::NotificationKind kind,
            std::optional<core::EmployeeId> employee, std::optional<int> threshold,
            const std::string& month, std::optional<std::int64_t> amount, core::Time now) {
  core::Notification n;
  n.account = account;
  n.kind = kind;
  n.employee = employee;
  n.threshold = threshold;
  n.month = month;
  n.amount_minor = amount;
  n.created_at = now;
  const core::Notification stored = repos.finance().InsertNotification(std::move(n));
  // The webhook of the alert (docs/integrations.md), in the same transaction.
  if (kind == core::NotificationKind::kBudgetThreshold ||
      kind == core::NotificationKind::kBalanceLow) {
    repos.webhooks().Publish(account, "msg_notification_" + std::to_string(stored.id),
                             core::ToString(kind), core::NotificationPayload(stored), now);
  }
}

}  // namespace

Admission BudgetGate::Admit(core::Repositories& repos, const core::Chat& chat,
                            const core::Employee& employee, std::int64_t price,
                            core::Time now) const {
  core::FinanceRepository& finance = repos.finance();
  finance.LockAccount(chat.account_id);
  const Month month = MonthOf(ZoneOf(finance.Settings(chat.account_id)), now);
  const auto caps = finance.Caps(chat.account_id);
  core::BudgetState s;
  s.balance_minor = repos.ledger().Balance(chat.account_id);
  s.account_reserved_minor = finance.Reserved(chat.account_id, 0, now);
  s.account_cap_minor = CapOf(caps, 0);
  if (s.account_cap_minor) {
    s.account_spent_month_minor = finance.Spent(chat.account_id, 0, month.start, month.end);
  }
  s.employee_cap_minor = CapOf(caps, employee.id);
  if (s.employee_cap_minor) {
    s.employee_reserved_minor = finance.Reserved(chat.account_id, employee.id, now);
    s.employee_spent_month_minor =
        finance.Spent(chat.account_id, employee.id, month.start, month.end);
  }
  Admission out;
  out.stop = core::Admit(s);
  if (out.stop != core::BudgetStop::kNone) return out;
  const auto amount = core::ReservationMinor(employee.reply_word_limit, ceiling_words_, price);
  Reservation r;
  r.amount_minor = amount.value_or(core::kMaxCapMinor);
  r.id = finance.Reserve(chat.account_id, employee.id, chat.id, r.amount_minor,
                         now + kReservationLifetime);
  out.reservation = r;
  return out;
}

void BudgetGate::Release(core::Repositories& repos, const Reservation& reservation) {
  repos.finance().Release(reservation.id);
}

void BudgetGate::Settle(core::Repositories& repos, core::AccountId account,
                        core::EmployeeId employee, std::int64_t charge, core::Time now) const {
  core::FinanceRepository& finance = repos.finance();
  if (charge <= 0) return;
  const core::FinanceSettings settings = finance.Settings(account);
  const date::time_zone* zone = ZoneOf(settings);
  const Month month = MonthOf(zone, now);
  const auto caps = finance.Caps(account);
  // The charge is already appended: spent includes it.
  for (const core::EmployeeId subject : {core::EmployeeId{0}, employee}) {
    const auto cap = CapOf(caps, subject);
    if (!cap) continue;
    const std::int64_t after = finance.Spent(account, subject, month.start, month.end);
    for (int t : core::CrossedThresholds(after - charge, after, *cap)) {
      if (finance.FireAlert(account, core::NotificationKind::kBudgetThreshold, month.key, subject,
                            t, now)) {
        Notify(repos, account, core::NotificationKind::kBudgetThreshold,
               subject ? std::optional(subject) : std::nullopt, t, month.key, *cap, now);
      }
    }
  }
  if (!settings.low_balance_minor && !settings.low_balance_days) return;
  const std::int64_t balance = repos.ledger().Balance(account);
  const core::Time window_start = now - std::chrono::days(kForecastWindowDays);
  const auto days = core::ForecastDays(
      balance,
      finance.Spent(account, 0, core::HourStart(window_start), now + std::chrono::hours(1)),
      kForecastWindowDays);
  if (core::BalanceLow(balance, days, settings.low_balance_minor, settings.low_balance_days) &&
      finance.FireAlert(account, core::NotificationKind::kBalanceLow, month.key, 0, 0, now)) {
    Notify(repos, account, core::NotificationKind::kBalanceLow, std::nullopt, std::nullopt,
           month.key, balance, now);
  }
}

void BudgetGate::NoteStopped(core::Repositories& repos, core::AccountId account,
                             core::EmployeeId employee, core::BudgetStop stop, core::Time now) {
  core::FinanceRepository& finance = repos.finance();
  const Month month = MonthOf(ZoneOf(finance.Settings(account)), now);
  const int code = static_cast<int>(stop);
  if (finance.FireAlert(account, core::NotificationKind::kReplyStopped, month.key, employee, code,
                        now)) {
    Notify(repos, account, core::NotificationKind::kReplyStopped, employee, std::nullopt, month.key,
           std::nullopt, now);
  }
}

std::string StoppedReplyText(std::string_view client_message) {
  if (core::HasCyrillic(client_message)) {
    return "Извините, сейчас я не могу ответить. Я передал ваш вопрос коллеге — вам ответят "
           "здесь.";
  }
  return "Sorry, I can't answer right now. I've passed your question to a colleague, who will "
         "reply here.";
}

std::string StoppedReason(core::BudgetStop stop) {
  switch (stop) {
    case core::BudgetStop::kAccountCap:
      return "Replies stopped: the account's monthly spending cap is reached";
    case core::BudgetStop::kEmployeeCap:
      return "Replies stopped: this AI employee's monthly spending cap is reached";
    case core::BudgetStop::kBalance:
    case core::BudgetStop::kNone:
      break;
  }
  return "Replies stopped: the account's balance is zero";
}

}  // namespace textura::services
