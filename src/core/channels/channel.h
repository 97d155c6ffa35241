#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/ids.h"
#include "core/time.h"

namespace textura::core {

using ChannelId = std::int64_t;

// The kinds of channel: a Telegram bot now, the website widget next (issue 12). The
// kind decides which adapter receives and sends; everything else (status, employee,
// counters, the chats it opens) is shared.
enum class ChannelKind { kTelegram, kWidget };
std::string_view ToString(ChannelKind kind);
std::optional<ChannelKind> ParseChannelKind(std::string_view name);

// connected: receiving and sending; paused: by a person (updates stay queued at
// Telegram); error: the adapter could not reach or use the platform (last_error says
// why). The adapter keeps retrying an errored channel with backoff, so error clears
// itself when the platform comes back; paused needs a person.
enum class ChannelStatus { kConnected, kPaused, kError };
std::string_view ToString(ChannelStatus status);

// How updates arrive: long polling (default, works behind NAT) or a webhook when the
// server has a public URL.
enum class ChannelMode { kPolling, kWebhook };
std::string_view ToString(ChannelMode mode);

struct Channel {
  ChannelId id = 0;
  AccountId account_id = 0;
  EmployeeId employee_id = 0;
  ChannelKind kind = ChannelKind::kTelegram;
  ChannelMode mode = ChannelMode::kPolling;
  ChannelStatus status = ChannelStatus::kConnected;
  std::string name;              // telegram: the bot's @username (without @)
  std::int64_t external_id = 0;  // telegram: the bot's user id
  // The platform credential sealed with the channel key (never the plain token).
  std::string secret_sealed;
  // The token's last 4 characters, for "…abcd" in lists.
  std::string secret_hint;
  // telegram webhook mode: the secret_token Telegram sends back in a header.
  std::string webhook_secret;
  std::optional<std::string> last_error;
  std::optional<Time> last_error_at;
  std::optional<Time> last_update_at;
  // telegram: the next getUpdates offset (the last processed update_id + 1).
  std::int64_t update_offset = 0;
  // Today's counters (UTC day of counters_day; a new day starts them at zero).
  std::int64_t counters_day = 0;  // days since the epoch
  int messages_in_today = 0;
  int messages_out_today = 0;
  // getWebhookInfo, refreshed by the status check in webhook mode.
  int webhook_pending = 0;
  Time created_at{};
  Time updated_at{};
};

// Days since the epoch of `t` (UTC), for the daily counters.
std::int64_t DayOf(Time t);

// Counts one message in or out at `now`, starting today's counters when the day changed.
void CountMessage(Channel& channel, Time now, bool outbound);

// The counters as of `now` (zero when they are from an earlier day).
int MessagesInToday(const Channel& channel, Time now);
int MessagesOutToday(const Channel& channel, Time now);

// "…abcd": what the API shows of a token.
std::string MaskedSecret(const Channel& channel);

}  // namespace textura::core
