#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/ports/webhook_sender.h"

namespace textura::integrations {

// The Standard Webhooks signature scheme (https://www.standardwebhooks.com): a secret is
// "whsec_" + base64 of its key bytes; the signature of a message is
// "v1," + base64(HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<body>")); several
// signatures are sent space-separated in `webhook-signature` (during a secret rotation).

// A new secret of 32 random bytes.
std::string NewWebhookSecret();
// The key bytes of "whsec_<base64>" (the prefix is optional); nullopt when not base64.
std::optional<std::string> WebhookSecretKey(std::string_view secret);
// "v1,<base64>"; nullopt when the secret does not decode.
std::optional<std::string> SignWebhook(std::string_view secret, std::string_view id,
                                       std::int64_t timestamp, std::string_view body);

// The port over SignWebhook.
class StandardWebhookSigner final : public core::WebhookSigner {
 public:
  std::optional<std::string> Sign(std::string_view secret, std::string_view id,
                                  std::int64_t timestamp, std::string_view body) const override {
    return SignWebhook(secret, id, timestamp, body);
  }
};

}  // namespace textura::integrations
