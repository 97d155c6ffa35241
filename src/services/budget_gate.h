#pragma once

#include <optional>
#include <string>

#include "core/ai/chat.h"
#include "core/ai/employee.h"
#include "core/finance/budget.h"
#include "core/ports/store.h"

namespace textura::services {

// A reply's reservation, taken before the responder runs (docs/finance.md).
struct Reservation {
  std::int64_t id = 0;
  std::int64_t amount_minor = 0;
};

struct Admission {
  core::BudgetStop stop = core::BudgetStop::kNone;
  std::optional<Reservation> reservation;  // set when stop is kNone
};

inline constexpr std::int64_t kDefaultReplyCeilingWords = 1000;

// The spending side of the reply path: reserves the most a reply may cost before it
// is written (under the account's lock, so concurrent replies on any instance see each
// other) and, after it, settles: drops the reservation in the transaction that appends
// the charge and fires the cap and balance alerts the charge crossed. Stateless;
// every call runs inside the caller's transaction.
class BudgetGate {
 public:
  explicit BudgetGate(std::int64_t ceiling_words = kDefaultReplyCeilingWords)
      : ceiling_words_(ceiling_words) {}

  // Inside a write transaction. `price` is the employee model's price per 1,000 words.
  Admission Admit(core::Repositories& repos, const core::Chat& chat, const core::Employee& employee,
                  std::int64_t price_per_1000_words, core::Time now) const;
  // Drops the reservation: inside the transaction that stores the reply (or, when that
  // failed, on its own).
  static void Release(core::Repositories& repos, const Reservation& reservation);
  // Inside the transaction that appended a charge of `charge_minor`: records the cap
  // and balance alerts it crossed (each once per budget month).
  void Settle(core::Repositories& repos, core::AccountId account, core::EmployeeId employee,
              std::int64_t charge_minor, core::Time now) const;

  // Records a "replies stopped" notification for the month, once per employee and stop.
  static void NoteStopped(core::Repositories& repos, core::AccountId account,
                          core::EmployeeId employee, core::BudgetStop stop, core::Time now);

 private:
  std::int64_t ceiling_words_;
};

// The polite message a client reads when a cap or the balance stops the employee, in
// the client's language (Russian when their message has Cyrillic letters).
std::string StoppedReplyText(std::string_view client_message);
// Why the chat was flagged, for the account's operators.
std::string StoppedReason(core::BudgetStop stop);

}  // namespace textura::services
