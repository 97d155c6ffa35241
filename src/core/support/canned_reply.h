// Canned replies: templates staff insert into a reply, with placeholders filled in
// from the ticket. Pure types and functions (no I/O).

#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/ids.h"
#include "core/result.h"
#include "core/time.h"

namespace textura::core {
using CannedReplyId = std::int64_t;
}  // namespace textura::core

namespace textura::core::support {

struct CannedReply {
  CannedReplyId id = 0;
  UserId owner_id = 0;
  std::string owner_name;
  std::string title;
  std::string body;
  std::optional<std::string> shortcut;  // unique per owner
  bool shared = false;                  // visible to every agent, editable by the owner
  Time created_at{};
  Time updated_at{};
};

inline constexpr std::size_t kMaxCannedTitleLength = 100;
inline constexpr std::size_t kMaxCannedBodyLength = 5000;
inline constexpr std::size_t kMaxShortcutLength = 32;

// Title: trimmed, 1–100 characters, one line. Body: trimmed, 1–5000, newlines allowed.
Result<std::string> CleanCannedTitle(std::string_view title);
Result<std::string> CleanCannedBody(std::string_view body);
// Shortcut: 1–32 characters of [a-z0-9-_] (no trimming, no case folding).
Result<std::string> CleanShortcut(std::string_view shortcut);

// What the placeholders of a canned reply stand for.
struct PlaceholderValues {
  std::string customer_name;  // the ticket's creator
  TicketId ticket_id = 0;
  std::string ticket_title;
  std::string agent_name;  // who inserts the reply
  std::string account_name;
};

// Replaces {{customer.name}}, {{customer.first_name}}, {{ticket.id}},
// {{ticket.title}}, {{agent.name}} and {{account.name}} (spaces inside the braces are
// allowed: {{ ticket.id }}). Anything else, unknown names and unclosed braces
// included, is left exactly as written. Substituted values are not scanned again.
std::string RenderCanned(std::string_view body, const PlaceholderValues& values);

// The first word of a name ("Anna Petrova" -> "Anna"); the whole trimmed name when it
// has one word.
std::string FirstName(std::string_view full_name);

}  // namespace textura::core::support
