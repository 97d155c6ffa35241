#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/channels/channel.h"
#include "core/channels/telegram_update.h"
#include "core/ports/bot_api.h"
#include "core/ports/clock.h"
#include "core/ports/crypto.h"
#include "core/ports/event_sink.h"
#include "core/ports/store.h"
#include "core/result.h"
#include "core/user.h"
#include "services/chat_service.h"

namespace textura::services {

struct ChannelOptions {
  // https://textura.example.com: with it, Telegram channels use a webhook at
  // <public_url>/api/v1/telegram/webhook/<channel id>; without it, long polling.
  std::string public_url;
};

// A connect request as received.
struct ConnectChannelInput {
  std::optional<std::string> kind;  // "telegram" (the default); "widget" is issue 12
  std::optional<std::string> token;
  std::optional<std::int64_t> employee_id;
};

// A change as received: any of the fields.
struct ChangeChannelInput {
  std::optional<std::int64_t> employee_id;
  std::optional<std::string> status;  // "paused" or "connected" (resume)
};

// What a webhook call came to.
enum class WebhookResult { kAccepted, kUnauthorized, kNotFound, kMalformed };

// Channels of an account (docs/channels.md): connect a Telegram bot (the token
// checked with getMe, sealed at rest, never shown again), pause/resume, switch the
// employee, disconnect. Inbound updates become client messages of Textura chats
// (source "telegram") through ChatService, exactly once per update_id. Customers
// manage their account's channels; staff may list them (read-only); another account's
// channel is kNotFound. Thread-safe.
class ChannelService {
 public:
  ChannelService(core::Store& store, const core::Clock& clock, core::EventSink& events,
                 core::telegram::BotApi& bot_api, const core::SecretBox& secrets,
                 const core::TokenSource& tokens, ChatService& chats, ChannelOptions options);

  core::Result<std::vector<core::Channel>> List(const core::Principal& who);
  core::Result<core::Channel> Get(const core::Principal& who, core::ChannelId id);
  // Calls getMe (blocking, bounded by the client's timeout): a wrong token or an
  // unreachable Telegram is kValidationFailed on "token" and nothing is saved.
  core::Result<core::Channel> Connect(const core::Principal& who, const ConnectChannelInput& in);
  core::Result<core::Channel> Change(const core::Principal& who, core::ChannelId id,
                                     const ChangeChannelInput& in);
  // Removes the webhook (best effort) and the channel; its chats stay in Chats.
  core::Status Disconnect(const core::Principal& who, core::ChannelId id);

  // A webhook call: the secret header compared in constant time (a mismatch stores
  // nothing), then the update processed like a polled one.
  WebhookResult HandleWebhook(core::ChannelId id, std::string_view secret_header,
                              std::string_view body);

  // Processes one update of the channel exactly once (kConflict-free: a repeated
  // update_id changes nothing). Returns the chat the update wrote to, if any, and
  // whether the AI will answer (for the typing indicator).
  struct Processed {
    std::optional<core::ChatId> chat;
    std::int64_t external_chat = 0;
    bool answering = false;
  };
  core::Result<Processed> ProcessUpdate(core::ChannelId id, const core::telegram::Update& update);
  // Moves the offset past `last_update_id` (updates that were malformed or skipped).
  void Acknowledge(core::ChannelId id, std::int64_t last_update_id);

  // The bot token of a channel (workers only; never leaves the server).
  std::optional<std::string> TokenOf(const core::Channel& channel) const;
  // Records a platform failure (status error) or recovery (status connected; the last
  // error is kept for display). Writes only when something changes.
  void ReportHealth(core::ChannelId id, const std::optional<std::string>& error);
  // Counts a delivered message; saves getWebhookInfo's pending count.
  void CountSent(core::ChannelId id);
  void SaveWebhookInfo(core::ChannelId id, const core::telegram::WebhookInfo& info);

  // Forgets processed update ids older than a day (Telegram keeps updates 24 h).
  void PruneProcessedUpdates();

  const ChannelOptions& options() const { return options_; }
  std::string WebhookUrl(core::ChannelId id) const;

 private:
  core::Result<core::Channel> Own(core::Repositories& repos, core::AccountId account,
                                  core::ChannelId id);

  core::Store& store_;
  const core::Clock& clock_;
  core::EventSink& events_;
  core::telegram::BotApi& bot_api_;
  const core::SecretBox& secrets_;
  const core::TokenSource& tokens_;
  ChatService& chats_;
  ChannelOptions options_;
};

}  // namespace textura::services
