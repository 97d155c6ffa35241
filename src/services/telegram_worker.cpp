#include "services/telegram_worker.h"

#include <spdlog/spdlog.h>

#include <set>

#include "core/channels/telegram_text.h"

namespace textura::services {

using core::telegram::CallOutcome;
using Kind = core::telegram::CallOutcome::Kind;

namespace {

constexpr std::chrono::seconds kWebhookInfoInterval{30};
constexpr int kOutboxBatch = 50;

// What a Telegram user is told when the AI stops answering (a handoff, a zero
// balance, a failed reply): the chat's system messages are for the team.
std::string_view HandoffNotice(std::string_view language) {
  if (language == "ru") return "Скоро вам здесь ответит сотрудник нашей команды.";
  return "A person from our team will answer you here shortly.";
}

std::string LeaseName(core::ChannelId id) {
  return "telegram:" + std::to_string(id);
}

}  // namespace

// One channel's poll (or webhook watch) thread and send thread. The poll thread takes
// and renews the lease; the send thread sends only while the lease is held.
class TelegramWorker::Runner {
 public:
  Runner(TelegramWorker& w, core::ChannelId id) : w_(w), id_(id) {
    poll_ = std::thread([this] { PollLoop(); });
    send_ = std::thread([this] { SendLoop(); });
  }
  ~Runner() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    cancel_ = true;
    cv_.notify_all();
    poll_.join();
    send_.join();
    if (holding_) {
      w_.store_.Write([&](core::Repositories& repos) -> core::Status {
        repos.channels().ReleaseLease(LeaseName(id_), w_.options_.instance_id);
        return core::OkStatus();
      });
    }
  }

  void Wake() {
    {
      std::lock_guard lock(mutex_);
      wake_ = true;
    }
    cv_.notify_all();
  }

 private:
  // Sleeps up to `d` or until stopped; false when stopping.
  bool Sleep(std::chrono::milliseconds d) {
    std::unique_lock lock(mutex_);
    cv_.wait_for(lock, d, [&] { return stop_; });
    return !stop_;
  }

  std::optional<core::Channel> Load() {
    std::optional<core::Channel> out;
    w_.store_.Read([&](core::Repositories& repos) -> core::Status {
      out = repos.channels().Find(id_);
      return core::OkStatus();
    });
    return out;
  }

  bool TakeLease() {
    const core::Time now = w_.clock_.Now();
    const auto ttl =
        std::chrono::seconds(w_.options_.poll_timeout_seconds) + w_.options_.lease_margin;
    bool held = false;
    auto s = w_.store_.Write([&](core::Repositories& repos) -> core::Status {
      held = repos.channels().TryLease(LeaseName(id_), w_.options_.instance_id, now, now + ttl);
      return core::OkStatus();
    });
    if (!s) held = false;
    if (held != holding_.load()) {
      spdlog::info(R"({{"event":"telegram_lease_{}","channel_id":{},"instance":"{}"}})",
                   held ? "taken" : "lost", id_, w_.options_.instance_id);
    }
    holding_ = held;
    if (held) cv_.notify_all();
    return held;
  }

  void PollLoop() {
    int failures = 0;
    core::Time next_webhook_info{};
    while (!stop_) {
      auto channel = Load();
      if (!channel) {
        if (!Sleep(w_.options_.rescan_interval)) break;
        continue;
      }
      if (!TakeLease()) {
        if (!Sleep(std::min<std::chrono::milliseconds>(w_.options_.lease_margin / 3,
                                                       std::chrono::seconds(2)))) {
          break;
        }
        continue;
      }
      auto token = w_.channels_.TokenOf(*channel);
      if (!token) {
        w_.channels_.ReportHealth(id_, "The bot token cannot be decrypted with the channel key.");
        if (!Sleep(std::chrono::seconds(5))) break;
        continue;
      }
      {
        std::lock_guard lock(mutex_);
        token_ = *token;
      }
      if (channel->status == core::ChannelStatus::kPaused) {
        if (!Sleep(std::chrono::seconds(1))) break;
        continue;
      }
      if (channel->mode == core::ChannelMode::kWebhook) {
        const core::Time now = w_.clock_.Now();
        if (now >= next_webhook_info) {
          core::telegram::WebhookInfo info;
          if (w_.api_.GetWebhookInfo(*token, info).kind == Kind::kOk) {
            w_.channels_.SaveWebhookInfo(id_, info);
          }
          next_webhook_info = now + kWebhookInfoInterval;
        }
        if (!Sleep(std::chrono::seconds(1))) break;
        continue;
      }
      auto batch = w_.api_.GetUpdates(*token, channel->update_offset,
                                      w_.options_.poll_timeout_seconds, &cancel_);
      if (stop_) break;
      if (batch.outcome.kind != Kind::kOk) {
        ++failures;
        const std::string why =
            batch.outcome.kind == Kind::kConflict
                ? "Telegram refused getUpdates (409): another program is reading this bot's "
                  "updates or a webhook is set. " +
                      batch.outcome.description
            : batch.outcome.kind == Kind::kUnauthorized
                ? "Telegram no longer accepts the bot token (revoked in @BotFather?)."
                : batch.outcome.description;
        w_.channels_.ReportHealth(id_, why);
        spdlog::warn(
            R"({{"event":"telegram_poll_failed","channel_id":{},"status":{},"attempt":{}}})", id_,
            batch.outcome.status, failures);
        const auto wait = batch.outcome.kind == Kind::kRetryAfter
                              ? std::chrono::seconds(batch.outcome.retry_after_seconds)
                              : core::telegram::Backoff(failures);
        if (!Sleep(wait)) break;
        continue;
      }
      if (failures > 0) w_.channels_.ReportHealth(id_, std::nullopt);
      failures = 0;
      if (batch.malformed > 0) {
        spdlog::warn(R"({{"event":"telegram_updates_malformed","channel_id":{},"count":{}}})", id_,
                     batch.malformed);
      }
      bool stored_all = true;
      for (const auto& u : batch.updates) {
        auto done = w_.channels_.ProcessUpdate(id_, u);
        if (!done) {
          stored_all = false;  // the database is away: poll again from the stored offset
          spdlog::error(R"({{"event":"telegram_update_failed","channel_id":{}}})", id_);
          break;
        }
        if (done->answering && done->chat) StartTyping(*done->chat, done->external_chat);
      }
      if (stored_all && batch.last_update_id > 0)
        w_.channels_.Acknowledge(id_, batch.last_update_id);
      if (!stored_all && !Sleep(std::chrono::seconds(1))) break;
    }
  }

  void StartTyping(core::ChatId chat, std::int64_t external) {
    {
      std::lock_guard lock(mutex_);
      const core::Time now = w_.clock_.Now();
      typing_[chat] = Typing{external, now + w_.options_.typing_max, core::Time{}};
      wake_ = true;
    }
    cv_.notify_all();
  }

  struct Typing {
    std::int64_t external = 0;
    core::Time until{};
    core::Time next{};
  };

  void SendLoop() {
    core::telegram::SendPacer pacer;
    int unauthorized = 0;
    for (;;) {
      std::string token;
      std::vector<std::pair<core::ChatId, std::int64_t>> typing_due;
      {
        std::unique_lock lock(mutex_);
        cv_.wait_for(lock, std::chrono::milliseconds(500), [&] { return stop_ || wake_; });
        if (stop_) return;
        wake_ = false;
        token = token_;
        const core::Time now = w_.clock_.Now();
        for (auto it = typing_.begin(); it != typing_.end();) {
          if (it->second.until <= now) {
            it = typing_.erase(it);
            continue;
          }
          if (it->second.next <= now) {
            typing_due.emplace_back(it->first, it->second.external);
            it->second.next = now + w_.options_.typing_interval;
          }
          ++it;
        }
      }
      if (!holding_ || token.empty()) continue;
      for (const auto& [chat, external] : typing_due) {
        w_.api_.SendChatAction(token, external, "typing");
      }
      if (unauthorized > 0) {
        // A revoked token: look again now and then, not on every wake.
        if (!Sleep(core::telegram::Backoff(unauthorized))) return;
      }
      SendDue(token, pacer, unauthorized);
    }
  }

  void SendDue(const std::string& token, core::telegram::SendPacer& pacer, int& unauthorized) {
    const core::Time now = w_.clock_.Now();
    std::vector<core::Outbound> pending;
    w_.store_.Read([&](core::Repositories& repos) -> core::Status {
      pending = repos.channels().PendingOutbound(id_, now, kOutboxBatch);
      return core::OkStatus();
    });
    std::set<core::ChatId> seen;
    bool more = false;
    for (auto& o : pending) {
      if (stop_) return;
      if (!seen.insert(o.chat.chat_id).second) {
        more = true;  // one message per chat per round keeps each chat's order
        continue;
      }
      const core::Time slot = pacer.NextSlot(o.chat.external_chat_id, w_.clock_.Now());
      if (slot > w_.clock_.Now()) {
        more = true;
        continue;
      }
      const std::string text = o.message.author == core::AuthorKind::kSystem
                                   ? std::string(HandoffNotice(o.chat.language))
                                   : o.message.text;
      CallOutcome outcome;
      for (const std::string& piece : core::telegram::SplitMessage(text)) {
        outcome =
            w_.api_.SendMessage(token, o.chat.external_chat_id, core::telegram::EscapeHtml(piece));
        pacer.Sent(o.chat.external_chat_id, w_.clock_.Now());
        if (outcome.kind != Kind::kOk) break;
      }
      Settle(o, outcome, pacer, unauthorized);
      if (outcome.kind == Kind::kOk) more = true;  // the chat may have the next one waiting
    }
    if (more) Wake();
  }

  // Records what became of one outbound message.
  void Settle(core::Outbound& o, const CallOutcome& outcome, core::telegram::SendPacer& pacer,
              int& unauthorized) {
    const core::Time now = w_.clock_.Now();
    core::ChannelChat& cc = o.chat;
    switch (outcome.kind) {
      case Kind::kOk:
        cc.delivered_message_id = o.message.id;
        cc.attempts = 0;
        cc.next_attempt_at = core::Time{};
        unauthorized = 0;
        {
          std::lock_guard lock(mutex_);
          if (o.message.author != core::AuthorKind::kClient) typing_.erase(cc.chat_id);
        }
        break;
      case Kind::kRetryAfter:
        cc.next_attempt_at = now + std::chrono::seconds(outcome.retry_after_seconds);
        pacer.PauseUntil(cc.next_attempt_at);
        spdlog::warn(R"({{"event":"telegram_rate_limited","channel_id":{},"retry_after":{}}})", id_,
                     outcome.retry_after_seconds);
        break;
      case Kind::kBlocked:
        cc.undeliverable = true;
        spdlog::info(R"({{"event":"telegram_chat_undeliverable","channel_id":{},"chat_id":{}}})",
                     id_, cc.chat_id);
        break;
      case Kind::kRejected:
        // Retrying will not help: skipped, so the chat's later messages still go out.
        cc.delivered_message_id = o.message.id;
        cc.attempts = 0;
        spdlog::warn(
            R"({{"event":"telegram_message_rejected","channel_id":{},"message_id":{},"status":{}}})",
            id_, o.message.id, outcome.status);
        break;
      case Kind::kUnauthorized:
        ++unauthorized;
        w_.channels_.ReportHealth(id_,
                                  "Telegram no longer accepts the bot token (revoked in "
                                  "@BotFather?).");
        return;
      case Kind::kTransient:
      case Kind::kConflict:
        cc.attempts += 1;
        cc.next_attempt_at = now + core::telegram::Backoff(cc.attempts);
        break;
    }
    w_.store_.Write([&](core::Repositories& repos) -> core::Status {
      repos.channels().UpdateChat(cc);
      return core::OkStatus();
    });
    if (outcome.kind == Kind::kOk) w_.channels_.CountSent(id_);
  }

  TelegramWorker& w_;
  const core::ChannelId id_;
  std::atomic<bool> holding_{false};
  std::atomic<bool> cancel_{false};
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stop_ = false;                      // GUARDED_BY(mutex_)
  bool wake_ = false;                      // GUARDED_BY(mutex_)
  std::string token_;                      // GUARDED_BY(mutex_)
  std::map<core::ChatId, Typing> typing_;  // GUARDED_BY(mutex_)
  std::thread poll_;
  std::thread send_;
};

TelegramWorker::TelegramWorker(core::Store& store, const core::Clock& clock,
                               core::telegram::BotApi& api, ChannelService& channels,
                               TelegramWorkerOptions options)
    : store_(store), clock_(clock), api_(api), channels_(channels), options_(std::move(options)) {}

TelegramWorker::~TelegramWorker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (supervisor_.joinable()) supervisor_.join();
  std::map<core::ChannelId, std::unique_ptr<Runner>> runners;
  {
    std::lock_guard lock(mutex_);
    runners.swap(runners_);
  }
  runners.clear();
}

void TelegramWorker::Start() {
  if (supervisor_.joinable()) return;
  supervisor_ = std::thread([this] { Supervise(); });
}

void TelegramWorker::Wake(core::ChatId chat) {
  std::optional<core::ChannelChat> link;
  store_.Read([&](core::Repositories& repos) -> core::Status {
    link = repos.channels().ChatOf(chat);
    return core::OkStatus();
  });
  if (!link) return;
  std::lock_guard lock(mutex_);
  if (auto it = runners_.find(link->channel_id); it != runners_.end()) it->second->Wake();
}

void TelegramWorker::Supervise() {
  for (;;) {
    std::vector<core::Channel> channels;
    store_.Read([&](core::Repositories& repos) -> core::Status {
      channels = repos.channels().All(core::ChannelKind::kTelegram);
      return core::OkStatus();
    });
    std::set<core::ChannelId> live;
    for (const auto& c : channels) live.insert(c.id);
    std::vector<std::unique_ptr<Runner>> gone;
    {
      std::unique_lock lock(mutex_);
      if (stopping_) return;
      for (auto it = runners_.begin(); it != runners_.end();) {
        if (!live.count(it->first)) {
          gone.push_back(std::move(it->second));
          it = runners_.erase(it);
        } else {
          ++it;
        }
      }
      for (core::ChannelId id : live) {
        if (!runners_.count(id)) runners_[id] = std::make_unique<Runner>(*this, id);
      }
    }
    gone.clear();  // stops them outside the lock
    std::unique_lock lock(mutex_);
    cv_.wait_for(lock, options_.rescan_interval, [&] { return stopping_; });
    if (stopping_) return;
  }
}

}  // namespace textura::services
