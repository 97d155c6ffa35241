#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/channels/outbox_rules.h"
#include "core/ports/bot_api.h"
#include "core/ports/clock.h"
#include "core/ports/store.h"
#include "services/channel_service.h"

namespace textura::services {

struct TelegramWorkerOptions {
  int poll_timeout_seconds = 25;  // getUpdates' long-poll timeout
  // A lease outlives a poll by this much; a dead holder's bot is taken over after it.
  std::chrono::seconds lease_margin{15};
  std::chrono::milliseconds rescan_interval{1000};  // new, paused, removed channels
  std::chrono::milliseconds typing_interval{4000};  // sendChatAction renewal
  std::chrono::seconds typing_max{60};              // give up the indicator after this
  std::string instance_id;                          // the lease holder's name
};

// Runs Telegram channels (docs/channels.md). For every channel a runner takes the
// channel's lease in the database (one runner per bot across instances; a holder that
// dies is replaced once its lease expires) and, while it holds it, long-polls
// getUpdates (polling mode) or watches getWebhookInfo (webhook mode), and sends the
// channel's outbox: every undelivered non-client message of its chats, in order per
// chat, paced (≈1/s per chat, 30/s per bot), 429 retry_after honoured, transient
// failures retried with backoff, a blocked user's chat marked undeliverable. A
// "typing" action is renewed while the AI writes a reply. Network failures mark the
// channel's status error and back off; other channels are unaffected.
class TelegramWorker {
 public:
  TelegramWorker(core::Store& store, const core::Clock& clock, core::telegram::BotApi& api,
                 ChannelService& channels, TelegramWorkerOptions options);
  ~TelegramWorker();  // stops every runner (a long poll ends within its timeout)

  void Start();
  // Something may be waiting in a chat's outbox: the chat's runner looks now.
  void Wake(core::ChatId chat);

 private:
  class Runner;
  void Supervise();

  core::Store& store_;
  const core::Clock& clock_;
  core::telegram::BotApi& api_;
  ChannelService& channels_;
  const TelegramWorkerOptions options_;

  std::mutex mutex_;
  std::condition_variable cv_;
  bool stopping_ = false;                                       // GUARDED_BY(mutex_)
  std::map<core::ChannelId, std::unique_ptr<Runner>> runners_;  // GUARDED_BY(mutex_)
  std::thread supervisor_;
};

}  // namespace textura::services
