#include "core/integrations/api_key.h"

#include <gtest/gtest.h>

namespace textura::core {
namespace {

const std::string kKey = "txk_" + std::string(43, 'A');

TEST(ApiKey, BearerAcceptsOnlyTheKeyForm) {
  EXPECT_EQ(BearerApiKey("Bearer " + kKey), kKey);
  EXPECT_EQ(BearerApiKey("bearer " + kKey), kKey);
  EXPECT_EQ(BearerApiKey("BEARER   " + kKey), kKey);
  const std::string mixed = "txk_aZ09-_" + std::string(37, 'q');
  EXPECT_EQ(BearerApiKey("Bearer " + mixed), mixed);

  for (const std::string bad :
       {std::string(), std::string("Bearer"), std::string("Bearer "), "Bearer" + kKey,
        "Basic " + kKey, "Bearer\t" + kKey, "Bearer " + kKey + " ", "Bearer " + kKey + "x",
        "Bearer " + kKey.substr(0, kKey.size() - 1), "Bearer txk-" + std::string(43, 'A'),
        "Bearer TXK_" + std::string(43, 'A'), "Bearer txk_" + std::string(42, 'A') + "=",
        "Bearer txk_" + std::string(42, 'A') + "+", "Bearer " + kKey + "\r\n",
        std::string("Bearer txk_\0", 12) + std::string(42, 'A')}) {
    EXPECT_FALSE(BearerApiKey(bad)) << bad;
  }
}

TEST(ApiKey, ScopesLifetimesAndStates) {
  EXPECT_EQ(ParseApiKeyScope("read"), ApiKeyScope::kRead);
  EXPECT_EQ(ParseApiKeyScope("read_write"), ApiKeyScope::kReadWrite);
  EXPECT_FALSE(ParseApiKeyScope("write"));
  EXPECT_FALSE(ParseApiKeyScope("READ"));
  EXPECT_EQ(ToString(ApiKeyScope::kReadWrite), "read_write");

  EXPECT_TRUE(IsAllowedApiKeyLifetime(std::nullopt));
  for (int d : {30, 90, 365}) EXPECT_TRUE(IsAllowedApiKeyLifetime(d));
  for (int d : {0, -30, 1, 31, 366, 3650}) EXPECT_FALSE(IsAllowedApiKeyLifetime(d)) << d;

  const Time now = FromMicros(1'000'000'000);
  ApiKey k;
  EXPECT_EQ(StateOf(k, now), ApiKeyState::kActive);
  k.expires_at = now + std::chrono::seconds(1);
  EXPECT_EQ(StateOf(k, now), ApiKeyState::kActive);
  k.expires_at = now;
  EXPECT_EQ(StateOf(k, now), ApiKeyState::kExpired);
  k.revoked_at = now - std::chrono::hours(1);
  EXPECT_EQ(StateOf(k, now), ApiKeyState::kRevoked);
}

}  // namespace
}  // namespace textura::core
