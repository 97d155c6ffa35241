#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/ai/chat.h"
#include "core/ai/employee.h"
#include "core/ports/clock.h"
#include "core/ports/event_sink.h"
#include "core/ports/store.h"
#include "core/ports/word_counter.h"
#include "core/result.h"
#include "core/user.h"
#include "services/reply_engine.h"

namespace textura::services {

struct ChatLimits {
  int max_client_messages_per_minute = 20;  // per chat; more → kRateLimited
};

// Query parameters as received; the service validates them.
struct ListChatsInput {
  std::optional<std::string> employee_id{};
  std::optional<std::string> source{};
  std::optional<std::string> from{};
  std::optional<std::string> to{};
  std::optional<std::string> needs_human{};
  std::optional<std::string> q{};
  std::optional<std::string> limit{};
  std::optional<std::string> cursor{};
};

struct ChatPage {
  std::vector<core::Chat> items;
  std::optional<std::string> next_cursor;
};

struct ChatMessagePage {
  std::vector<core::ChatMessage> items;
  std::optional<std::string> next_cursor;
};

inline constexpr std::size_t kMaxChatMessageLength = 4000;
inline constexpr std::chrono::hours kChatReadAuditWindow{1};

// Chats and their messages. The account's users read and write their chats; staff
// read any account's (writes: kForbidden); another account's chat is kNotFound. A
// client message schedules the AI reply (ReplyEngine). Operators take a chat over,
// write in it, and release it back to the AI. Thread-safe.
class ChatService {
 public:
  ChatService(core::Store& store, const core::Clock& clock, core::EventSink& events,
              const core::WordCounter& words, ReplyEngine& replies, ChatLimits limits);

  // A new playground chat with the employee; its greeting (if any) is the first
  // message, free of charge.
  core::Result<core::Chat> StartPlayground(const core::Principal& who, core::EmployeeId employee);
  core::Result<ChatPage> List(const core::Principal& who, const ListChatsInput& input);
  // A staff user opening an account's chat is recorded as `chat.read` in the audit log
  // (same transaction), at most once per staff user and chat per kChatReadAuditWindow
  // in this process, so reloading and polling do not flood the log. Customers'
  // reads are not recorded.
  core::Result<core::Chat> Get(const core::Principal& who, core::ChatId id);
  core::Result<ChatMessagePage> Messages(const core::Principal& who, core::ChatId id,
                                         const std::optional<std::string>& after_id,
                                         const std::optional<std::string>& limit);
  core::Result<core::ChatMessage> GetMessage(const core::Principal& who, core::ChatId chat,
                                             core::ChatMessageId id);
  // The end client's message (in the playground the customer user plays the client).
  core::Result<core::ChatMessage> PostClientMessage(const core::Principal& who, core::ChatId id,
                                                    std::string_view text);
  core::Result<core::Chat> Takeover(const core::Principal& who, core::ChatId id);
  // Needs the chat taken over (status human), else kConflict.
  core::Result<core::ChatMessage> PostOperatorMessage(const core::Principal& who, core::ChatId id,
                                                      std::string_view text);
  // Back to the AI; clears needs_human and the handoff reason.
  core::Result<core::Chat> Release(const core::Principal& who, core::ChatId id);

  // For channels (Telegram, widget): the same rules inside the caller's write, so a
  // channel stores its own bookkeeping (the processed update id) in the same
  // transaction. AppendClientMessage cleans the text and applies the per-chat rate
  // limit as PostClientMessage does; AppendGreeting writes the employee's greeting
  // (free) and returns nullopt when it has none. After the write commits, call
  // Published() with what was stored: it sends the events and schedules the AI reply.
  core::Result<core::ChatMessage> AppendClientMessage(core::Repositories& repos, core::Chat& chat,
                                                      std::string_view text, core::Time now,
                                                      std::optional<core::UserId> user = {});
  std::optional<core::ChatMessage> AppendGreeting(core::Repositories& repos, core::Chat& chat,
                                                  const core::Employee& employee, core::Time now);
  enum class Reply { kSchedule, kNone };
  void Published(const core::Chat& chat, core::ChatMessageId message, Reply reply);

 private:
  core::Result<core::Chat> ChangeStatus(const core::Principal& who, core::ChatId id,
                                        core::ChatStatus status);
  // Claims the (user, chat) audit slot when the last record is older than the window.
  bool ClaimChatReadAudit(core::UserId user, core::ChatId chat, core::Time now);
  void ReleaseChatReadAudit(core::UserId user, core::ChatId chat);

  core::Store& store_;
  const core::Clock& clock_;
  core::EventSink& events_;
  const core::WordCounter& words_;
  ReplyEngine& replies_;
  const ChatLimits limits_;
  std::mutex audit_mutex_;
  std::map<std::pair<core::UserId, core::ChatId>, core::Time> chat_read_audited_;
};

}  // namespace textura::services
