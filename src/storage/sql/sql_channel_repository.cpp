#include "storage/sql/sql_channel_repository.h"

#include "storage/sql/row_mapping.h"

namespace textura::storage {

using core::Channel;
using core::ChannelChat;

namespace {

#define TEXTURA_CHANNEL_COLUMNS                                                             \
  "id, account_id, employee_id, kind, mode, status, name, external_id, secret_sealed,"      \
  " secret_hint, webhook_secret, last_error, last_error_at, last_update_at, update_offset," \
  " counters_day, messages_in_today, messages_out_today, webhook_pending, created_at, updated_at"

constexpr std::string_view kInsertChannel =
    "INSERT INTO channels (account_id, employee_id, kind, mode, status, name, external_id,"
    " secret_sealed, secret_hint, webhook_secret, last_error, last_error_at, last_update_at,"
    " update_offset, counters_day, messages_in_today, messages_out_today, webhook_pending,"
    " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,"
    " $14, $15, $16, $17, $18, $19, $20) RETURNING id";
constexpr std::string_view kFindChannel =
    "SELECT " TEXTURA_CHANNEL_COLUMNS " FROM channels WHERE id = $1";
constexpr std::string_view kListChannels =
    "SELECT " TEXTURA_CHANNEL_COLUMNS " FROM channels WHERE account_id = $1 ORDER BY id";
constexpr std::string_view kAllChannels =
    "SELECT " TEXTURA_CHANNEL_COLUMNS " FROM channels WHERE kind = $1 ORDER BY id";
constexpr std::string_view kUpdateChannel =
    "UPDATE channels SET employee_id = $2, mode = $3, status = $4, name = $5,"
    " secret_sealed = $6, secret_hint = $7, webhook_secret = $8, last_error = $9,"
    " last_error_at = $10, last_update_at = $11, update_offset = $12, counters_day = $13,"
    " messages_in_today = $14, messages_out_today = $15, webhook_pending = $16,"
    " updated_at = $17 WHERE id = $1";
constexpr std::string_view kDeleteChannel = "DELETE FROM channels WHERE id = $1";
constexpr std::string_view kDeleteChannelUpdates =
    "DELETE FROM channel_updates WHERE channel_id = $1";

constexpr std::string_view kMarkUpdate =
    "INSERT INTO channel_updates (channel_id, update_id, processed_at) VALUES ($1, $2, $3)"
    " ON CONFLICT (channel_id, update_id) DO NOTHING";
constexpr std::string_view kPruneUpdates = "DELETE FROM channel_updates WHERE processed_at < $1";

#define TEXTURA_CHANNEL_CHAT_COLUMNS                                                           \
  "cc.chat_id, cc.channel_id, cc.external_chat_id, cc.delivered_message_id, cc.undeliverable," \
  " cc.language, cc.attempts, cc.next_attempt_at"
constexpr std::string_view kFindChannelChat =
    "SELECT " TEXTURA_CHANNEL_CHAT_COLUMNS
    " FROM channel_chats cc"
    " WHERE cc.channel_id = $1 AND cc.external_chat_id = $2 ORDER BY cc.chat_id DESC LIMIT 1";
constexpr std::string_view kChatOf =
    "SELECT " TEXTURA_CHANNEL_CHAT_COLUMNS " FROM channel_chats cc WHERE cc.chat_id = $1";
constexpr std::string_view kInsertChannelChat =
    "INSERT INTO channel_chats (chat_id, channel_id, external_chat_id, delivered_message_id,"
    " undeliverable, language, attempts, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr std::string_view kUpdateChannelChat =
    "UPDATE channel_chats SET delivered_message_id = $2, undeliverable = $3, language = $4,"
    " attempts = $5, next_attempt_at = $6 WHERE chat_id = $1";
// The outbox: every chat's undelivered non-client messages, oldest first.
constexpr std::string_view kPendingOutbound =
    "SELECT " TEXTURA_CHANNEL_CHAT_COLUMNS
    ", m.id, m.author, m.author_name, m.body,"
    " m.created_at, c.status, c.needs_human FROM channel_chats cc"
    " JOIN chat_messages m ON m.chat_id = cc.chat_id AND m.id > cc.delivered_message_id"
    " JOIN chats c ON c.id = cc.chat_id"
    " WHERE cc.channel_id = $1 AND cc.undeliverable = 0 AND cc.next_attempt_at <= $2"
    " AND m.author <> 'client' ORDER BY m.id LIMIT $3";

// Free, expired, or already ours: the row is (re)written and counts as changed.
constexpr std::string_view kTryLease =
    "INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $3)"
    " ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at"
    " WHERE leases.holder = excluded.holder OR leases.expires_at < $4";
constexpr std::string_view kReleaseLease = "DELETE FROM leases WHERE name = $1 AND holder = $2";

core::ChannelStatus StatusFrom(std::string_view s) {
  if (s == "paused") return core::ChannelStatus::kPaused;
  if (s == "error") return core::ChannelStatus::kError;
  return core::ChannelStatus::kConnected;
}

Channel ChannelFrom(const Row& r) {
  Channel c;
  c.id = r.Int(0);
  c.account_id = r.Int(1);
  c.employee_id = r.Int(2);
  c.kind = core::ParseChannelKind(r.Text(3)).value_or(core::ChannelKind::kTelegram);
  c.mode = r.Text(4) == "webhook" ? core::ChannelMode::kWebhook : core::ChannelMode::kPolling;
  c.status = StatusFrom(r.Text(5));
  c.name = TextAt(r, 6);
  c.external_id = r.Int(7);
  c.secret_sealed = TextAt(r, 8);
  c.secret_hint = TextAt(r, 9);
  c.webhook_secret = TextAt(r, 10);
  if (!r.IsNull(11)) c.last_error = TextAt(r, 11);
  c.last_error_at = OptionalTimeAt(r, 12);
  c.last_update_at = OptionalTimeAt(r, 13);
  c.update_offset = r.Int(14);
  c.counters_day = r.Int(15);
  c.messages_in_today = static_cast<int>(r.Int(16));
  c.messages_out_today = static_cast<int>(r.Int(17));
  c.webhook_pending = static_cast<int>(r.Int(18));
  c.created_at = TimeAt(r, 19);
  c.updated_at = TimeAt(r, 20);
  return c;
}

ChannelChat ChannelChatFrom(const Row& r) {
  ChannelChat c;
  c.chat_id = r.Int(0);
  c.channel_id = r.Int(1);
  c.external_chat_id = r.Int(2);
  c.delivered_message_id = r.Int(3);
  c.undeliverable = r.Int(4) != 0;
  c.language = TextAt(r, 5);
  c.attempts = static_cast<int>(r.Int(6));
  c.next_attempt_at = TimeAt(r, 7);
  return c;
}

core::AuthorKind AuthorFrom(std::string_view s) {
  if (s == "employee") return core::AuthorKind::kEmployee;
  if (s == "operator") return core::AuthorKind::kOperator;
  if (s == "system") return core::AuthorKind::kSystem;
  return core::AuthorKind::kClient;
}

SqlValue OptionalMicros(const std::optional<core::Time>& t) {
  if (!t) return kNull;
  return SqlValue(static_cast<std::int64_t>(Micros(*t)));
}

}  // namespace

core::Result<Channel> SqlChannelRepository::Insert(Channel c) {
  try {
    conn_.Run(kInsertChannel,
              {c.account_id,
               c.employee_id,
               core::ToString(c.kind),
               core::ToString(c.mode),
               core::ToString(c.status),
               c.name,
               c.external_id,
               c.secret_sealed,
               c.secret_hint,
               c.webhook_secret,
               Nullable(c.last_error),
               OptionalMicros(c.last_error_at),
               OptionalMicros(c.last_update_at),
               c.update_offset,
               c.counters_day,
               static_cast<std::int64_t>(c.messages_in_today),
               static_cast<std::int64_t>(c.messages_out_today),
               static_cast<std::int64_t>(c.webhook_pending),
               Micros(c.created_at),
               Micros(c.updated_at)},
              [&](const Row& r) { c.id = r.Int(0); });
  } catch (const SqlError& e) {
    if (e.kind() != SqlError::Kind::kUniqueViolation) throw;
    return core::Error::Of(core::ErrorCode::kConflict, "This bot is already connected.", "token");
  }
  return c;
}

std::optional<Channel> SqlChannelRepository::Find(core::ChannelId id) {
  std::optional<Channel> out;
  conn_.Run(kFindChannel, {id}, [&](const Row& r) { out = ChannelFrom(r); });
  return out;
}

std::vector<Channel> SqlChannelRepository::List(core::AccountId account) {
  std::vector<Channel> out;
  conn_.Run(kListChannels, {account}, [&](const Row& r) { out.push_back(ChannelFrom(r)); });
  return out;
}

std::vector<Channel> SqlChannelRepository::All(core::ChannelKind kind) {
  std::vector<Channel> out;
  conn_.Run(kAllChannels, {core::ToString(kind)},
            [&](const Row& r) { out.push_back(ChannelFrom(r)); });
  return out;
}

void SqlChannelRepository::Update(const Channel& c) {
  conn_.Run(kUpdateChannel,
            {c.id, c.employee_id, core::ToString(c.mode), core::ToString(c.status), c.name,
             c.secret_sealed, c.secret_hint, c.webhook_secret, Nullable(c.last_error),
             OptionalMicros(c.last_error_at), OptionalMicros(c.last_update_at), c.update_offset,
             c.counters_day, static_cast<std::int64_t>(c.messages_in_today),
             static_cast<std::int64_t>(c.messages_out_today),
             static_cast<std::int64_t>(c.webhook_pending), Micros(c.updated_at)});
}

void SqlChannelRepository::Delete(core::ChannelId id) {
  conn_.Run(kDeleteChannelUpdates, {id});
  conn_.Run(kDeleteChannel, {id});
}

bool SqlChannelRepository::MarkUpdateProcessed(core::ChannelId channel, std::int64_t update_id,
                                               core::Time at) {
  return conn_.Run(kMarkUpdate, {channel, update_id, Micros(at)}) > 0;
}

int SqlChannelRepository::PruneProcessedUpdates(core::Time cutoff) {
  return static_cast<int>(conn_.Run(kPruneUpdates, {Micros(cutoff)}));
}

std::optional<ChannelChat> SqlChannelRepository::FindChat(core::ChannelId channel,
                                                          std::int64_t external_chat) {
  std::optional<ChannelChat> out;
  conn_.Run(kFindChannelChat, {channel, external_chat},
            [&](const Row& r) { out = ChannelChatFrom(r); });
  return out;
}

std::optional<ChannelChat> SqlChannelRepository::ChatOf(core::ChatId chat) {
  std::optional<ChannelChat> out;
  conn_.Run(kChatOf, {chat}, [&](const Row& r) { out = ChannelChatFrom(r); });
  return out;
}

void SqlChannelRepository::InsertChat(const ChannelChat& c) {
  conn_.Run(kInsertChannelChat,
            {c.chat_id, c.channel_id, c.external_chat_id, c.delivered_message_id,
             static_cast<std::int64_t>(c.undeliverable), c.language,
             static_cast<std::int64_t>(c.attempts), Micros(c.next_attempt_at)});
}

void SqlChannelRepository::UpdateChat(const ChannelChat& c) {
  conn_.Run(kUpdateChannelChat,
            {c.chat_id, c.delivered_message_id, static_cast<std::int64_t>(c.undeliverable),
             c.language, static_cast<std::int64_t>(c.attempts), Micros(c.next_attempt_at)});
}

std::vector<core::Outbound> SqlChannelRepository::PendingOutbound(core::ChannelId channel,
                                                                  core::Time now, int limit) {
  std::vector<core::Outbound> out;
  conn_.Run(kPendingOutbound, {channel, Micros(now), static_cast<std::int64_t>(limit)},
            [&](const Row& r) {
              core::Outbound o;
              o.chat = ChannelChatFrom(r);
              o.message.id = r.Int(8);
              o.message.chat_id = o.chat.chat_id;
              o.message.author = AuthorFrom(r.Text(9));
              o.message.author_name = TextAt(r, 10);
              o.message.text = TextAt(r, 11);
              o.message.created_at = TimeAt(r, 12);
              o.chat_status =
                  r.Text(13) == "human" ? core::ChatStatus::kHuman : core::ChatStatus::kAi;
              o.needs_human = r.Int(14) != 0;
              out.push_back(std::move(o));
            });
  return out;
}

bool SqlChannelRepository::TryLease(std::string_view name, std::string_view holder, core::Time now,
                                    core::Time until) {
  return conn_.Run(kTryLease, {name, holder, Micros(until), Micros(now)}) > 0;
}

void SqlChannelRepository::ReleaseLease(std::string_view name, std::string_view holder) {
  conn_.Run(kReleaseLease, {name, holder});
}

}  // namespace textura::storage
