#include "integrations/webhooks/standard_webhooks.h"

#include <sodium.h>

#include "core/integrations/webhook.h"

namespace textura::integrations {

namespace {
constexpr std::string_view kPrefix = "whsec_";

std::string Base64(const unsigned char* bytes, std::size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes, size, sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}
}  // namespace

std::string NewWebhookSecret() {
  unsigned char key[32];
  randombytes_buf(key, sizeof key);
  return std::string(kPrefix) + Base64(key, sizeof key);
}

std::optional<std::string> WebhookSecretKey(std::string_view secret) {
  if (secret.starts_with(kPrefix)) secret.remove_prefix(kPrefix.size());
  if (secret.empty()) return std::nullopt;
  std::string key(secret.size(), '\0');
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(key.data()), key.size(), secret.data(),
                        secret.size(), nullptr, &len, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != secret.data() + secret.size() || len == 0) {
    return std::nullopt;
  }
  key.resize(len);
  return key;
}

std::optional<std::string> SignWebhook(std::string_view secret, std::string_view id,
                                       std::int64_t timestamp, std::string_view body) {
  const auto key = WebhookSecretKey(secret);
  if (!key) return std::nullopt;
  const std::string content = core::SignedContent(id, timestamp, body);
  crypto_auth_hmacsha256_state state;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key->data()),
                              key->size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(content.data()),
                                content.size());
  crypto_auth_hmacsha256_final(&state, mac);
  return "v1," + Base64(mac, sizeof mac);
}

}  // namespace textura::integrations
