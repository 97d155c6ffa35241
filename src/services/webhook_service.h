#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/integrations/webhook.h"
#include "core/ports/clock.h"
#include "core/ports/crypto.h"
#include "core/ports/store.h"
#include "core/ports/webhook_sender.h"
#include "core/result.h"
#include "core/user.h"

namespace textura::services {

struct WebhookOptions {
  core::WebhookNetworkPolicy policy;
  int workers = 4;  // delivery threads per instance
  int batch = 8;    // deliveries a worker takes at once
  // How often an idle worker looks for due deliveries queued by other instances (its
  // own instance wakes it at once).
  std::chrono::milliseconds poll{1000};
  // Multiplies the retry schedule's waits (TEXTURA_WEBHOOK_RETRY_SCALE): 1 in
  // production; the black-box tests shrink 5 s … 10 h to milliseconds.
  double retry_scale = 1.0;
};

// An endpoint as received (create: url and events required; change: any field).
struct WebhookEndpointInput {
  std::optional<std::string> url;
  std::optional<std::string> description;
  std::optional<std::vector<std::string>> events;
  std::optional<bool> enabled;
};

// An endpoint with its secret in the clear: shown when created and rotated only.
struct EndpointWithSecret {
  core::WebhookEndpoint endpoint;
  std::string secret;
};

struct DeliveryPage {
  std::vector<core::WebhookDelivery> items;
  std::optional<std::string> next_cursor;
};

// Outgoing webhooks (docs/integrations.md): an account's endpoints (owners and admins
// in a session), the messages its events become (Publish, from the event renderer in
// http and from Finance's alerts inside their own transaction via the repository), and
// the durable queue's delivery workers: due deliveries are claimed with a lease (SKIP
// LOCKED on PostgreSQL), signed (Standard Webhooks), sent (10 s timeout) and recorded
// with their outcome: success, or the next try on the retry schedule, or failed after
// eight; an endpoint failing for five days is disabled. Thread-safe.
class WebhookService {
 public:
  WebhookService(core::Store& store, const core::Clock& clock, const core::SecretBox& secrets,
                 const core::TokenSource& tokens, const core::WebhookSigner& signer,
                 core::WebhookSender& sender, WebhookOptions options);
  ~WebhookService();

  core::Result<std::vector<core::WebhookEndpoint>> List(const core::Principal& who);
  core::Result<core::WebhookEndpoint> Get(const core::Principal& who, core::WebhookEndpointId id);
  core::Result<EndpointWithSecret> Create(const core::Principal& who,
                                          const WebhookEndpointInput& in);
  // Re-enabling clears the failure clock (deliveries still pending go out again).
  core::Result<core::WebhookEndpoint> Change(const core::Principal& who, core::WebhookEndpointId id,
                                             const WebhookEndpointInput& in);
  core::Status Delete(const core::Principal& who, core::WebhookEndpointId id);
  // A new secret; the old one keeps signing too for 24 h.
  core::Result<EndpointWithSecret> RotateSecret(const core::Principal& who,
                                                core::WebhookEndpointId id);
  core::Result<DeliveryPage> Deliveries(const core::Principal& who, core::WebhookEndpointId id,
                                        const std::optional<std::string>& limit,
                                        const std::optional<std::string>& cursor);
  // "Send again": a new delivery of the same message (same webhook-id) to the endpoint.
  core::Result<core::WebhookDelivery> Resend(const core::Principal& who, core::WebhookEndpointId id,
                                             core::WebhookDeliveryId delivery);
  // A "webhook.test" message to this endpoint only (even one that is disabled? no:
  // enabled endpoints only; a disabled one answers kConflict).
  core::Result<core::WebhookDelivery> SendTest(const core::Principal& who,
                                               core::WebhookEndpointId id);

  // Whether any endpoint of the account wants `type` (before rendering a payload).
  bool Wants(core::AccountId account, std::string_view type);
  // Queues `payload` (the event's JSON object) for the account's endpoints subscribed
  // to `type`; returns how many deliveries were queued.
  core::Result<int> Publish(core::AccountId account, std::string_view type,
                            std::string_view payload);
  // A new message id ("msg_" + 24 random characters): the webhook-id of every try.
  std::string NewMessageUid() const;

  // The delivery workers (serve only): started once, stopped by the destructor.
  void Start();
  // Stops the workers (a delivery in flight finishes first); the destructor does too.
  void Stop();
  void Wake();
  // One pass: claims and sends what is due now; returns how many were sent. (The
  // workers loop over it; tests call it directly.)
  int DeliverDue();

 private:
  core::Result<core::WebhookEndpoint> Find(core::Repositories& repos, const core::Principal& who,
                                           core::WebhookEndpointId id);
  core::Status ValidateUrl(const std::string& url) const;
  void Work();
  void SendOne(const core::DueDelivery& due);

  core::Store& store_;
  const core::Clock& clock_;
  const core::SecretBox& secrets_;
  const core::TokenSource& tokens_;
  const core::WebhookSigner& signer_;
  core::WebhookSender& sender_;
  const WebhookOptions options_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stopping_ = false;    // GUARDED_BY(mutex_)
  std::uint64_t wakes_ = 0;  // GUARDED_BY(mutex_)
  std::vector<std::thread> workers_;
};

}  // namespace textura::services
