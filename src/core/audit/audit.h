// The audit log of staff actions: who did what to which ticket, account, user or chat.
// Entries are appended inside the same write transaction as the action they record
// (services call RecordAudit in services/audit_service.h) and are never changed.

#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/ids.h"
#include "core/time.h"

namespace textura::core::audit {

// The actions recorded today. Other features add their own names (dotted, lower-case:
// "<resource>.<verb>"), e.g. "ticket.assigned" and "chat.read".
inline constexpr std::string_view kTicketClosed = "ticket.closed";
inline constexpr std::string_view kStaffCreated = "staff.created";
inline constexpr std::string_view kStaffDeactivated = "staff.deactivated";
inline constexpr std::string_view kStaffActivated = "staff.activated";
inline constexpr std::string_view kSlaSettingsUpdated = "sla_settings.updated";
inline constexpr std::string_view kCalendarUpdated = "calendar.updated";
inline constexpr std::string_view kTicketAssigned = "ticket.assigned";
inline constexpr std::string_view kChatRead = "chat.read";
inline constexpr std::string_view kBalanceToppedUp = "balance.topped_up";
inline constexpr std::string_view kSpendingCapUpdated = "spending_cap.updated";
inline constexpr std::string_view kSpendingCapRemoved = "spending_cap.removed";

// What an action was done to; every reference is optional.
struct Refs {
  std::optional<TicketId> ticket_id{};
  std::optional<AccountId> account_id{};
  std::optional<UserId> target_user_id{};
  std::optional<std::int64_t> chat_id{};
};

using Details = std::map<std::string, std::string>;

struct Entry {
  std::int64_t id = 0;
  UserId actor_id = 0;
  std::string actor_name;  // filled in when read
  std::string action;
  Refs refs;
  Details details;
  Time created_at{};
};

// Whether `action` is a plausible action name: 3–64 characters of [a-z0-9_.], with a dot.
bool IsValidAction(std::string_view action);

// Details as stored: one "key=value" per line, with '%', '=' and line breaks escaped as
// %25, %3D, %0A, %0D so any strings round-trip. DecodeDetails skips malformed lines.
std::string EncodeDetails(const Details& details);
Details DecodeDetails(std::string_view text);

}  // namespace textura::core::audit
