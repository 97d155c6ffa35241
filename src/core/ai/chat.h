#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ai/responder.h"
#include "core/ids.h"
#include "core/time.h"

namespace textura::core {

using ChatId = std::int64_t;
using ChatMessageId = std::int64_t;
using LedgerEntryId = std::int64_t;

inline constexpr std::string_view kPlaygroundSource = "playground";
inline constexpr std::string_view kTelegramSource = "telegram";  // docs/channels.md
inline constexpr std::string_view kCurrency = "RUB";

// Who answers in a chat: the AI employee, or a person who took it over.
enum class ChatStatus { kAi, kHuman };
std::string_view ToString(ChatStatus status);

// A conversation: one employee and one end client on one source.
struct Chat {
  ChatId id = 0;
  AccountId account_id = 0;
  EmployeeId employee_id = 0;
  std::string employee_name;  // read through the employee (also once it is deleted)
  std::string source{kPlaygroundSource};
  ChatStatus status = ChatStatus::kAi;
  bool needs_human = false;
  std::optional<std::string> handoff_reason;
  std::string client_name;
  int message_count = 0;
  Time last_message_at{};
  Time created_at{};
  // Whether the "balance is zero" notice has been written since the last reply, so
  // a client writing on at zero balance sees it once.
  bool balance_notice = false;
};

enum class AuthorKind { kClient, kEmployee, kOperator, kSystem };
std::string_view ToString(AuthorKind kind);

struct ChatMessage {
  ChatMessageId id = 0;
  ChatId chat_id = 0;
  AuthorKind author = AuthorKind::kClient;
  std::string author_name;
  std::optional<UserId> user_id;  // operators (and playground clients): who wrote it
  std::string text;
  Time created_at{};
  std::int64_t words = 0;
  std::optional<std::int64_t> cost_minor;  // AI messages only
  std::vector<KnowledgePassage> passages;  // AI messages: what was retrieved
};

enum class LedgerKind { kCharge, kTopUp };
std::string_view ToString(LedgerKind kind);

// One line of an account's ledger. The balance is the sum of amounts; rows are never
// changed or deleted.
struct LedgerEntry {
  LedgerEntryId id = 0;
  AccountId account_id = 0;
  LedgerKind kind = LedgerKind::kCharge;
  std::int64_t amount_minor = 0;  // negative for charges
  std::int64_t words = 0;
  std::optional<std::string> model;
  std::optional<EmployeeId> employee_id;
  std::optional<ChatId> chat_id;
  std::optional<ChatMessageId> message_id;
  std::string note;
  Time created_at{};
};

// The start of the UTC calendar month holding `t` (for "this month" figures).
Time MonthStart(Time t);

}  // namespace textura::core
