#include "services/webhook_service.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/numbers.h"
#include "core/page.h"
#include "core/validation.h"
#include "services/access.h"

namespace textura::services {

using core::Error;
using core::Result;

namespace {

constexpr std::size_t kMaxDescription = 200;
constexpr std::size_t kMaxEndpointsPerAccount = 20;
constexpr auto kRotationOverlap = std::chrono::hours(24);

Error EndpointNotFound(core::WebhookEndpointId id) {
  return Error::NotFound("Webhook endpoint " + std::to_string(id) + " was not found.");
}

core::Status CheckEvents(const std::vector<std::string>& events) {
  if (events.empty()) return Error::Validation("events", "Choose at least one event.");
  for (const auto& e : events) {
    if (!core::IsWebhookEventType(e)) {
      return Error::Validation("events", "Unknown event \"" + e.substr(0, 60) + "\".");
    }
  }
  return core::OkStatus();
}

std::vector<std::string> Deduplicated(std::vector<std::string> events) {
  std::vector<std::string> out;
  for (auto& e : events) {
    if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

WebhookService::WebhookService(core::Store& store, const core::Clock& clock,
                               const core::SecretBox& secrets, const core::TokenSource& tokens,
                               const core::WebhookSigner& signer, core::WebhookSender& sender,
                               WebhookOptions options)
    : store_(store),
      clock_(clock),
      secrets_(secrets),
      tokens_(tokens),
      signer_(signer),
      sender_(sender),
      options_(options) {}

WebhookService::~WebhookService() {
  Stop();
}

void WebhookService::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : workers_) t.join();
  workers_.clear();
}

namespace {
// A secret in the Standard Webhooks form from 256 random bits (URL-safe base64 of a
// token turned into standard base64, which the scheme's libraries decode).
std::string SecretFrom(std::string token) {
  for (char& c : token) {
    if (c == '-') c = '+';
    if (c == '_') c = '/';
  }
  while (token.size() % 4 != 0) token += '=';
  return "whsec_" + token;
}
}  // namespace

std::string WebhookService::NewMessageUid() const {
  std::string t = tokens_.NewToken();
  std::erase_if(t, [](char c) { return c == '-' || c == '_'; });
  return "msg_" + t.substr(0, 24);
}

core::Status WebhookService::ValidateUrl(const std::string& url) const {
  auto parsed = core::ParseWebhookUrl(url, options_.policy);
  if (!parsed) return std::move(parsed).error();
  return sender_.CheckDestination(*parsed);
}

Result<core::WebhookEndpoint> WebhookService::Find(core::Repositories& repos,
                                                   const core::Principal& who,
                                                   core::WebhookEndpointId id) {
  auto e = repos.webhooks().FindEndpoint(who.account->id, id);
  if (!e) return EndpointNotFound(id);
  return std::move(*e);
}

Result<std::vector<core::WebhookEndpoint>> WebhookService::List(const core::Principal& who) {
  if (auto s = Require(who, Capability::kAccountManager); !s) return std::move(s).error();
  return core::ReadValue<std::vector<core::WebhookEndpoint>>(
      store_, [&](core::Repositories& repos) -> Result<std::vector<core::WebhookEndpoint>> {
        return repos.webhooks().Endpoints(who.account->id);
      });
}

Result<core::WebhookEndpoint> WebhookService::Get(const core::Principal& who,
                                                  core::WebhookEndpointId id) {
  if (auto s = Require(who, Capability::kAccountManager); !s) return std::move(s).error();
  return core::ReadValue<core::WebhookEndpoint>(
      store_, [&](core::Repositories& repos) { return Find(repos, who, id); });
}

Result<EndpointWithSecret> WebhookService::Create(const core::Principal& who,
                                                  const WebhookEndpointInput& in) {
  if (auto s = Require(who, Capability::kAccountManager); !s) return std::move(s).error();
  if (!in.url) return Error::Validation("url", "Enter the URL of your endpoint.");
  if (!in.events) return Error::Validation("events", "Choose at least one event.");
  if (auto s = CheckEvents(*in.events); !s) return std::move(s).error();
  std::string description;
  if (in.description) {
    auto d = core::CleanText("description", *in.description, 0, kMaxDescription);
    if (!d) return std::move(d).error();
    description = std::move(*d);
  }
  if (auto s = ValidateUrl(*in.url); !s) return std::move(s).error();
  const core::Time now = clock_.Now();
  EndpointWithSecret out;
  out.secret = SecretFrom(tokens_.NewToken());
  core::WebhookEndpoint e;
  e.account_id = who.account->id;
  e.url = *in.url;
  e.description = std::move(description);
  e.events = Deduplicated(*in.events);
  e.secret_sealed = secrets_.Seal(out.secret);
  e.created_by = who.user.id;
  e.created_at = now;
  e.updated_at = now;
  auto stored = core::WriteValue<core::WebhookEndpoint>(
      store_, [&](core::Repositories& repos) -> Result<core::WebhookEndpoint> {
        if (repos.webhooks().Endpoints(e.account_id).size() >= kMaxEndpointsPerAccount) {
          return Error::Conflict("The account has " + std::to_string(kMaxEndpointsPerAccount) +
                                 " webhook endpoints; delete one first.");
        }
        return repos.webhooks().InsertEndpoint(e);
      });
  if (!stored) return std::move(stored).error();
  out.endpoint = std::move(*stored);
  return out;
}

Result<core::WebhookEndpoint> WebhookService::Change(const core::Principal& who,
                                                     core::WebhookEndpointId id,
                                                     const WebhookEndpointInput& in) {
  if (auto s = Require(who, Capability::kAccountManager); !s) return std::move(s).error();
  if (in.events) {
    if (auto s = CheckEvents(*in.events); !s) return std::move(s).error();
  }
  std::optional<std::string> description;
  if (in.description) {
    auto d = core::CleanText("description", *in.description, 0, kMaxDescription);
    if (!d) return std::move(d).error();
    description = std::move(*d);
  }
  if (in.url) {
    if (auto s = ValidateUrl(*in.url); !s) return std::move(s).error();
  }
  const core::Time now = clock_.Now();
  return core::WriteValue<core::WebhookEndpoint>(
      store_, [&](core::Repositories& repos) -> Result<core::WebhookEndpoint> {
        auto e = Find(repos, who, id);
        if (!e) return e;
        if (in.url) e->url = *in.url;
        if (description) e->description = *description;
        if (in.events) e->events = Deduplicated(*in.events);
        if (in.enabled) {
          if (*in.enabled && !e->enabled) {
            e->failing_since.reset();
            e->disabled_reason.reset();
          }
          if (!*in.enabled && e->enabled) e->disabled_reason = "Disabled by a person.";
          e->enabled = *in.enabled;
        }
        e->updated_at = now;
        repos.webhooks().UpdateEndpoint(*e);
        return e;
      });
}

core::Status WebhookService::Delete(const core::Principal& who, core::WebhookEndpointId id) {
  if (auto s = Require(who, Capability::kAccountManager); !s) return s;
  return store_.Write([&](core::Repositories& repos) -> core::Status {
    if (!repos.webhooks().DeleteEndpoint(who.account->id, id)) return EndpointNotFound(id);
    return core::OkStatus();
  });
}

Result<EndpointWithSecret> WebhookService::RotateSecret(const core::Principal& who,
                                                        core::WebhookEndpointId id) {
  if (auto s = Require(who, Capability::kAccountManager); !s) return std::move(s).error();
  const core::Time now = clock_.Now();
  EndpointWithSecret out;
  out.secret = SecretFrom(tokens_.NewToken());
  auto e = core::WriteValue<core::WebhookEndpoint>(
      store_, [&](core::Repositories& repos) -> Result<core::WebhookEndpoint> {
        auto e = Find(repos, who, id);
        if (!e) return e;
        e->previous_secret_sealed = e->secret_sealed;
        e->previous_expires_at = now + kRotationOverlap;
        e->secret_sealed = secrets_.Seal(out.secret);
        e->updated_at = now;
        repos.webhooks().UpdateEndpoint(*e);
        return e;
      });
  if (!e) return std::move(e).error();
  out.endpoint = std::move(*e);
  return out;
}

Result<DeliveryPage> WebhookService::Deliveries(const core::Principal& who,
                                                core::WebhookEndpointId id,
                                                const std::optional<std::string>& limit_text,
                                                const std::optional<std::string>& cursor) {
  if (auto s = Require(who, Capability::kAccountManager); !s) return std::move(s).error();
  auto limit = core::ParsePageLimit(limit_text);
  if (!limit) return std::move(limit).error();
  std::int64_t before = 0;
  if (cursor) {
    auto c = core::ParseId(*cursor);
    if (!c) return Error::Validation("cursor", "is not a cursor of this list");
    before = *c;
  }
  return core::ReadValue<DeliveryPage>(
      store_, [&](core::Repositories& repos) -> Result<DeliveryPage> {
        if (auto e = Find(repos, who, id); !e) return std::move(e).error();
        DeliveryPage page;
        page.items =
            repos.webhooks().Deliveries(who.account->id, id, before, core::FetchCount(*limit));
        page.next_cursor = core::TakePage(page.items, *limit, [](const core::WebhookDelivery& d) {
          return std::to_string(d.id);
        });
        return page;
      });
}

Result<core::WebhookDelivery> WebhookService::Resend(const core::Principal& who,
                                                     core::WebhookEndpointId id,
                                                     core::WebhookDeliveryId delivery) {
  if (auto s = Require(who, Capability::kAccountManager); !s) return std::move(s).error();
  const core::Time now = clock_.Now();
  auto out = core::WriteValue<core::WebhookDelivery>(
      store_, [&](core::Repositories& repos) -> Result<core::WebhookDelivery> {
        if (auto e = Find(repos, who, id); !e) return std::move(e).error();
        auto d = repos.webhooks().FindDelivery(who.account->id, delivery);
        if (!d || d->endpoint_id != id) {
          return Error::NotFound("Delivery " + std::to_string(delivery) + " was not found.");
        }
        auto again = repos.webhooks().Requeue(who.account->id, delivery, now);
        if (!again)
          return Error::NotFound("Delivery " + std::to_string(delivery) + " was not found.");
        return *repos.webhooks().FindDelivery(who.account->id, *again);
      });
  if (out) Wake();
  return out;
}

Result<core::WebhookDelivery> WebhookService::SendTest(const core::Principal& who,
                                                       core::WebhookEndpointId id) {
  if (auto s = Require(who, Capability::kAccountManager); !s) return std::move(s).error();
  const core::Time now = clock_.Now();
  const std::string uid = NewMessageUid();
  const std::string payload = R"({"type":"webhook.test","timestamp":")" + core::FormatRfc3339(now) +
                              R"(","data":{"message":"A test event from Textura."}})";
  auto out = core::WriteValue<core::WebhookDelivery>(
      store_, [&](core::Repositories& repos) -> Result<core::WebhookDelivery> {
        auto e = Find(repos, who, id);
        if (!e) return std::move(e).error();
        if (!e->enabled) return Error::Conflict("The endpoint is disabled: enable it first.");
        repos.webhooks().Publish(who.account->id, uid, core::kWebhookTestEvent, payload, now, id);
        auto newest = repos.webhooks().Deliveries(who.account->id, id, 0, 1);
        if (newest.empty()) return Error::Internal("the test delivery was not stored");
        return std::move(newest.front());
      });
  if (out) Wake();
  return out;
}

bool WebhookService::Wants(core::AccountId account, std::string_view type) {
  auto r = core::ReadValue<bool>(store_, [&](core::Repositories& repos) -> Result<bool> {
    return repos.webhooks().AnySubscribed(account, type);
  });
  return r && *r;
}

Result<int> WebhookService::Publish(core::AccountId account, std::string_view type,
                                    std::string_view payload) {
  const core::Time now = clock_.Now();
  const std::string uid = NewMessageUid();
  auto n = core::WriteValue<int>(store_, [&](core::Repositories& repos) -> Result<int> {
    return repos.webhooks().Publish(account, uid, type, payload, now);
  });
  if (n && *n > 0) Wake();
  return n;
}

void WebhookService::Start() {
  if (!workers_.empty()) return;
  for (int i = 0; i < std::max(1, options_.workers); ++i) workers_.emplace_back([this] { Work(); });
}

void WebhookService::Wake() {
  {
    std::lock_guard lock(mutex_);
    ++wakes_;
  }
  cv_.notify_all();
}

void WebhookService::Work() {
  for (;;) {
    std::uint64_t seen = 0;
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      seen = wakes_;
    }
    int sent = 0;
    try {
      sent = DeliverDue();
    } catch (const std::exception& e) {
      spdlog::error("webhook delivery failed: {}", e.what());
    }
    if (sent > 0) continue;
    std::unique_lock lock(mutex_);
    // Sleep until woken, the poll interval, or the next retry falls due.
    auto wait = options_.poll;
    cv_.wait_for(lock, wait, [&] { return stopping_ || wakes_ != seen; });
    if (stopping_) return;
  }
}

int WebhookService::DeliverDue() {
  const core::Time now = clock_.Now();
  // A read first: claiming is a write (an fsync on SQLite), not worth it when idle.
  auto next = core::ReadValue<std::optional<core::Time>>(
      store_, [&](core::Repositories& repos) -> Result<std::optional<core::Time>> {
        return repos.webhooks().NextDue();
      });
  if (!next || !next->has_value() || **next > now) return 0;
  // Long enough for the whole batch at the sender's timeout.
  const core::Time lease = now + std::chrono::seconds(15) * std::max(1, options_.batch);
  auto due = core::WriteValue<std::vector<core::DueDelivery>>(
      store_, [&](core::Repositories& repos) -> Result<std::vector<core::DueDelivery>> {
        return repos.webhooks().ClaimDue(now, lease, options_.batch);
      });
  if (!due) {
    spdlog::error("claiming webhook deliveries failed: {}", due.error().message);
    return 0;
  }
  for (const auto& d : *due) SendOne(d);
  return static_cast<int>(due->size());
}

void WebhookService::SendOne(const core::DueDelivery& due) {
  const core::WebhookDelivery& d = due.delivery;
  const core::WebhookEndpoint& e = due.endpoint;
  const core::Time started = clock_.Now();
  const std::int64_t timestamp =
      std::chrono::duration_cast<std::chrono::seconds>(started.time_since_epoch()).count();
  core::WebhookAttempt attempt;
  attempt.attempt = d.attempts + 1;
  attempt.started_at = started;
  core::WebhookResponse response;

  std::string signatures;
  const auto sign_with = [&](const std::string& sealed) {
    auto secret = secrets_.Open(sealed);
    if (!secret) return;
    if (auto sig = signer_.Sign(*secret, d.message_uid, timestamp, d.payload)) {
      if (!signatures.empty()) signatures += ' ';
      signatures += *sig;
    }
  };
  sign_with(e.secret_sealed);
  if (e.previous_secret_sealed && e.previous_expires_at && *e.previous_expires_at > started) {
    sign_with(*e.previous_secret_sealed);
  }
  auto url = core::ParseWebhookUrl(e.url, options_.policy);
  if (signatures.empty()) {
    response.error = "the endpoint's secret cannot be opened (was the channel key changed?)";
  } else if (!url) {
    response.error = url.error().message;
  } else {
    core::WebhookRequest request;
    request.url = *url;
    request.headers = {{"Content-Type", "application/json"},
                       {"webhook-id", d.message_uid},
                       {"webhook-timestamp", std::to_string(timestamp)},
                       {"webhook-signature", signatures}};
    request.body = d.payload;
    for (const auto& [name, value] : request.headers) {
      attempt.request_headers += name + ": " + value + "\n";
    }
    response = sender_.Send(request);
  }
  attempt.duration_ms = response.duration.count();
  attempt.response_status = response.status;
  attempt.response_head = response.head;
  attempt.error = response.error;

  const core::Time now = clock_.Now();
  core::DeliveryOutcome outcome;
  outcome.delivery_id = d.id;
  outcome.attempt = attempt;
  outcome.now = now;
  if (core::IsDeliverySuccess(response.status) && !response.error) {
    outcome.status = core::DeliveryStatus::kSucceeded;
    outcome.next_attempt_at = d.next_attempt_at;
  } else if (auto wait = core::NextRetryDelay(attempt.attempt)) {
    outcome.status = core::DeliveryStatus::kPending;
    const auto scaled = std::chrono::microseconds(static_cast<std::int64_t>(
        static_cast<double>(std::chrono::microseconds(*wait).count()) * options_.retry_scale));
    outcome.next_attempt_at = now + scaled;
  } else {
    outcome.status = core::DeliveryStatus::kFailed;
    outcome.next_attempt_at = d.next_attempt_at;
  }
  auto s = store_.Write([&](core::Repositories& repos) -> core::Status {
    repos.webhooks().Record(outcome, e.id);
    if (outcome.status == core::DeliveryStatus::kSucceeded) return core::OkStatus();
    auto current = repos.webhooks().FindEndpoint(e.account_id, e.id);
    if (current && current->enabled && core::ShouldDisable(current->failing_since, now)) {
      current->enabled = false;
      current->disabled_reason =
          "Disabled automatically: every delivery failed for 5 days (since " +
          core::FormatRfc3339(*current->failing_since) + ").";
      current->updated_at = now;
      repos.webhooks().UpdateEndpoint(*current);
      spdlog::warn(R"({{"event":"webhook_endpoint_disabled","endpoint":{},"account":{}}})", e.id,
                   e.account_id);
    }
    return core::OkStatus();
  });
  if (!s) spdlog::error("recording webhook delivery {} failed: {}", d.id, s.error().message);
}

}  // namespace textura::services
