#pragma once

#include <chrono>

#include "core/ports/webhook_sender.h"

namespace textura::integrations {

struct WebhookSenderOptions {
  core::WebhookNetworkPolicy policy;
  std::chrono::milliseconds timeout{10'000};  // connect to last byte
};

// core::WebhookSender with libcurl: resolves the host with getaddrinfo, refuses the
// request unless every address is allowed by the policy, and pins curl to those
// addresses (CURLOPT_RESOLVE) so it cannot resolve again to another one. No proxy, no
// redirects, HTTPS certificates verified. Keeps the status line and headers (at most
// 4 KiB) and 1 KiB of the body, then stops reading: a receiver that answers a huge
// body costs nothing more.
class CurlWebhookSender final : public core::WebhookSender {
 public:
  explicit CurlWebhookSender(WebhookSenderOptions options);
  core::WebhookResponse Send(const core::WebhookRequest& request) override;
  core::Status CheckDestination(const core::WebhookUrl& url) override;

 private:
  WebhookSenderOptions options_;
};

}  // namespace textura::integrations
