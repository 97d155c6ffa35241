#include "integrations/webhooks/standard_webhooks.h"

#include <gtest/gtest.h>

#include "integrations/crypto/sodium_crypto.h"

namespace textura::integrations {
namespace {

// The scheme's published test vector (the reference libraries' "sign function works").
TEST(StandardWebhooks, SignsThePublishedTestVector) {
  InitSodium();
  const auto sig =
      SignWebhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                  1614265330, R"({"test": 2432232314})");
  ASSERT_TRUE(sig);
  EXPECT_EQ(*sig, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  // The prefix is optional, as in the reference libraries.
  EXPECT_EQ(SignWebhook("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330, R"({"test": 2432232314})"),
            sig);
  // Any change to id, timestamp or body changes it.
  EXPECT_NE(SignWebhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJel",
                        1614265330, R"({"test": 2432232314})"),
            sig);
  EXPECT_NE(SignWebhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265331, R"({"test": 2432232314})"),
            sig);
  EXPECT_NE(SignWebhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330, R"({"test": 2432232315})"),
            sig);
}

TEST(StandardWebhooks, NewSecretsDecodeTo32Bytes) {
  InitSodium();
  const std::string s = NewWebhookSecret();
  ASSERT_TRUE(s.starts_with("whsec_"));
  ASSERT_TRUE(WebhookSecretKey(s));
  EXPECT_EQ(WebhookSecretKey(s)->size(), 32u);
  EXPECT_NE(NewWebhookSecret(), s);
  EXPECT_FALSE(WebhookSecretKey("whsec_"));
  EXPECT_FALSE(WebhookSecretKey("whsec_not base64!"));
  EXPECT_FALSE(SignWebhook("whsec_%%%", "id", 1, "{}"));
}

}  // namespace
}  // namespace textura::integrations
