#include "core/integrations/webhook.h"

#include <gtest/gtest.h>

namespace textura::core {
namespace {

using namespace std::chrono_literals;

TEST(Webhook, RetryScheduleIsTheDocumentedOne) {
  // After try n fails, the wait before try n + 1.
  const std::chrono::seconds expected[] = {5s, 5min, 30min, 2h, 5h, 10h, 10h};
  for (int n = 1; n <= 7; ++n) {
    ASSERT_TRUE(NextRetryDelay(n)) << n;
    EXPECT_EQ(*NextRetryDelay(n), expected[n - 1]) << n;
  }
  EXPECT_FALSE(NextRetryDelay(8)) << "eight tries, then it has failed";
  EXPECT_FALSE(NextRetryDelay(0));
  EXPECT_FALSE(NextRetryDelay(-1));
  std::chrono::seconds total{0};
  for (int n = 1; n <= 7; ++n) total += *NextRetryDelay(n);
  EXPECT_EQ(total, 5s + 5min + 30min + 2h + 5h + 10h + 10h);
}

TEST(Webhook, DisabledAfterFiveDaysOfFailures) {
  const Time now = FromMicros(10'000'000'000'000);
  EXPECT_FALSE(ShouldDisable(std::nullopt, now));
  EXPECT_FALSE(ShouldDisable(now - 24h * 5 + 1s, now));
  EXPECT_TRUE(ShouldDisable(now - 24h * 5, now));
  EXPECT_TRUE(IsDeliverySuccess(200));
  EXPECT_TRUE(IsDeliverySuccess(299));
  EXPECT_FALSE(IsDeliverySuccess(300));
  EXPECT_FALSE(IsDeliverySuccess(199));
  EXPECT_FALSE(IsDeliverySuccess(std::nullopt));
}

TEST(Webhook, EventsSplitAndJoin) {
  EXPECT_EQ(JoinEvents({"chat.created", "ticket.updated"}), "chat.created,ticket.updated");
  EXPECT_EQ(SplitEvents("chat.created,ticket.updated"),
            (std::vector<std::string>{"chat.created", "ticket.updated"}));
  EXPECT_TRUE(SplitEvents("").empty());
  EXPECT_TRUE(IsWebhookEventType("balance.low"));
  EXPECT_FALSE(IsWebhookEventType("webhook.test"));
  EXPECT_FALSE(IsWebhookEventType("chat.*"));
}

TEST(Webhook, UrlsAreHttpsToPublicHostsByDefault) {
  const WebhookNetworkPolicy strict;
  auto u = ParseWebhookUrl("https://Hooks.Example.com/textura?x=1", strict);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->scheme, "https");
  EXPECT_EQ(u->host, "hooks.example.com");
  EXPECT_EQ(u->port, 443);
  EXPECT_EQ(u->target, "/textura?x=1");
  EXPECT_EQ(ParseWebhookUrl("https://example.com:8443", strict)->port, 8443);
  EXPECT_EQ(ParseWebhookUrl("https://example.com", strict)->target, "/");
  EXPECT_EQ(ParseWebhookUrl("https://93.184.216.34/x", strict)->host, "93.184.216.34");
  EXPECT_EQ(ParseWebhookUrl("https://[2606:2800:220:1::1]/x", strict)->host, "2606:2800:220:1::1");

  for (const char* bad : {"",
                          "example.com/x",
                          "ftp://example.com/",
                          "http://example.com/",
                          "https://",
                          "https:///x",
                          "https://user:pw@example.com/",
                          "https://example.com/#frag",
                          "https://exa mple.com/",
                          "https://example.com:0/",
                          "https://example.com:65536/",
                          "https://example.com:/",
                          "https://example.com:x/",
                          "https://127.0.0.1/",
                          "https://localhost/",
                          "https://10.0.0.5/",
                          "https://192.168.1.1/",
                          "https://172.16.0.1/",
                          "https://169.254.169.254/latest/meta-data",
                          "https://[::1]/",
                          "https://[fe80::1]/",
                          "https://[::ffff:127.0.0.1]/",
                          "https://[::ffff:169.254.169.254]/",
                          "https://0.0.0.0/",
                          "https://[::]/",
                          "https://224.0.0.1/",
                          "https://[fd00::1]/",
                          "https://100.64.0.1/",
                          "https://[2606:2800::1/",
                          "https://ex_ample.com/",
                          "https://exa\x01mple.com/",
                          "https://0177.0.0.1/",
                          "https://2130706433/",
                          "https://0x7f.0.0.1/",
                          "https://127.1/"}) {
    auto r = ParseWebhookUrl(bad, strict);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed) << bad;
      EXPECT_EQ(r.error().field, "url") << bad;
    }
  }
}

TEST(Webhook, PrivateNetworksAndLoopbackHttpOnlyWhenAllowed) {
  const WebhookNetworkPolicy open{true};
  EXPECT_TRUE(ParseWebhookUrl("http://127.0.0.1:19251/hook", open).ok());
  EXPECT_TRUE(ParseWebhookUrl("http://localhost:8080/", open).ok());
  EXPECT_TRUE(ParseWebhookUrl("http://[::1]:8080/", open).ok());
  EXPECT_TRUE(ParseWebhookUrl("https://10.0.0.5/", open).ok());
  // Plain HTTP leaves this host never; link-local and metadata addresses never.
  EXPECT_FALSE(ParseWebhookUrl("http://10.0.0.5/", open).ok());
  EXPECT_FALSE(ParseWebhookUrl("http://example.com/", open).ok());
  EXPECT_FALSE(ParseWebhookUrl("https://169.254.169.254/", open).ok());
  EXPECT_FALSE(ParseWebhookUrl("https://[fe80::1]/", open).ok());
}

TEST(Webhook, AddressClasses) {
  const auto cls = [](const char* ip) { return ClassifyAddress(*ParseIpLiteral(ip)); };
  EXPECT_EQ(cls("8.8.8.8"), AddressClass::kPublic);
  EXPECT_EQ(cls("127.0.0.1"), AddressClass::kLoopback);
  EXPECT_EQ(cls("127.255.0.9"), AddressClass::kLoopback);
  EXPECT_EQ(cls("10.1.2.3"), AddressClass::kPrivate);
  EXPECT_EQ(cls("172.31.255.255"), AddressClass::kPrivate);
  EXPECT_EQ(cls("172.32.0.1"), AddressClass::kPublic);
  EXPECT_EQ(cls("192.168.0.1"), AddressClass::kPrivate);
  EXPECT_EQ(cls("169.254.169.254"), AddressClass::kForbidden);
  EXPECT_EQ(cls("0.0.0.0"), AddressClass::kForbidden);
  EXPECT_EQ(cls("255.255.255.255"), AddressClass::kForbidden);
  EXPECT_EQ(cls("::1"), AddressClass::kLoopback);
  EXPECT_EQ(cls("::"), AddressClass::kForbidden);
  EXPECT_EQ(cls("::ffff:10.0.0.1"), AddressClass::kPrivate);
  EXPECT_EQ(cls("::ffff:8.8.8.8"), AddressClass::kPublic);
  EXPECT_EQ(cls("64:ff9b::7f00:1"), AddressClass::kLoopback);
  EXPECT_EQ(cls("fd12:3456::1"), AddressClass::kPrivate);
  EXPECT_EQ(cls("fe80::abcd"), AddressClass::kForbidden);
  EXPECT_EQ(cls("ff02::1"), AddressClass::kForbidden);
  EXPECT_EQ(cls("2001:db8:1:2:3:4:5:6"), AddressClass::kPublic);
  for (const char* bad : {"1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1:2:3:4:5:6:7:8:9",
                          "1::2::3", "12345::1", ":1", "1:", "example.com", ""}) {
    EXPECT_FALSE(ParseIpLiteral(bad)) << bad;
  }
}

TEST(Webhook, SignedContentIsIdTimestampBody) {
  EXPECT_EQ(SignedContent("msg_1", 1614265330, R"({"a":1})"), R"(msg_1.1614265330.{"a":1})");
}

}  // namespace
}  // namespace textura::core
