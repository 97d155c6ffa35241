#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ai/chat.h"
#include "core/channels/channel.h"
#include "core/result.h"

namespace textura::core {

// A Textura chat opened through a channel: which platform chat it is, and how far its
// outbound messages have been delivered. The chat's messages ARE the outbox: every
// non-client message with an id above delivered_message_id is still to be sent, so a
// reply committed before a crash is sent after the restart without a second write
// in the reply's transaction.
struct ChannelChat {
  ChatId chat_id = 0;
  ChannelId channel_id = 0;
  std::int64_t external_chat_id = 0;  // telegram: the private chat's id (the user's id)
  ChatMessageId delivered_message_id = 0;
  bool undeliverable = false;  // the user blocked the bot: nothing is sent any more
  std::string language;        // "ru" or "en": what the platform user speaks
  int attempts = 0;            // transient failures of the next message in a row
  Time next_attempt_at{};      // the next message waits until then (backoff, 429)
};

// A message waiting to be sent, with where to.
struct Outbound {
  ChannelChat chat;
  ChatMessage message;
  ChatStatus chat_status = ChatStatus::kAi;
  bool needs_human = false;
};

// Channels, their platform chats, processed updates and leases.
class ChannelRepository {
 public:
  virtual ~ChannelRepository() = default;
  // Fills in channel.id; kConflict when a channel of the same kind and external id
  // (the same bot) exists.
  virtual Result<Channel> Insert(Channel channel) = 0;
  virtual std::optional<Channel> Find(ChannelId id) = 0;
  // The account's channels by creation (then id).
  virtual std::vector<Channel> List(AccountId account) = 0;
  // Every channel of a kind, for the workers.
  virtual std::vector<Channel> All(ChannelKind kind) = 0;
  // Saves every mutable field (employee, mode, status, errors, counters, offset …).
  virtual void Update(const Channel& channel) = 0;
  // Deletes the channel; its chats stay (as chats of a gone channel).
  virtual void Delete(ChannelId id) = 0;

  // Records that the update was processed; false (and changes nothing) when it was
  // already. Run it in the same write as the update's effects: exactly once.
  virtual bool MarkUpdateProcessed(ChannelId channel, std::int64_t update_id, Time at) = 0;
  // Forgets processed update ids recorded before `cutoff` (Telegram keeps updates 24 h).
  virtual int PruneProcessedUpdates(Time cutoff) = 0;

  // The newest Textura chat of the platform chat.
  virtual std::optional<ChannelChat> FindChat(ChannelId channel, std::int64_t external_chat) = 0;
  virtual std::optional<ChannelChat> ChatOf(ChatId chat) = 0;
  virtual void InsertChat(const ChannelChat& chat) = 0;
  // Saves delivered_message_id, undeliverable, language, attempts and next_attempt_at.
  virtual void UpdateChat(const ChannelChat& chat) = 0;
  // Non-client messages of the channel's deliverable chats not yet delivered whose
  // chat's next attempt is due at `now`, oldest first per chat; `limit` at most.
  virtual std::vector<Outbound> PendingOutbound(ChannelId channel, Time now, int limit) = 0;

  // Takes or renews the named lease for `holder` until `until`; true when `holder`
  // holds it now (it was free, expired before `now`, or already `holder`'s).
  virtual bool TryLease(std::string_view name, std::string_view holder, Time now, Time until) = 0;
  virtual void ReleaseLease(std::string_view name, std::string_view holder) = 0;
};

}  // namespace textura::core
