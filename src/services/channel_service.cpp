#include "services/channel_service.h"

#include <spdlog/spdlog.h>

#include "core/channels/telegram_text.h"
#include "services/access.h"

namespace textura::services {

using core::Channel;
using core::Error;
using core::ErrorCode;
using core::Result;
using core::telegram::CallOutcome;
using core::telegram::Update;

namespace {

Error ChannelNotFound(core::ChannelId id) {
  return Error::NotFound("Channel " + std::to_string(id) + " was not found.");
}

std::string TokenHint(std::string_view token) {
  return std::string(token.substr(token.size() >= 4 ? token.size() - 4 : 0));
}

// A Bot API token: "<bot id>:<secret>", digits then a colon then [A-Za-z0-9_-].
bool LooksLikeToken(std::string_view t) {
  const std::size_t colon = t.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 >= t.size() || t.size() > 200) {
    return false;
  }
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (i == colon) continue;
    const char c = t[i];
    if (i < colon ? !(c >= '0' && c <= '9')
                  : !(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) {
      return false;
    }
  }
  return true;
}

std::string TokenProblem(const CallOutcome& o) {
  switch (o.kind) {
    case CallOutcome::Kind::kUnauthorized:
      return "Telegram did not accept this token (" + o.description +
             "). Copy it again from @BotFather.";
    case CallOutcome::Kind::kTransient:
      return "Telegram could not be reached to check the token (" + o.description +
             "); nothing was saved, try again.";
    default:
      return "Telegram refused the token check: " + o.description;
  }
}

}  // namespace

ChannelService::ChannelService(core::Store& store, const core::Clock& clock,
                               core::EventSink& events, core::telegram::BotApi& bot_api,
                               const core::SecretBox& secrets, const core::TokenSource& tokens,
                               ChatService& chats, ChannelOptions options)
    : store_(store),
      clock_(clock),
      events_(events),
      bot_api_(bot_api),
      secrets_(secrets),
      tokens_(tokens),
      chats_(chats),
      options_(std::move(options)) {
  while (!options_.public_url.empty() && options_.public_url.back() == '/') {
    options_.public_url.pop_back();
  }
}

std::string ChannelService::WebhookUrl(core::ChannelId id) const {
  return options_.public_url + "/api/v1/telegram/webhook/" + std::to_string(id);
}

Result<Channel> ChannelService::Own(core::Repositories& repos, core::AccountId account,
                                    core::ChannelId id) {
  auto c = repos.channels().Find(id);
  if (!c || c->account_id != account) return ChannelNotFound(id);
  return std::move(*c);
}

Result<std::vector<Channel>> ChannelService::List(const core::Principal& who) {
  auto scope = AccountScope(who);
  if (!scope) return std::move(scope).error();
  return core::ReadValue<std::vector<Channel>>(
      store_, [&](core::Repositories& repos) -> Result<std::vector<Channel>> {
        if (*scope) return repos.channels().List(**scope);
        std::vector<Channel> all = repos.channels().All(core::ChannelKind::kTelegram);
        auto widgets = repos.channels().All(core::ChannelKind::kWidget);
        all.insert(all.end(), widgets.begin(), widgets.end());
        return all;
      });
}

Result<Channel> ChannelService::Get(const core::Principal& who, core::ChannelId id) {
  return core::ReadValue<Channel>(store_, [&](core::Repositories& repos) -> Result<Channel> {
    auto c = repos.channels().Find(id);
    if (!c || !CanSeeAccount(who, c->account_id)) return ChannelNotFound(id);
    return std::move(*c);
  });
}

Result<Channel> ChannelService::Connect(const core::Principal& who, const ConnectChannelInput& in) {
  auto account = OwnAccount(who);
  if (!account) return std::move(account).error();
  const std::string kind = in.kind.value_or("telegram");
  if (kind == "widget") {
    return Error::Validation("kind", "Website widget channels are not available yet.");
  }
  if (kind != "telegram") return Error::Validation("kind", "must be \"telegram\"");
  if (!in.employee_id)
    return Error::Validation("employee_id", "Choose the AI employee who answers.");
  std::string token = in.token.value_or("");
  while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back()))) token.pop_back();
  while (!token.empty() && std::isspace(static_cast<unsigned char>(token.front())))
    token.erase(0, 1);
  if (!LooksLikeToken(token)) {
    return Error::Validation("token", "A bot token looks like 123456789:AAE… (from @BotFather).");
  }
  const core::Time now = clock_.Now();
  // The employee first (no call to Telegram for a request that would fail anyway).
  auto employee_ok = core::ReadValue<bool>(store_, [&](core::Repositories& repos) -> Result<bool> {
    auto e = repos.employees().Find(*in.employee_id, core::MonthStart(now));
    if (!e || e->account_id != *account || e->deleted_at) {
      return Error::Validation("employee_id", "No such AI employee in this account.");
    }
    return true;
  });
  if (!employee_ok) return std::move(employee_ok).error();

  core::telegram::BotInfo bot;
  const CallOutcome me = bot_api_.GetMe(token, bot);
  if (me.kind != CallOutcome::Kind::kOk) return Error::Validation("token", TokenProblem(me));

  Channel c;
  c.account_id = *account;
  c.employee_id = *in.employee_id;
  c.kind = core::ChannelKind::kTelegram;
  c.mode = options_.public_url.empty() ? core::ChannelMode::kPolling : core::ChannelMode::kWebhook;
  c.status = core::ChannelStatus::kConnected;
  c.name = bot.username;
  c.external_id = bot.id;
  c.secret_sealed = secrets_.Seal(token);
  c.secret_hint = TokenHint(token);
  if (c.mode == core::ChannelMode::kWebhook) c.webhook_secret = tokens_.NewToken();
  c.created_at = c.updated_at = now;
  auto saved = core::WriteValue<Channel>(store_, [&](core::Repositories& repos) -> Result<Channel> {
    return repos.channels().Insert(c);
  });
  if (!saved) return saved;
  if (saved->mode == core::ChannelMode::kWebhook) {
    const CallOutcome set =
        bot_api_.SetWebhook(token, WebhookUrl(saved->id), saved->webhook_secret);
    if (set.kind != CallOutcome::Kind::kOk) {
      ReportHealth(saved->id, "setWebhook failed: " + set.description);
      return Get(who, saved->id);
    }
  } else {
    // A webhook left by an earlier owner of the bot would make getUpdates answer 409.
    bot_api_.DeleteWebhook(token);
  }
  spdlog::info(R"({{"event":"channel_connected","channel_id":{},"kind":"telegram","bot":"{}"}})",
               saved->id, saved->name);
  return saved;
}

Result<Channel> ChannelService::Change(const core::Principal& who, core::ChannelId id,
                                       const ChangeChannelInput& in) {
  auto account = OwnAccount(who);
  if (!account) return std::move(account).error();
  if (in.status && *in.status != "paused" && *in.status != "connected") {
    return Error::Validation("status", "must be \"paused\" or \"connected\"");
  }
  const core::Time now = clock_.Now();
  return core::WriteValue<Channel>(store_, [&](core::Repositories& repos) -> Result<Channel> {
    auto c = Own(repos, *account, id);
    if (!c) return c;
    if (in.employee_id) {
      auto e = repos.employees().Find(*in.employee_id, core::MonthStart(now));
      if (!e || e->account_id != *account || e->deleted_at) {
        return Error::Validation("employee_id", "No such AI employee in this account.");
      }
      c->employee_id = e->id;
    }
    if (in.status) {
      c->status =
          *in.status == "paused" ? core::ChannelStatus::kPaused : core::ChannelStatus::kConnected;
    }
    c->updated_at = now;
    repos.channels().Update(*c);
    return c;
  });
}

core::Status ChannelService::Disconnect(const core::Principal& who, core::ChannelId id) {
  auto account = OwnAccount(who);
  if (!account) return std::move(account).error();
  auto channel =
      core::WriteValue<Channel>(store_, [&](core::Repositories& repos) -> Result<Channel> {
        auto c = Own(repos, *account, id);
        if (c) repos.channels().Delete(id);
        return c;
      });
  if (!channel) return std::move(channel).error();
  if (channel->mode == core::ChannelMode::kWebhook) {
    if (auto token = TokenOf(*channel)) bot_api_.DeleteWebhook(*token);
  }
  return core::OkStatus();
}

std::optional<std::string> ChannelService::TokenOf(const Channel& channel) const {
  return secrets_.Open(channel.secret_sealed);
}

WebhookResult ChannelService::HandleWebhook(core::ChannelId id, std::string_view secret_header,
                                            std::string_view body) {
  auto channel =
      core::ReadValue<Channel>(store_, [&](core::Repositories& repos) -> Result<Channel> {
        auto c = repos.channels().Find(id);
        if (!c) return ChannelNotFound(id);
        return std::move(*c);
      });
  // An unknown channel and a wrong secret look the same to the caller.
  if (!channel || channel->mode != core::ChannelMode::kWebhook || channel->webhook_secret.empty()) {
    tokens_.SecretEquals(secret_header, "-");
    return WebhookResult::kUnauthorized;
  }
  if (!tokens_.SecretEquals(secret_header, channel->webhook_secret)) {
    return WebhookResult::kUnauthorized;
  }
  auto update = bot_api_.ParseUpdate(body);
  if (!update) {
    spdlog::warn(R"({{"event":"telegram_update_malformed","channel_id":{},"via":"webhook"}})", id);
    return WebhookResult::kMalformed;
  }
  if (channel->status == core::ChannelStatus::kPaused) {
    // Paused: Telegram keeps the update and redelivers it (a non-2xx answer).
    return WebhookResult::kNotFound;
  }
  auto done = ProcessUpdate(id, *update);
  if (!done) {
    spdlog::error(R"({{"event":"telegram_update_failed","channel_id":{},"error":"{}"}})", id,
                  done.error().message);
    return WebhookResult::kNotFound;
  }
  return WebhookResult::kAccepted;
}

Result<ChannelService::Processed> ChannelService::ProcessUpdate(core::ChannelId id,
                                                                const Update& u) {
  const core::Time now = clock_.Now();
  Processed out;
  std::optional<core::Chat> chat;
  std::vector<core::ChatMessageId> written;
  bool schedule = false;
  core::Status s = store_.Write([&](core::Repositories& repos) -> core::Status {
    auto channel = repos.channels().Find(id);
    if (!channel) return core::OkStatus();
    if (!repos.channels().MarkUpdateProcessed(id, u.update_id, now)) return core::OkStatus();
    channel->last_update_at = now;
    channel->update_offset = std::max(channel->update_offset, u.update_id + 1);
    channel->updated_at = now;
    const bool relevant = u.private_chat && u.kind != Update::Kind::kOther;
    if (!relevant) {
      repos.channels().Update(*channel);
      return core::OkStatus();
    }
    auto link = repos.channels().FindChat(id, u.chat_id);
    if (u.kind == Update::Kind::kBlocked || u.kind == Update::Kind::kUnblocked) {
      if (link) {
        link->undeliverable = u.kind == Update::Kind::kBlocked;
        repos.channels().UpdateChat(*link);
      }
      repos.channels().Update(*channel);
      return core::OkStatus();
    }
    if (u.kind == Update::Kind::kEditedMessage) {
      // Not applied yet (docs/channels.md): acknowledged and logged.
      spdlog::info(R"({{"event":"telegram_edit_skipped","channel_id":{}}})", id);
      repos.channels().Update(*channel);
      return core::OkStatus();
    }
    auto employee = repos.employees().Find(channel->employee_id, core::MonthStart(now));
    if (!employee) return Error{ErrorCode::kInternal, "the channel's employee is missing", {}, 0};
    if (link) chat = repos.chats().Find(link->chat_id);
    // A switched employee answers in a new chat; the old one stays with its employee.
    if (!chat || chat->employee_id != channel->employee_id) {
      core::Chat c;
      c.account_id = channel->account_id;
      c.employee_id = channel->employee_id;
      c.employee_name = employee->name;
      c.source = std::string(core::kTelegramSource);
      c.client_name = core::telegram::DisplayName(u.from);
      c.created_at = c.last_message_at = now;
      chat = repos.chats().Insert(std::move(c));
      core::ChannelChat cc;
      cc.chat_id = chat->id;
      cc.channel_id = id;
      cc.external_chat_id = u.chat_id;
      cc.language = core::telegram::SpeaksRussian(u.from) ? "ru" : "en";
      repos.channels().InsertChat(cc);
      link = cc;
    } else if (link->undeliverable) {
      link->undeliverable = false;  // they wrote again: the bot is not blocked any more
      repos.channels().UpdateChat(*link);
    }
    core::CountMessage(*channel, now, false);
    repos.channels().Update(*channel);
    if (core::telegram::IsStartCommand(u.text)) {
      if (auto greeting = chats_.AppendGreeting(repos, *chat, *employee, now)) {
        written.push_back(greeting->id);
      }
      return core::OkStatus();
    }
    std::string text = u.text;
    if (u.file) {
      // Files are not downloaded yet (docs/channels.md): the chat says one was sent.
      const std::string what = u.file->is_photo ? "[photo]" : "[file: " + u.file->file_name + "]";
      text = text.empty() ? what : what + " " + text;
    }
    if (text.empty()) return core::OkStatus();  // a sticker, a location…: nothing to answer
    auto m = chats_.AppendClientMessage(repos, *chat, text, now);
    if (!m) {
      // A flood (rate limited) or an over-long text: acknowledged, not stored.
      spdlog::info(R"({{"event":"telegram_message_refused","channel_id":{},"reason":"{}"}})", id,
                   core::ErrorCodeName(m.error().code));
      return core::OkStatus();
    }
    written.push_back(m->id);
    schedule = true;
    return core::OkStatus();
  });
  if (!s) return std::move(s).error();
  if (chat) {
    out.chat = chat->id;
    out.external_chat = u.chat_id;
    for (std::size_t i = 0; i < written.size(); ++i) {
      const bool last = i + 1 == written.size();
      chats_.Published(
          *chat, written[i],
          last && schedule ? ChatService::Reply::kSchedule : ChatService::Reply::kNone);
    }
    out.answering = schedule && chat->status == core::ChatStatus::kAi && !chat->needs_human;
  }
  return out;
}

void ChannelService::Acknowledge(core::ChannelId id, std::int64_t last_update_id) {
  store_.Write([&](core::Repositories& repos) -> core::Status {
    auto c = repos.channels().Find(id);
    if (c && c->update_offset <= last_update_id) {
      c->update_offset = last_update_id + 1;
      repos.channels().Update(*c);
    }
    return core::OkStatus();
  });
}

void ChannelService::PruneProcessedUpdates() {
  const core::Time cutoff = clock_.Now() - std::chrono::hours(25);
  store_.Write([&](core::Repositories& repos) -> core::Status {
    repos.channels().PruneProcessedUpdates(cutoff);
    return core::OkStatus();
  });
}

void ChannelService::ReportHealth(core::ChannelId id, const std::optional<std::string>& error) {
  const core::Time now = clock_.Now();
  store_.Write([&](core::Repositories& repos) -> core::Status {
    auto c = repos.channels().Find(id);
    if (!c || c->status == core::ChannelStatus::kPaused) return core::OkStatus();
    if (error) {
      if (c->status == core::ChannelStatus::kError && c->last_error == error)
        return core::OkStatus();
      c->status = core::ChannelStatus::kError;
      c->last_error = error;
      c->last_error_at = now;
    } else {
      if (c->status == core::ChannelStatus::kConnected) return core::OkStatus();
      c->status = core::ChannelStatus::kConnected;
    }
    c->updated_at = now;
    repos.channels().Update(*c);
    return core::OkStatus();
  });
}

void ChannelService::CountSent(core::ChannelId id) {
  const core::Time now = clock_.Now();
  store_.Write([&](core::Repositories& repos) -> core::Status {
    auto c = repos.channels().Find(id);
    if (!c) return core::OkStatus();
    core::CountMessage(*c, now, true);
    repos.channels().Update(*c);
    return core::OkStatus();
  });
}

void ChannelService::SaveWebhookInfo(core::ChannelId id, const core::telegram::WebhookInfo& info) {
  store_.Write([&](core::Repositories& repos) -> core::Status {
    auto c = repos.channels().Find(id);
    if (!c) return core::OkStatus();
    c->webhook_pending = info.pending_update_count;
    if (!info.last_error_message.empty() && info.last_error_date > 0) {
      const core::Time at = core::FromMicros(info.last_error_date * 1'000'000);
      if (!c->last_error_at || *c->last_error_at < at) {
        c->last_error = "Webhook: " + info.last_error_message;
        c->last_error_at = at;
      }
    }
    repos.channels().Update(*c);
    return core::OkStatus();
  });
}

}  // namespace textura::services
