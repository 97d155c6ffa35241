#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"
#include "core/result.h"
#include "core/support/sla.h"
#include "core/support/sla_policy.h"
#include "core/time.h"

namespace textura::core::support {

// The seed's two statuses: On Customer (just created, or waiting for the customer)
// and Done (closed, archived, final).
enum class TicketStatus { kOnCustomer, kDone };
std::string_view ToString(TicketStatus status);
std::optional<TicketStatus> ParseTicketStatus(std::string_view text);

// Which side writes a message: customers on the right, the team on the left.
using Side = MessageSide;
std::string_view ToString(Side side);
std::optional<Side> ParseSide(std::string_view text);

struct Ticket {
  TicketId id = 0;
  AccountId account_id = 0;
  UserId created_by = 0;
  std::string title;
  TicketStatus status = TicketStatus::kOnCustomer;
  RequestType category = RequestType::kQuestion;
  std::optional<EmployeeId> employee_id;
  std::optional<std::string> chat_url;
  std::optional<TicketId> follow_up_of;
  Time created_at{};
  Time updated_at{};
  std::optional<Time> closed_at;
  Time last_message_at{};
  int message_count = 0;
  int customer_messages = 0;  // counts per side: unread = other side's count - seen
  int team_messages = 0;
  // Who owes the next message (nullopt once Done) and, when the team does, since when.
  std::optional<Side> awaiting;
  std::optional<Time> awaiting_since;
  std::optional<Time> reply_due_at;  // set while the team owes a reply
};

struct SupportMessage {
  MessageId id = 0;
  TicketId ticket_id = 0;
  UserId author_id = 0;
  std::string author_name;
  Side side = Side::kCustomer;
  std::string body;
  Time created_at{};
};

// Limits of the contract: titles 1–200 characters after trimming, bodies 1–20000
// (a body may be empty when attachments carry the message).
inline constexpr std::size_t kMaxTitleLength = 200;
inline constexpr std::size_t kMaxBodyLength = 20000;
inline constexpr std::size_t kMaxChatUrlLength = 2000;

Result<std::string> CleanTitle(std::string_view title);
enum class Attachments { kNone, kSome };
Result<std::string> CleanBody(std::string_view body, Attachments attachments);
// A link to a conversation: an http(s) URL or an app path such as /chats/123.
Result<std::string> CleanChatUrl(std::string_view url);

// Done is final: kTicketClosed for any change to a Done ticket.
Status CheckOpen(const Ticket& ticket);

// How a new message changes its ticket: counts, last activity, who owes the next
// message, and the reply due time (computed with `calendar`).
void ApplyMessage(Ticket& ticket, Side side, Time at, const BusinessCalendar& calendar);
// The same under an admin-edited policy (targets in minutes on their clock).
void ApplyMessage(Ticket& ticket, Side side, Time at, const SlaPolicy& policy);

// Closes the ticket: Done, nobody owes anything. No-op on a Done ticket.
void Close(Ticket& ticket, Time at);

// Ticket numbers referenced as #123 in a text, in order of first appearance, without
// duplicates. A reference needs a non-word character (or the start) before the '#'
// and a non-digit after the number, so "abc#12" and "#12a" are not references.
std::vector<TicketId> ExtractTicketRefs(std::string_view text);

// Lower-cases Latin (ASCII and Latin-1) and Cyrillic letters so that substring search
// is case-insensitive in both scripts; other characters pass through unchanged.
std::string FoldCase(std::string_view utf8);

}  // namespace textura::core::support
