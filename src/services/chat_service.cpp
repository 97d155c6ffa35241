#include "services/chat_service.h"

#include "core/numbers.h"
#include "core/page.h"
#include "core/support/ticket.h"
#include "core/validation.h"
#include "services/access.h"
#include "services/audit_service.h"
#include "services/chat_append.h"
#include "services/employee_service.h"
#include "services/ticket_service.h"

namespace textura::services {

using core::Chat;
using core::ChatMessage;
using core::Error;
using core::ErrorCode;
using core::Result;

namespace {

Error ChatNotFound(core::ChatId id) {
  return Error::NotFound("Chat " + std::to_string(id) + " was not found.");
}

std::optional<Chat> Visible(core::Repositories& repos, const core::Principal& who,
                            core::ChatId id) {
  auto chat = repos.chats().Find(id);
  if (!chat || !CanSeeAccount(who, chat->account_id)) return std::nullopt;
  return chat;
}

std::string EncodeCursor(const Chat& c) {
  return std::to_string(core::ToMicros(c.last_message_at)) + "_" + std::to_string(c.id);
}

Result<core::ChatCursor> DecodeCursor(std::string_view text) {
  const auto bad = [] { return Error::Validation("cursor", "is not a cursor from this list"); };
  const auto sep = text.find('_');
  if (sep == std::string_view::npos) return bad();
  const auto at = core::ParseInt64(text.substr(0, sep));
  const auto id = core::ParseInt64(text.substr(sep + 1));
  if (!at || !id || *id < 0) return bad();
  return core::ChatCursor{core::FromMicros(*at), *id};
}

Result<core::Time> ParseTime(std::string_view field, const std::string& text) {
  if (auto t = core::ParseRfc3339(text)) return *t;
  return Error::Validation(std::string(field), "must be an RFC 3339 time");
}

}  // namespace

ChatService::ChatService(core::Store& store, const core::Clock& clock, core::EventSink& events,
                         const core::WordCounter& words, ReplyEngine& replies, ChatLimits limits)
    : store_(store),
      clock_(clock),
      events_(events),
      words_(words),
      replies_(replies),
      limits_(limits) {}

Result<Chat> ChatService::StartPlayground(const core::Principal& who, core::EmployeeId employee) {
  auto account = OwnAccount(who);
  if (!account) return std::move(account).error();
  const core::Time now = clock_.Now();
  std::optional<core::ChatMessageId> greeting_id;
  auto chat = core::WriteValue<Chat>(store_, [&](core::Repositories& repos) -> Result<Chat> {
    auto e = OwnEmployee(repos, *account, employee, now);
    if (!e) return std::move(e).error();
    Chat c;
    c.account_id = *account;
    c.employee_id = e->id;
    c.employee_name = e->name;
    c.source = std::string(core::kPlaygroundSource);
    c.client_name = who.user.name;
    c.created_at = now;
    c.last_message_at = now;
    c = repos.chats().Insert(std::move(c));
    if (auto greeting = AppendGreeting(repos, c, *e, now)) greeting_id = greeting->id;
    return c;
  });
  if (chat && greeting_id) Published(*chat, *greeting_id, Reply::kNone);
  return chat;
}

std::optional<ChatMessage> ChatService::AppendGreeting(core::Repositories& repos, Chat& chat,
                                                       const core::Employee& employee,
                                                       core::Time now) {
  if (employee.greeting.empty()) return std::nullopt;
  ChatMessage m;
  m.chat_id = chat.id;
  m.author = core::AuthorKind::kEmployee;
  m.author_name = employee.name;
  m.text = employee.greeting;
  m.created_at = now;
  m.words = words_.CountWords(employee.greeting);
  m.cost_minor = 0;
  return AppendToChat(repos.chats(), chat, std::move(m));
}

Result<ChatMessage> ChatService::AppendClientMessage(core::Repositories& repos, Chat& chat,
                                                     std::string_view text, core::Time now,
                                                     std::optional<core::UserId> user) {
  auto cleaned = core::CleanText("text", text, 1, kMaxChatMessageLength, core::Lines::kMulti);
  if (!cleaned) return std::move(cleaned).error();
  // Counted inside the write, so concurrent posts see each other.
  if (repos.chats().ClientMessagesSince(chat.id, now - std::chrono::minutes(1)) >=
      limits_.max_client_messages_per_minute) {
    return Error::RateLimited("Too many messages in this chat; wait a minute and write again.", 60);
  }
  ChatMessage m;
  m.chat_id = chat.id;
  m.author = core::AuthorKind::kClient;
  m.author_name = chat.client_name;
  m.user_id = user;
  m.text = *cleaned;
  m.created_at = now;
  m.words = words_.CountWords(*cleaned);
  return AppendToChat(repos.chats(), chat, std::move(m));
}

void ChatService::Published(const Chat& chat, core::ChatMessageId message, Reply reply) {
  events_.ChatChanged({core::ChatEvent::Kind::kMessageCreated, chat.id, chat.account_id, message});
  if (reply == Reply::kSchedule) replies_.Schedule(chat.id);
}

Result<ChatPage> ChatService::List(const core::Principal& who, const ListChatsInput& in) {
  core::ChatQuery q;
  auto scope = AccountScope(who);
  if (!scope) return std::move(scope).error();
  q.account_id = *scope;
  if (in.employee_id) {
    const auto id = core::ParseInt64(*in.employee_id);
    if (!id || *id <= 0) return Error::Validation("employee_id", "must be an employee id");
    q.employee_id = *id;
  }
  if (in.source) {
    if (*in.source != core::kPlaygroundSource && *in.source != core::kTelegramSource) {
      return Error::Validation("source", "must be playground or telegram");
    }
    q.source = *in.source;
  }
  if (in.from) {
    auto t = ParseTime("from", *in.from);
    if (!t) return std::move(t).error();
    q.from = *t;
  }
  if (in.to) {
    auto t = ParseTime("to", *in.to);
    if (!t) return std::move(t).error();
    q.to = *t;
  }
  if (in.needs_human) {
    if (*in.needs_human != "true" && *in.needs_human != "false") {
      return Error::Validation("needs_human", "must be true or false");
    }
    q.needs_human = *in.needs_human == "true";
  }
  if (in.q) {
    auto cleaned = core::CleanText("q", *in.q, 0, 200);
    if (!cleaned) return std::move(cleaned).error();
    q.folded_search = core::support::FoldCase(*cleaned);
  }
  auto limit = core::ParsePageLimit(in.limit);
  if (!limit) return std::move(limit).error();
  q.limit = *limit;
  if (in.cursor && !in.cursor->empty()) {
    auto cursor = DecodeCursor(*in.cursor);
    if (!cursor) return std::move(cursor).error();
    q.after = *cursor;
  }
  auto rows = core::ReadValue<std::vector<Chat>>(
      store_, [&](core::Repositories& repos) -> Result<std::vector<Chat>> {
        return repos.chats().List(q);
      });
  if (!rows) return std::move(rows).error();
  ChatPage page;
  page.items = std::move(*rows);
  page.next_cursor =
      core::TakePage(page.items, q.limit, [](const auto& row) { return EncodeCursor(row); });
  return page;
}

Result<Chat> ChatService::Get(const core::Principal& who, core::ChatId id) {
  const auto find = [&](core::Repositories& repos) -> Result<Chat> {
    auto c = Visible(repos, who, id);
    if (!c) return ChatNotFound(id);
    return std::move(*c);
  };
  const core::Time now = clock_.Now();
  if (!IsTeam(who) || !ClaimChatReadAudit(who.user.id, id, now)) {
    return core::ReadValue<Chat>(store_, find);
  }
  auto chat = core::WriteValue<Chat>(store_, [&](core::Repositories& repos) -> Result<Chat> {
    auto c = find(repos);
    if (!c) return c;
    RecordAudit(
        repos, who.user, core::audit::kChatRead, {.account_id = c->account_id, .chat_id = c->id},
        {{"employee_id", std::to_string(c->employee_id)}, {"employee_name", c->employee_name}},
        now);
    return c;
  });
  // Nothing was recorded (unknown chat, failed write): the next open may record.
  if (!chat) ReleaseChatReadAudit(who.user.id, id);
  return chat;
}

bool ChatService::ClaimChatReadAudit(core::UserId user, core::ChatId chat, core::Time now) {
  std::lock_guard lock(audit_mutex_);
  // Bounded memory: forget the slots that have run out once the map grows.
  if (chat_read_audited_.size() >= 10000) {
    std::erase_if(chat_read_audited_,
                  [&](const auto& kv) { return now - kv.second >= kChatReadAuditWindow; });
  }
  auto [it, inserted] = chat_read_audited_.try_emplace({user, chat}, now);
  if (inserted) return true;
  if (now - it->second < kChatReadAuditWindow) return false;
  it->second = now;
  return true;
}

void ChatService::ReleaseChatReadAudit(core::UserId user, core::ChatId chat) {
  std::lock_guard lock(audit_mutex_);
  chat_read_audited_.erase({user, chat});
}

Result<ChatMessagePage> ChatService::Messages(const core::Principal& who, core::ChatId id,
                                              const std::optional<std::string>& after_id,
                                              const std::optional<std::string>& limit_text) {
  auto limit = core::ParsePageLimit(limit_text);
  if (!limit) return std::move(limit).error();
  core::ChatMessageId after = 0;
  if (after_id && !after_id->empty()) {
    const auto v = core::ParseInt64(*after_id);
    if (!v || *v < 0) return Error::Validation("after_id", "must be a message id");
    after = *v;
  }
  return core::ReadValue<ChatMessagePage>(
      store_, [&](core::Repositories& repos) -> Result<ChatMessagePage> {
        if (!Visible(repos, who, id)) return ChatNotFound(id);
        ChatMessagePage page;
        page.items = repos.chats().Messages(id, after, core::FetchCount(*limit));
        page.next_cursor = core::TakePage(page.items, *limit,
                                          [](const auto& row) { return std::to_string(row.id); });
        return page;
      });
}

Result<ChatMessage> ChatService::GetMessage(const core::Principal& who, core::ChatId chat,
                                            core::ChatMessageId id) {
  return core::ReadValue<ChatMessage>(
      store_, [&](core::Repositories& repos) -> Result<ChatMessage> {
        auto m = repos.chats().FindMessage(id);
        if (!m || m->chat_id != chat || !Visible(repos, who, chat)) {
          return Error::NotFound("Message not found.");
        }
        return std::move(*m);
      });
}

Result<ChatMessage> ChatService::PostClientMessage(const core::Principal& who, core::ChatId id,
                                                   std::string_view text) {
  auto account = OwnAccount(who);
  if (!account) return std::move(account).error();
  const core::Time now = clock_.Now();
  std::optional<Chat> chat;
  auto posted =
      core::WriteValue<ChatMessage>(store_, [&](core::Repositories& repos) -> Result<ChatMessage> {
        chat = repos.chats().Find(id);
        if (!chat || chat->account_id != *account) return ChatNotFound(id);
        return AppendClientMessage(repos, *chat, text, now, who.user.id);
      });
  if (posted) Published(*chat, posted->id, Reply::kSchedule);
  return posted;
}

Result<Chat> ChatService::ChangeStatus(const core::Principal& who, core::ChatId id,
                                       core::ChatStatus status) {
  auto account = OwnAccount(who);
  if (!account) return std::move(account).error();
  auto chat = core::WriteValue<Chat>(store_, [&](core::Repositories& repos) -> Result<Chat> {
    auto c = repos.chats().Find(id);
    if (!c || c->account_id != *account) return ChatNotFound(id);
    c->status = status;
    if (status == core::ChatStatus::kAi) {
      c->needs_human = false;
      c->handoff_reason.reset();
    }
    repos.chats().Update(*c);
    return std::move(*c);
  });
  if (chat) events_.ChatChanged({core::ChatEvent::Kind::kUpdated, id, *account, std::nullopt});
  return chat;
}

Result<Chat> ChatService::Takeover(const core::Principal& who, core::ChatId id) {
  return ChangeStatus(who, id, core::ChatStatus::kHuman);
}

Result<Chat> ChatService::Release(const core::Principal& who, core::ChatId id) {
  return ChangeStatus(who, id, core::ChatStatus::kAi);
}

Result<ChatMessage> ChatService::PostOperatorMessage(const core::Principal& who, core::ChatId id,
                                                     std::string_view text) {
  auto account = OwnAccount(who);
  if (!account) return std::move(account).error();
  auto cleaned = core::CleanText("text", text, 1, kMaxChatMessageLength, core::Lines::kMulti);
  if (!cleaned) return std::move(cleaned).error();
  const core::Time now = clock_.Now();
  const std::int64_t words = words_.CountWords(*cleaned);
  auto posted =
      core::WriteValue<ChatMessage>(store_, [&](core::Repositories& repos) -> Result<ChatMessage> {
        auto chat = repos.chats().Find(id);
        if (!chat || chat->account_id != *account) return ChatNotFound(id);
        if (chat->status != core::ChatStatus::kHuman) {
          return Error::Conflict(
              "Take the chat over (POST /chats/{id}/takeover) before writing in it.");
        }
        ChatMessage m;
        m.chat_id = id;
        m.author = core::AuthorKind::kOperator;
        m.author_name = who.user.name;
        m.user_id = who.user.id;
        m.text = *cleaned;
        m.created_at = now;
        m.words = words;
        return AppendToChat(repos.chats(), *chat, std::move(m));
      });
  if (posted) {
    events_.ChatChanged({core::ChatEvent::Kind::kMessageCreated, id, *account, posted->id});
  }
  return posted;
}

}  // namespace textura::services
