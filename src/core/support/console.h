// The support team's side of a ticket: internal notes, the ticket's history, and the
// reply clock as staff see it right now. Pure types and functions (no I/O).
// docs/support-console.md describes the rules.

#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/ids.h"
#include "core/result.h"
#include "core/support/business_calendar.h"
#include "core/support/sla_policy.h"
#include "core/support/ticket.h"
#include "core/time.h"

namespace textura::core {
using NoteId = std::int64_t;
using HistoryId = std::int64_t;
}  // namespace textura::core

namespace textura::core::support {

// A staff-only remark on a ticket. Never a message: it does not count in
// message_count/unread_count/last_message_at and never reaches the customer.
struct Note {
  NoteId id = 0;
  TicketId ticket_id = 0;
  UserId author_id = 0;
  std::string author_name;
  std::string body;
  Time created_at{};
};

inline constexpr std::size_t kMaxNoteLength = 20000;
// Notes visible in one ticket at most (GET /tickets/{id}/notes is not paginated).
inline constexpr int kMaxNotesListed = 500;

// A note body: trimmed, 1–20000 characters, newlines allowed.
Result<std::string> CleanNoteBody(std::string_view body);

enum class HistoryKind { kCreated, kAssigned, kUnassigned, kSlaBreached, kClosed, kNoteAdded };
// "created", "assigned", "unassigned", "sla_breached", "closed", "note_added".
std::string_view ToString(HistoryKind kind);
std::optional<HistoryKind> ParseHistoryKind(std::string_view text);

// String key/value pairs of a history entry, in insertion order.
using HistoryDetails = std::vector<std::pair<std::string, std::string>>;

struct HistoryEntry {
  HistoryId id = 0;
  TicketId ticket_id = 0;
  HistoryKind kind = HistoryKind::kCreated;
  std::optional<UserId> actor_id;  // nullopt: the system (auto-assignment, the SLA job)
  std::string actor_name;
  HistoryDetails details;
  Time created_at{};
  // For kSlaBreached: the due instant that passed. One entry per (ticket, due instant).
  std::optional<Time> breach_due_at;
};

// Details as one storable string and back. Any bytes survive the round trip;
// DecodeHistoryDetails skips malformed lines rather than failing.
std::string EncodeHistoryDetails(const HistoryDetails& details);
HistoryDetails DecodeHistoryDetails(std::string_view text);

// The reply clock as staff see it: ok, warning (due within kDueSoonWindow on the
// request type's clock) or breached (past due).
enum class SlaLevel { kOk, kWarning, kBreached };
std::string_view ToString(SlaLevel level);

struct SlaSnapshot {
  SlaLevel state = SlaLevel::kOk;
  Time due_at{};
  // Time left on the type's own clock (business time for question/feature_request,
  // wall time for critical); negative once overdue (how long overdue on that clock).
  std::int64_t business_seconds_left = 0;
};

// nullopt while the team owes no reply (no reply_due_at).
std::optional<SlaSnapshot> SnapshotSla(const SlaPolicy& policy, const Ticket& ticket, Time now);
// Under the built-in targets over `calendar`.
std::optional<SlaSnapshot> SnapshotSla(const BusinessCalendar& calendar, const Ticket& ticket,
                                       Time now);

// The first instant of the next local day in the calendar's zone ("due today" means
// due before it).
Time EndOfLocalDay(const BusinessCalendar& calendar, Time now);

}  // namespace textura::core::support
