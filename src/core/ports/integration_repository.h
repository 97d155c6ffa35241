#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/integrations/api_key.h"
#include "core/integrations/webhook.h"
#include "core/time.h"
#include "core/user.h"

namespace textura::core {

// A key found by its digest, with what its principal needs: the creator (active) and
// the account.
struct ApiKeyMatch {
  ApiKey key;
  User creator;
  Account account;
};

// An account's API keys (docs/integrations.md).
class ApiKeyRepository {
 public:
  virtual ~ApiKeyRepository() = default;
  // Fills in `key.id`.
  virtual ApiKey Insert(ApiKey key) = 0;
  // Every key of the account, newest first, with the creator's name.
  virtual std::vector<ApiKey> List(AccountId account) = 0;
  virtual std::optional<ApiKey> Find(AccountId account, ApiKeyId id) = 0;
  // The unrevoked, unexpired key with this digest whose creator is an active user.
  virtual std::optional<ApiKeyMatch> FindUsable(std::string_view key_hash, Time now) = 0;
  // false when the key was already revoked (or is not the account's).
  virtual bool Revoke(AccountId account, ApiKeyId id, Time now) = 0;
  // Records when keys were last used (a later time never goes back).
  virtual void TouchLastUsed(ApiKeyId id, Time at) = 0;
};

// A due delivery as the worker needs it: the delivery, its endpoint and message.
struct DueDelivery {
  WebhookDelivery delivery;
  WebhookEndpoint endpoint;
};

// The outcome of one try, to record.
struct DeliveryOutcome {
  WebhookDeliveryId delivery_id = 0;
  WebhookAttempt attempt;
  // What the try leads to: succeeded, or pending again at next_attempt_at, or failed.
  DeliveryStatus status = DeliveryStatus::kPending;
  Time next_attempt_at{};
  Time now{};
};

// Webhook endpoints, the messages sent to them and the durable delivery queue.
class WebhookRepository {
 public:
  virtual ~WebhookRepository() = default;
  virtual WebhookEndpoint InsertEndpoint(WebhookEndpoint endpoint) = 0;
  // Saves url, description, events, secrets, enabled, disabled_reason, failing_since.
  virtual void UpdateEndpoint(const WebhookEndpoint& endpoint) = 0;
  virtual std::vector<WebhookEndpoint> Endpoints(AccountId account) = 0;
  virtual std::optional<WebhookEndpoint> FindEndpoint(AccountId account, WebhookEndpointId id) = 0;
  // Removes the endpoint with its deliveries and their log.
  virtual bool DeleteEndpoint(AccountId account, WebhookEndpointId id) = 0;

  // Stores a message and queues it, due at `now`, for every enabled endpoint of the
  // account subscribed to `type` (or only `only_endpoint`); returns how many deliveries
  // were queued (0: nothing stored).
  virtual int Publish(AccountId account, std::string_view uid, std::string_view type,
                      std::string_view payload, Time now,
                      std::optional<WebhookEndpointId> only_endpoint = std::nullopt) = 0;
  // Whether any enabled endpoint of the account subscribes to `type` (a cheap check
  // before rendering a payload).
  virtual bool AnySubscribed(AccountId account, std::string_view type) = 0;
  // A new delivery of an existing message to its endpoint ("send again").
  virtual std::optional<WebhookDeliveryId> Requeue(AccountId account, WebhookDeliveryId delivery,
                                                   Time now) = 0;

  // Takes up to `limit` due deliveries of enabled endpoints (lease_until set to
  // `lease_until`, so no other worker takes them meanwhile); SKIP LOCKED on PostgreSQL.
  virtual std::vector<DueDelivery> ClaimDue(Time now, Time lease_until, int limit) = 0;
  // Records a try: the log row, the delivery's new state, the endpoint's failure clock.
  virtual void Record(const DeliveryOutcome& outcome, WebhookEndpointId endpoint) = 0;
  // The endpoint's deliveries, newest first, below `before_id` (0: from the newest),
  // with their log.
  virtual std::vector<WebhookDelivery> Deliveries(AccountId account, WebhookEndpointId endpoint,
                                                  std::int64_t before_id, int limit) = 0;
  virtual std::optional<WebhookDelivery> FindDelivery(AccountId account,
                                                      WebhookDeliveryId delivery) = 0;
  // The earliest next_attempt_at of a pending delivery (the worker's next wake-up).
  virtual std::optional<Time> NextDue() = 0;
};

}  // namespace textura::core
