#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <string>

#include "core/time.h"

namespace textura::core::telegram {

// What one Bot API call came back with, as the outbox judges it.
struct CallOutcome {
  enum class Kind {
    kOk,
    kRetryAfter,    // 429: Telegram says when to try again
    kTransient,     // network error, timeout, 5xx, garbage: retry with backoff
    kBlocked,       // 403: the user blocked the bot (or deleted their account)
    kRejected,      // any other 4xx: retrying will not help
    kUnauthorized,  // 401: the token was revoked
    kConflict,      // 409: another getUpdates or a webhook is active
  };
  Kind kind = Kind::kOk;
  int status = 0;  // the HTTP status (0 for network errors)
  int retry_after_seconds = 0;
  std::string description;      // Telegram's description or the network error
  std::int64_t message_id = 0;  // sendMessage: the sent message's id
};

// Classifies an HTTP status (0: no answer) the way the outbox and poller react to it.
CallOutcome::Kind ClassifyStatus(int status);

// The wait before retry number `attempt` (1-based) of a transient failure: 1 s, 2 s,
// 4 s … capped at `cap`.
std::chrono::seconds Backoff(int attempt, std::chrono::seconds cap = std::chrono::seconds(60));

// Pacing of sends for one bot: at most one message per chat per `per_chat` and
// `per_bot` messages in any second (Telegram's documented limits are ~1/s per chat,
// ~30/s per bot; above them it answers 429). Not thread-safe; one per bot sender.
class SendPacer {
 public:
  explicit SendPacer(std::chrono::milliseconds per_chat = std::chrono::milliseconds(1000),
                     int per_bot = 30)
      : per_chat_(per_chat), per_bot_(per_bot) {}
  // When a message to `chat` may go out, no earlier than `now`.
  Time NextSlot(std::int64_t chat, Time now) const;
  // Records a send at `at`.
  void Sent(std::int64_t chat, Time at);
  // Holds every send of the bot until `until` (a 429 without a chat to blame).
  void PauseUntil(Time until) { paused_until_ = until; }

 private:
  std::chrono::milliseconds per_chat_;
  int per_bot_;
  std::map<std::int64_t, Time> last_by_chat_;
  std::deque<Time> recent_;  // sends within the last second, oldest first
  Time paused_until_{};
};

}  // namespace textura::core::telegram
