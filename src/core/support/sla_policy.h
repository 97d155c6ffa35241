// The SLA policy in force: the business calendar plus the reply target of each request
// type and the warning window, as admins edit them (docs/support-admin.md). Immutable;
// the service swaps a whole new policy in when an admin saves, so a ticket is never
// computed with half-old, half-new rules. Pure: no clock, no I/O.

#ifndef TEXTURA_CORE_SUPPORT_SLA_POLICY_H_
#define TEXTURA_CORE_SUPPORT_SLA_POLICY_H_

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "core/result.h"
#include "core/support/business_calendar.h"
#include "core/support/sla.h"

namespace textura::core::support {

inline constexpr int kMinTargetMinutes = 1;
inline constexpr int kMaxTargetMinutes = 100000;
inline constexpr int kMaxWarningMinutes = 10000;

// A reply target in minutes on its clock: "calendar" (wall clock) or "business".
struct TargetSetting {
  int minutes = 0;
  TargetClock clock = TargetClock::kBusinessTime;
  friend bool operator==(const TargetSetting&, const TargetSetting&) = default;
};

// "calendar" / "business" and back.
std::string_view ToString(TargetClock clock);
std::optional<TargetClock> ParseTargetClock(std::string_view text);

inline constexpr std::array<RequestType, 3> kRequestTypes = {
    RequestType::kCritical, RequestType::kQuestion, RequestType::kFeatureRequest};

// What admins edit. `targets` is indexed by RequestType's value.
struct SlaSettings {
  std::string zone{kDefaultZone};
  WeeklyHours weekly = DefaultWeeklyHours();
  std::array<TargetSetting, 3> targets{};
  int warning_minutes = 60;

  TargetSetting& target(RequestType type) { return targets[static_cast<int>(type)]; }
  const TargetSetting& target(RequestType type) const { return targets[static_cast<int>(type)]; }
  friend bool operator==(const SlaSettings&, const SlaSettings&) = default;
};

// The built-in settings over `base`: its zone and weekly hours; critical 4 h on the
// wall clock, question one business day, feature_request two (in minutes of the base
// calendar's standard day: 540 and 1080 for 10:00–19:00); warning 60 minutes.
SlaSettings DefaultSlaSettings(const BusinessCalendar& base);

// Checks what an admin sends: the zone exists; every day's hours are a range with start
// before end; at least one working weekday; minutes 1..100000 per target; warning
// 0..10000. Errors are kValidationFailed naming the field (time_zone, business_hours,
// targets.<type>.minutes, warning_minutes).
Status ValidateSlaSettings(const SlaSettings& settings);

// An admin's override of one local date of the calendar.
enum class DayKind { kHoliday, kWorkday };
std::string_view ToString(DayKind kind);
std::optional<DayKind> ParseDayKind(std::string_view text);

struct CalendarOverride {
  std::chrono::year_month_day date;
  DayKind kind = DayKind::kHoliday;
  std::string note;
  friend bool operator==(const CalendarOverride&, const CalendarOverride&) = default;
};

// "YYYY-MM-DD" of a real date, and back.
std::optional<std::chrono::year_month_day> ParseIsoDate(std::string_view text);
std::string FormatIsoDate(std::chrono::year_month_day date);

class SlaPolicy {
 public:
  SlaPolicy(BusinessCalendar calendar, SlaSettings settings)
      : calendar_(std::move(calendar)), settings_(std::move(settings)) {}
  const BusinessCalendar& calendar() const { return calendar_; }
  const SlaSettings& settings() const { return settings_; }
  const TargetSetting& target(RequestType type) const { return settings_.target(type); }
  std::chrono::minutes warning() const { return std::chrono::minutes{settings_.warning_minutes}; }

 private:
  BusinessCalendar calendar_;
  SlaSettings settings_;
};

using PolicyOrError = std::variant<SlaPolicy, CalendarError>;

// The effective policy: `base` (the calendar file: holidays and transferred workdays)
// with the zone and weekly hours of `settings` (defaults of `base` when nullopt), then
// the admin's `overrides`, each replacing whatever the file said about that date
// (a workday override uses the standard hours).
PolicyOrError BuildSlaPolicy(const BusinessCalendar& base,
                             const std::optional<SlaSettings>& settings,
                             std::span<const CalendarOverride> overrides);

// The policy of the built-in defaults over `calendar` (what the calendar alone meant
// before admins could edit targets): identical due times to ComputeReplyDue(calendar,…).
SlaPolicy DefaultSlaPolicy(const BusinessCalendar& calendar);

// When the team's reply is due under `policy`: since + minutes on the wall clock, or
// AddBusinessTime for business targets. nullopt when the team owes nothing.
std::optional<Time> ComputeReplyDue(const SlaPolicy& policy, RequestType type,
                                    std::optional<Time> awaiting_team_since);

// Like EvaluateSla(calendar, …) with the policy's warning window instead of one hour.
SlaState EvaluateSla(const SlaPolicy& policy, RequestType type, Time due, Time now);

// Storage forms (one line each, stable): "1 10:00-19:00;2 10:00-19:00;…" with weekday
// 1 = Monday … 7 = Sunday for working days only, and
// "critical 240 calendar;question 540 business;feature_request 1080 business".
std::string FormatWeeklyHours(const WeeklyHours& weekly);
std::optional<WeeklyHours> ParseWeeklyHours(std::string_view text);
std::string FormatTargets(const std::array<TargetSetting, 3>& targets);
std::optional<std::array<TargetSetting, 3>> ParseTargets(std::string_view text);

// "HH:MM" (00:00..24:00) as minutes after midnight, and back.
std::optional<std::chrono::minutes> ParseClockTime(std::string_view text);
std::string FormatClockTime(std::chrono::minutes minutes);

}  // namespace textura::core::support

#endif  // TEXTURA_CORE_SUPPORT_SLA_POLICY_H_
