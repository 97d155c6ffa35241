// Response targets of the support desk: when the team's reply to a ticket is due, and
// how that due time looks right now. Pure functions: instants in, instants out (UTC).
// docs/support-sla.md states the rules with worked examples.

#ifndef TEXTURA_CORE_SUPPORT_SLA_H_
#define TEXTURA_CORE_SUPPORT_SLA_H_

#include <chrono>
#include <optional>
#include <span>
#include <string_view>

#include "core/support/business_calendar.h"

namespace textura::core::support {

enum class RequestType { kCritical, kQuestion, kFeatureRequest };

// "critical", "question", "feature_request": the names used on the wire and in storage.
std::string_view ToString(RequestType type);
// Exact, case-sensitive inverse of ToString; nullopt for anything else.
std::optional<RequestType> ParseRequestType(std::string_view text);

enum class TargetClock {
  kWallClock,     // runs around the clock, ignores the calendar
  kBusinessTime,  // runs only inside the calendar's working hours
};

// How long the team has to reply to one request type.
struct ReplyTarget {
  TargetClock clock;
  std::chrono::hours wall_clock{0};  // meaningful for kWallClock
  int business_days = 0;             // meaningful for kBusinessTime
  friend bool operator==(const ReplyTarget&, const ReplyTarget&) = default;
};

// critical: 4 h wall clock; question: 1 business day; feature_request: 2 business days.
// A business day is BusinessCalendar::BusinessDay() of working time (9 h for 10–19), so
// a question asked Monday 15:00 is due Tuesday 15:00.
ReplyTarget ReplyTargetFor(RequestType type);

// The target as a duration on its own clock: wall time, or business time of `calendar`.
std::chrono::seconds TargetDuration(const BusinessCalendar& calendar, RequestType type);

// Which side wrote a message that the SLA looks at. Internal staff notes, system events
// and AI drafts are not messages here; the caller leaves them out.
enum class MessageSide { kCustomer, kTeam };

struct TicketMessage {
  MessageSide side;
  Time at;
};

// The instant the team started owing a reply: the earliest customer message written
// after the latest team message (a team message answers everything up to and including
// its own instant). nullopt when there is no customer message or the team wrote last.
// Order of `messages` does not matter. The caller passes nullopt onward for Done tickets.
std::optional<Time> AwaitingTeamSince(std::span<const TicketMessage> messages);

// When the team's reply is due. The clock runs only while the team owes a reply:
// `awaiting_team_since` is the first customer message the team has not answered
// (see AwaitingTeamSince); nullopt means the team owes nothing and there is no due time.
// critical: since + 4 h. Others: AddBusinessTime(calendar, since, days × BusinessDay()),
// so a message written outside working hours starts counting at the next opening.
std::optional<Time> ComputeReplyDue(const BusinessCalendar& calendar, RequestType type,
                                    std::optional<Time> awaiting_team_since);

enum class SlaState { kOnTrack, kDueSoon, kOverdue };

// "on_track", "due_soon", "overdue".
std::string_view ToString(SlaState state);

// How much time before the due instant counts as "due soon": one hour, measured on the
// request type's own clock (business hour for question/feature_request, wall-clock hour
// for critical).
inline constexpr std::chrono::hours kDueSoonWindow{1};

// The state of a reply due at `due`, seen at `now`: kOverdue once now > due (a reply at
// the due instant is on time); kDueSoon when at most kDueSoonWindow is left on the
// type's clock; kOnTrack otherwise. Over a weekend a question due Monday 10:30 is
// already due soon on Friday 18:45 — only 45 business minutes are left.
SlaState EvaluateSla(const BusinessCalendar& calendar, RequestType type, Time due, Time now);

}  // namespace textura::core::support

#endif  // TEXTURA_CORE_SUPPORT_SLA_H_
