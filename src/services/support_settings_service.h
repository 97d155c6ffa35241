#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/ports/clock.h"
#include "core/ports/store.h"
#include "core/result.h"
#include "core/support/sla_policy.h"
#include "core/user.h"

namespace textura::services {

// PUT /support/sla-settings as received (the handler checks JSON types only).
struct SlaSettingsInput {
  struct Hours {
    std::int64_t weekday = 0;  // 1 = Monday … 7 = Sunday
    std::string start, end;    // "HH:MM"
  };
  struct Target {
    std::string type;  // critical | question | feature_request
    std::int64_t minutes = 0;
    std::string clock;  // calendar | business
  };
  std::string time_zone;
  std::vector<Hours> business_hours;
  std::vector<Target> targets;
  std::int64_t warning_minutes = 0;
};

// One exception of the effective calendar; `source` tells whether it comes from the
// built-in production calendar or an admin's override.
struct CalendarDay {
  std::chrono::year_month_day date;
  std::string kind;  // holiday | workday | default (no exception: the weekday's hours)
  std::string note;
  std::string source;  // built_in | override | none
};

// The SLA settings and calendar admins edit (docs/support-admin.md), and the policy in
// force. The policy is an immutable object swapped whole under a mutex: readers take a
// shared_ptr and keep a consistent policy however long they use it. A save swaps it at
// once in this process; other processes sharing a PostgreSQL database pick it up on
// their next Reload (the runtime calls it every few seconds). Saving also recomputes the
// reply due time of every open ticket the team owes a reply on, in the same transaction.
// Thread-safe.
class SupportSettingsService {
 public:
  // `base` is the calendar file (or the built-in one): holidays, transferred workdays,
  // and the zone and hours used until an admin saves settings.
  SupportSettingsService(core::Store& store, const core::Clock& clock,
                         core::support::BusinessCalendar base);

  // Rebuilds the policy from the database when its version changed (always the first
  // time). An error leaves the current policy in force.
  core::Status Reload();
  std::shared_ptr<const core::support::SlaPolicy> Current() const;

  core::Result<core::support::SlaSettings> Get(const core::Principal& who) const;
  core::Result<core::support::SlaSettings> Update(const core::Principal& who,
                                                  const SlaSettingsInput& input);
  // The effective exceptions of one year (2000–2100), by date.
  core::Result<std::vector<CalendarDay>> Calendar(const core::Principal& who,
                                                  const std::optional<std::string>& year) const;
  // kind: holiday | workday | default (removes the override); note up to 200 characters.
  core::Result<CalendarDay> SetDay(const core::Principal& who, std::string_view date,
                                   std::string_view kind, const std::optional<std::string>& note);

 private:
  // Saves via `change`, rebuilds the policy from what is then stored, recomputes owed
  // due times, all in one write; swaps the policy after the commit.
  core::Status Change(const std::function<core::Status(core::Repositories&)>& change);
  // What is in force, swapped whole.
  struct Snapshot {
    core::support::SlaPolicy policy;
    std::vector<core::support::CalendarOverride> overrides;
    std::int64_t version = -1;
  };
  core::Result<std::shared_ptr<const Snapshot>> Build(const core::StoredSlaConfig& stored) const;
  std::shared_ptr<const Snapshot> Load() const;
  void Swap(std::shared_ptr<const Snapshot> next);
  static CalendarDay DayOf(const Snapshot& snapshot, std::chrono::year_month_day date);

  core::Store& store_;
  const core::Clock& clock_;
  const core::support::BusinessCalendar base_;
  mutable std::mutex mu_;
  std::shared_ptr<const Snapshot> current_;
};

}  // namespace textura::services
