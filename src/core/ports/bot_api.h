#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/channels/outbox_rules.h"
#include "core/channels/telegram_update.h"

namespace textura::core::telegram {

struct BotInfo {
  std::int64_t id = 0;
  std::string username;
  std::string first_name;
};

struct UpdateBatch {
  CallOutcome outcome;
  std::vector<Update> updates;  // parsed, in update_id order
  // The highest update_id seen, malformed ones included (they are acknowledged too,
  // so one bad update cannot block the queue); 0 when none came.
  std::int64_t last_update_id = 0;
  int malformed = 0;
};

struct WebhookInfo {
  std::string url;
  int pending_update_count = 0;
  std::string last_error_message;
  std::int64_t last_error_date = 0;  // unix seconds, 0 when none
};

// The Telegram Bot API (https://core.telegram.org/bots/api) at a configurable base
// URL. Every call blocks the calling thread (bounded by the client's timeouts; a
// long poll by its own timeout plus a margin) and never throws: failures come back as
// a CallOutcome. Implementations never log or return the token. Thread-safe.
class BotApi {
 public:
  virtual ~BotApi() = default;
  virtual CallOutcome GetMe(std::string_view token, BotInfo& out) = 0;
  // getUpdates with `offset` (acknowledging everything before it) and a long-poll
  // `timeout_seconds`; returns early (kTransient) about a second after `*cancel` is set.
  virtual UpdateBatch GetUpdates(std::string_view token, std::int64_t offset, int timeout_seconds,
                                 const std::atomic<bool>* cancel = nullptr) = 0;
  // parse_mode HTML; `html` must already be escaped and within the length limit.
  virtual CallOutcome SendMessage(std::string_view token, std::int64_t chat_id,
                                  std::string_view html) = 0;
  virtual CallOutcome SendChatAction(std::string_view token, std::int64_t chat_id,
                                     std::string_view action) = 0;
  virtual CallOutcome SetWebhook(std::string_view token, std::string_view url,
                                 std::string_view secret_token) = 0;
  virtual CallOutcome DeleteWebhook(std::string_view token) = 0;
  virtual CallOutcome GetWebhookInfo(std::string_view token, WebhookInfo& out) = 0;
  // One update as a webhook delivers it (a JSON object); nullopt when malformed.
  virtual std::optional<Update> ParseUpdate(std::string_view json) const = 0;
};

}  // namespace textura::core::telegram
