#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/integrations/webhook.h"
#include "core/result.h"

namespace textura::core {

struct WebhookRequest {
  WebhookUrl url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

// What came back (or why nothing did).
struct WebhookResponse {
  std::optional<int> status;         // the HTTP status, when an answer arrived
  std::string head;                  // the status line, headers and at most 1 KiB of the body
  std::optional<std::string> error;  // timeout, refused, an address the policy forbids…
  std::chrono::milliseconds duration{0};
};

// Delivers webhook requests (POST, JSON body). Blocking, bounded by its timeout (10 s);
// never follows redirects; resolves the host itself and connects only to addresses
// the network policy allows (checked at every delivery, so a name that later points
// at a private address is refused). Thread-safe.
class WebhookSender {
 public:
  virtual ~WebhookSender() = default;
  virtual WebhookResponse Send(const WebhookRequest& request) = 0;
  // Resolves the URL's host and checks every address against the policy: for a clear
  // refusal when the endpoint is saved. kValidationFailed on "url".
  virtual Status CheckDestination(const WebhookUrl& url) = 0;
};

}  // namespace textura::core

namespace textura::core {

// Signs webhook messages in the Standard Webhooks scheme: "v1,<base64 HMAC-SHA256>" of
// "<id>.<timestamp>.<body>" with the key of a "whsec_…" secret; nullopt when the
// secret does not decode. Thread-safe.
class WebhookSigner {
 public:
  virtual ~WebhookSigner() = default;
  virtual std::optional<std::string> Sign(std::string_view secret, std::string_view id,
                                          std::int64_t timestamp, std::string_view body) const = 0;
};

}  // namespace textura::core
