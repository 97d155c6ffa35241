#include "storage/sql/sql_chat_repository.h"

#include <algorithm>

#include "core/support/ticket.h"
#include "storage/sql/row_mapping.h"
#include "storage/sql/sql_finance_repository.h"

namespace textura::storage {

using core::Chat;
using core::ChatMessage;

namespace {

#define TEXTURA_CHAT_SELECT                                                              \
  "SELECT c.id, c.account_id, c.employee_id, e.name, c.source, c.status, c.needs_human," \
  " c.handoff_reason, c.client_name, c.message_count, c.last_message_at, c.created_at,"  \
  " c.balance_notice FROM chats c JOIN employees e ON e.id = c.employee_id"

constexpr std::string_view kInsertChat =
    "INSERT INTO chats (account_id, employee_id, source, status, needs_human, handoff_reason,"
    " client_name, message_count, last_message_at, created_at, balance_notice)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";
constexpr std::string_view kFindChat = TEXTURA_CHAT_SELECT " WHERE c.id = $1";
constexpr std::string_view kUpdateChat =
    "UPDATE chats SET status = $2, needs_human = $3, handoff_reason = $4, message_count = $5,"
    " last_message_at = $6, balance_notice = $7 WHERE id = $1";

constexpr std::string_view kInsertMessage =
    "INSERT INTO chat_messages (chat_id, author, author_name, user_id, body, body_folded, words,"
    " cost_minor, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
constexpr std::string_view kInsertPassage =
    "INSERT INTO chat_message_passages (message_id, position, kind, title, body, score)"
    " VALUES ($1, $2, $3, $4, $5, $6)";
#define TEXTURA_MESSAGE_SELECT                                                            \
  "SELECT id, chat_id, author, author_name, user_id, body, created_at, words, cost_minor" \
  " FROM chat_messages"
constexpr std::string_view kFindMessage = TEXTURA_MESSAGE_SELECT " WHERE id = $1";
constexpr std::string_view kMessages =
    TEXTURA_MESSAGE_SELECT " WHERE chat_id = $1 AND id > $2 ORDER BY id LIMIT $3";
constexpr std::string_view kRecent =
    TEXTURA_MESSAGE_SELECT " WHERE chat_id = $1 ORDER BY id DESC LIMIT $2";
constexpr std::string_view kPassages =
    "SELECT kind, title, body, score FROM chat_message_passages WHERE message_id = $1"
    " ORDER BY position";
constexpr std::string_view kChatOwner = "SELECT account_id, employee_id FROM chats WHERE id = $1";
constexpr std::string_view kClientSince =
    "SELECT COUNT(*) FROM chat_messages WHERE chat_id = $1 AND author = 'client'"
    " AND created_at >= $2";

Chat ChatFrom(const Row& r) {
  Chat c;
  c.id = r.Int(0);
  c.account_id = r.Int(1);
  c.employee_id = r.Int(2);
  c.employee_name = TextAt(r, 3);
  c.source = TextAt(r, 4);
  c.status = r.Text(5) == "human" ? core::ChatStatus::kHuman : core::ChatStatus::kAi;
  c.needs_human = r.Int(6) != 0;
  if (!r.IsNull(7)) c.handoff_reason = TextAt(r, 7);
  c.client_name = TextAt(r, 8);
  c.message_count = static_cast<int>(r.Int(9));
  c.last_message_at = TimeAt(r, 10);
  c.created_at = TimeAt(r, 11);
  c.balance_notice = r.Int(12) != 0;
  return c;
}

core::AuthorKind AuthorFrom(std::string_view s) {
  if (s == "employee") return core::AuthorKind::kEmployee;
  if (s == "operator") return core::AuthorKind::kOperator;
  if (s == "system") return core::AuthorKind::kSystem;
  return core::AuthorKind::kClient;
}

ChatMessage MessageFrom(const Row& r) {
  ChatMessage m;
  m.id = r.Int(0);
  m.chat_id = r.Int(1);
  m.author = AuthorFrom(r.Text(2));
  m.author_name = TextAt(r, 3);
  m.user_id = OptionalIntAt(r, 4);
  m.text = TextAt(r, 5);
  m.created_at = TimeAt(r, 6);
  m.words = r.Int(7);
  m.cost_minor = OptionalIntAt(r, 8);
  return m;
}

std::string LikePattern(std::string_view needle) {
  std::string out = "%";
  for (char c : needle) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

}  // namespace

Chat SqlChatRepository::Insert(Chat c) {
  conn_.Run(kInsertChat,
            {c.account_id, c.employee_id, c.source, core::ToString(c.status),
             static_cast<std::int64_t>(c.needs_human), Nullable(c.handoff_reason), c.client_name,
             static_cast<std::int64_t>(c.message_count), Micros(c.last_message_at),
             Micros(c.created_at), static_cast<std::int64_t>(c.balance_notice)},
            [&](const Row& r) { c.id = r.Int(0); });
  return c;
}

std::optional<Chat> SqlChatRepository::Find(core::ChatId id) {
  std::optional<Chat> out;
  conn_.Run(kFindChat, {id}, [&](const Row& r) { out = ChatFrom(r); });
  return out;
}

void SqlChatRepository::Update(const Chat& c) {
  conn_.Run(kUpdateChat, {c.id, core::ToString(c.status), static_cast<std::int64_t>(c.needs_human),
                          Nullable(c.handoff_reason), static_cast<std::int64_t>(c.message_count),
                          Micros(c.last_message_at), static_cast<std::int64_t>(c.balance_notice)});
}

std::vector<Chat> SqlChatRepository::List(const core::ChatQuery& q) {
  // Built from constant fragments only (values are parameters).
  std::string sql = TEXTURA_CHAT_SELECT " WHERE 1 = 1";
  std::vector<SqlValue> args;
  std::string needle;
  auto param = [&](SqlValue v) {
    args.push_back(v);
    return "$" + std::to_string(args.size());
  };
  if (q.account_id) sql += " AND c.account_id = " + param(*q.account_id);
  if (q.employee_id) sql += " AND c.employee_id = " + param(*q.employee_id);
  if (q.source) sql += " AND c.source = " + param(std::string_view(*q.source));
  if (q.from) sql += " AND c.last_message_at >= " + param(Micros(*q.from));
  if (q.to) sql += " AND c.last_message_at < " + param(Micros(*q.to));
  if (q.needs_human) {
    sql += " AND c.needs_human = " + param(static_cast<std::int64_t>(*q.needs_human));
  }
  if (!q.folded_search.empty()) {
    if (conn_.dialect() == Dialect::kPostgres) {
      needle = LikePattern(q.folded_search);
      sql +=
          " AND EXISTS (SELECT 1 FROM chat_messages m WHERE m.chat_id = c.id AND"
          " m.body_folded LIKE " +
          param(std::string_view(needle)) + " ESCAPE '\\')";
    } else {
      sql +=
          " AND EXISTS (SELECT 1 FROM chat_messages m WHERE m.chat_id = c.id AND"
          " instr(m.body_folded, " +
          param(std::string_view(q.folded_search)) + ") > 0)";
    }
  }
  if (q.after) {
    const std::string at = param(Micros(q.after->last_message_at));
    const std::string id = param(q.after->id);
    sql += " AND (c.last_message_at < " + at + " OR (c.last_message_at = " + at + " AND c.id < " +
           id + "))";
  }
  sql += " ORDER BY c.last_message_at DESC, c.id DESC LIMIT " +
         param(static_cast<std::int64_t>(q.limit + 1));
  std::vector<Chat> out;
  conn_.RunArgs(sql, args, [&](const Row& r) { out.push_back(ChatFrom(r)); });
  return out;
}

ChatMessage SqlChatRepository::InsertMessage(ChatMessage m) {
  const std::string folded = core::support::FoldCase(m.text);
  conn_.Run(kInsertMessage,
            {m.chat_id, core::ToString(m.author), m.author_name, Nullable(m.user_id), m.text,
             folded, m.words, Nullable(m.cost_minor), Micros(m.created_at)},
            [&](const Row& r) { m.id = r.Int(0); });
  if (m.author == core::AuthorKind::kClient && m.words > 0) {
    UsageDelta client;
    client.chat = m.chat_id;
    client.at = m.created_at;
    client.client_words = m.words;
    conn_.Run(kChatOwner, {m.chat_id}, [&](const Row& r) {
      client.account = r.Int(0);
      client.employee = r.Int(1);
    });
    AddUsage(conn_, client);
  }
  for (std::size_t i = 0; i < m.passages.size(); ++i) {
    const core::KnowledgePassage& p = m.passages[i];
    conn_.Run(kInsertPassage,
              {m.id, static_cast<std::int64_t>(i),
               p.kind == core::KnowledgePassage::Kind::kDocument ? "document" : "qa", p.title,
               p.text, p.score});
  }
  return m;
}

void SqlChatRepository::LoadPassages(std::vector<ChatMessage>& messages) {
  for (ChatMessage& m : messages) {
    if (m.author != core::AuthorKind::kEmployee) continue;
    conn_.Run(kPassages, {m.id}, [&](const Row& r) {
      core::KnowledgePassage p;
      p.kind = r.Text(0) == "document" ? core::KnowledgePassage::Kind::kDocument
                                       : core::KnowledgePassage::Kind::kQa;
      p.title = TextAt(r, 1);
      p.text = TextAt(r, 2);
      p.score = r.Real(3);
      m.passages.push_back(std::move(p));
    });
  }
}

std::optional<ChatMessage> SqlChatRepository::FindMessage(core::ChatMessageId id) {
  std::vector<ChatMessage> found;
  conn_.Run(kFindMessage, {id}, [&](const Row& r) { found.push_back(MessageFrom(r)); });
  if (found.empty()) return std::nullopt;
  LoadPassages(found);
  return std::move(found.front());
}

std::vector<ChatMessage> SqlChatRepository::Messages(core::ChatId chat,
                                                     core::ChatMessageId after_id, int limit) {
  std::vector<ChatMessage> out;
  conn_.Run(kMessages, {chat, after_id, static_cast<std::int64_t>(limit)},
            [&](const Row& r) { out.push_back(MessageFrom(r)); });
  LoadPassages(out);
  return out;
}

std::vector<ChatMessage> SqlChatRepository::Recent(core::ChatId chat, int count) {
  std::vector<ChatMessage> out;
  conn_.Run(kRecent, {chat, static_cast<std::int64_t>(count)},
            [&](const Row& r) { out.push_back(MessageFrom(r)); });
  std::reverse(out.begin(), out.end());
  return out;
}

int SqlChatRepository::ClientMessagesSince(core::ChatId chat, core::Time since) {
  std::int64_t n = 0;
  conn_.Run(kClientSince, {chat, Micros(since)}, [&](const Row& r) { n = r.Int(0); });
  return static_cast<int>(n);
}

}  // namespace textura::storage
