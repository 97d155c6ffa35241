#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"
#include "core/result.h"
#include "core/time.h"

namespace textura::core {

using WebhookEndpointId = std::int64_t;
using WebhookDeliveryId = std::int64_t;

// The events an endpoint may subscribe to (docs/integrations.md), and the test event
// "send a test event" sends (never subscribed to).
inline constexpr std::string_view kWebhookEventTypes[] = {
    "chat.created",   "chat.message_created", "chat.needs_human",        "ticket.message_created",
    "ticket.updated", "balance.low",          "budget.threshold_reached"};
inline constexpr std::string_view kWebhookTestEvent = "webhook.test";
bool IsWebhookEventType(std::string_view type);

// An account's receiver. The secrets are "whsec_" + base64 of the key bytes (the
// Standard Webhooks form), sealed at rest; `previous_secret` also signs until
// `previous_expires_at` after a rotation.
struct WebhookEndpoint {
  WebhookEndpointId id = 0;
  AccountId account_id = 0;
  std::string url;
  std::string description;
  std::vector<std::string> events;
  std::string secret_sealed;
  std::optional<std::string> previous_secret_sealed;
  std::optional<Time> previous_expires_at;
  bool enabled = true;
  std::optional<std::string> disabled_reason;
  std::optional<Time> failing_since;  // the first failure since the last success
  UserId created_by = 0;
  Time created_at{};
  Time updated_at{};
};

bool Subscribes(const WebhookEndpoint& endpoint, std::string_view type);
// "a,b" ↔ {"a","b"}: how the list is stored.
std::string JoinEvents(const std::vector<std::string>& events);
std::vector<std::string> SplitEvents(std::string_view joined);

enum class DeliveryStatus { kPending, kSucceeded, kFailed };
std::string_view ToString(DeliveryStatus status);
std::optional<DeliveryStatus> ParseDeliveryStatus(std::string_view name);

// One try of a delivery, as the log shows it.
struct WebhookAttempt {
  std::int64_t id = 0;
  WebhookDeliveryId delivery_id = 0;
  int attempt = 0;  // 1 for the first try
  Time started_at{};
  std::int64_t duration_ms = 0;
  std::string request_headers;  // "name: value" lines, as sent
  std::optional<int> response_status;
  std::string response_head;  // status line, headers and the start of the body
  std::optional<std::string> error;
};

// A message to one endpoint: the queue's row with what the log shows.
struct WebhookDelivery {
  WebhookDeliveryId id = 0;
  AccountId account_id = 0;
  WebhookEndpointId endpoint_id = 0;
  std::int64_t message_id = 0;
  std::string message_uid;  // the webhook-id header: the same on every try
  std::string event_type;
  std::string payload;
  DeliveryStatus status = DeliveryStatus::kPending;
  int attempts = 0;
  Time next_attempt_at{};
  Time created_at{};
  std::optional<Time> finished_at;
  std::vector<WebhookAttempt> log;  // newest last
};

// The retry schedule: the first try at once, then after 5 s, 5 min, 30 min, 2 h, 5 h,
// 10 h and 10 h (8 tries over ~27.6 h). After `attempts_made` failed tries, how long
// until the next; nullopt when the delivery has failed for good.
std::optional<std::chrono::seconds> NextRetryDelay(int attempts_made);
inline constexpr int kWebhookMaxAttempts = 8;
// An endpoint failing without a success for this long is disabled.
inline constexpr std::chrono::hours kWebhookDisableAfter{24 * 5};
bool ShouldDisable(std::optional<Time> failing_since, Time now);
// A 2xx answer is a success; anything else (or no answer) a failure.
inline bool IsDeliverySuccess(std::optional<int> status) {
  return status && *status >= 200 && *status < 300;
}

// A destination URL as the sender needs it. Hosts are lower-cased; IPv6 literals are
// kept without brackets.
struct WebhookUrl {
  std::string scheme;  // "https" or "http"
  std::string host;
  int port = 0;
  std::string target;  // path and query, at least "/"
};

// What the server allows: by default HTTPS to public addresses only. With
// `allow_private` (TEXTURA_WEBHOOK_ALLOW_PRIVATE_NETWORKS) private and loopback
// addresses too, and plain HTTP to loopback (receivers on the same host, tests).
struct WebhookNetworkPolicy {
  bool allow_private = false;
};

// Parses and checks a webhook URL: kValidationFailed on `field` when it is malformed,
// not http(s), has credentials or a fragment, names an IP literal the policy refuses,
// or is plain HTTP to anything but loopback (or at all without allow_private).
// Host names are resolved and checked again by the sender at each delivery.
Result<WebhookUrl> ParseWebhookUrl(std::string_view text, const WebhookNetworkPolicy& policy,
                                   std::string_view field = "url");

// Address classes for the SSRF rule (IPv4 as 4 bytes, IPv6 as 16, network order).
enum class AddressClass {
  kPublic,
  kPrivate,    // 10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7
  kLoopback,   // 127/8, ::1
  kForbidden,  // unspecified, link-local (169.254/16: cloud metadata), multicast,
               // broadcast, reserved, 0/8, IPv4-mapped forms of these
};
AddressClass ClassifyAddress(const std::vector<unsigned char>& bytes);
// Whether the policy lets a delivery connect to an address of this class.
bool AddressAllowed(AddressClass c, const WebhookNetworkPolicy& policy);
// An IPv4 or IPv6 literal as bytes; nullopt when `text` is not one.
std::optional<std::vector<unsigned char>> ParseIpLiteral(std::string_view text);

// The bytes a Standard Webhooks signature covers: "<id>.<timestamp>.<body>".
std::string SignedContent(std::string_view id, std::int64_t timestamp, std::string_view body);

}  // namespace textura::core
