#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/ai/employee.h"
#include "core/ports/clock.h"
#include "core/ports/event_sink.h"
#include "core/ports/store.h"
#include "core/result.h"
#include "core/support/business_calendar.h"
#include "core/support/sla_policy.h"
#include "core/user.h"

namespace textura::services {

// GET /support/queue parameters as received; the service validates them.
struct QueueInput {
  std::optional<std::string> needs_reply{};  // true | false
  std::optional<std::string> overdue{};
  std::optional<std::string> due_today{};
  std::optional<std::string> category{};
  std::optional<std::string> status{};  // all | on_customer | done
  std::optional<std::string> account_id{};
  std::optional<std::string> assignee_id{};  // <id> | me | none
  std::optional<std::string> q{};
  std::optional<std::string> limit{};
  std::optional<std::string> cursor{};
};

struct QueuePage {
  std::vector<core::TicketView> items;
  std::optional<std::string> next_cursor;
};

// GET /support/accounts/{id}: the account, its people, recent tickets, its AI
// employees (not deleted, by name) and its ledger balance.
struct AccountContext {
  core::Account account;
  std::vector<core::User> users;
  std::vector<core::TicketView> tickets;
  std::vector<core::Employee> employees;
  std::int64_t balance_minor = 0;
};

inline constexpr int kAccountRecentTickets = 20;
inline constexpr int kMaxHistoryListed = 500;

// The support team's queue, the account context, the ticket history, and the SLA
// breach job. Every call but CheckBreaches is staff only (kForbidden for customers).
// Thread-safe.
class ConsoleService {
 public:
  // The SLA policy in force (admins edit it): read on every call that needs it.
  using PolicyFn = std::function<std::shared_ptr<const core::support::SlaPolicy>()>;

  ConsoleService(core::Store& store, const core::Clock& clock, core::EventSink& events,
                 PolicyFn policy);

  core::Result<QueuePage> Queue(const core::Principal& who, const QueueInput& input);
  core::Result<core::QueueCounts> Summary(const core::Principal& who);
  core::Result<AccountContext> Account(const core::Principal& who, core::AccountId id);
  core::Result<std::vector<core::support::HistoryEntry>> History(const core::Principal& who,
                                                                 core::TicketId id);

  // Records one sla_breached history entry per ticket whose reply came due unanswered
  // (once per due instant, whichever instance gets there first) and reports
  // kSlaBreached for each newly recorded one. Returns how many were recorded.
  int CheckBreaches();

 private:
  core::Store& store_;
  const core::Clock& clock_;
  core::EventSink& events_;
  const PolicyFn policy_;
};

}  // namespace textura::services
