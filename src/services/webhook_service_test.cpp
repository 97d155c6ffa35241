#include "services/webhook_service.h"

#include <gtest/gtest.h>

#include <deque>
#include <mutex>

#include "services/auth_service.h"
#include "testing/test_support.h"

namespace textura::services {
namespace {

using namespace std::chrono_literals;
using core::ErrorCode;

struct PlainBox final : core::SecretBox {
  std::string Seal(std::string_view p) const override { return "sealed:" + std::string(p); }
  std::optional<std::string> Open(std::string_view s) const override {
    if (!s.starts_with("sealed:")) return std::nullopt;
    return std::string(s.substr(7));
  }
};

// "sig(<secret>)" so tests can see which secrets signed.
struct NamingSigner final : core::WebhookSigner {
  std::optional<std::string> Sign(std::string_view secret, std::string_view, std::int64_t,
                                  std::string_view) const override {
    return "v1," + std::string(secret);
  }
};

// Answers the statuses it is given in turn (the last repeats) and records requests.
struct ScriptedSender final : core::WebhookSender {
  core::WebhookResponse Send(const core::WebhookRequest& r) override {
    std::lock_guard lock(m);
    requests.push_back(r);
    core::WebhookResponse out;
    const auto s = statuses.size() > 1 ? statuses.front() : statuses.front();
    if (statuses.size() > 1) statuses.pop_front();
    if (s)
      out.status = *s;
    else
      out.error = "no answer within 10 s";
    out.head = s ? "HTTP/1.1 " + std::to_string(*s) + " X\r\n" : "";
    return out;
  }
  core::Status CheckDestination(const core::WebhookUrl& url) override {
    if (url.host == "resolves-private.example") return core::Error::Validation("url", "private");
    return core::OkStatus();
  }
  std::mutex m;
  std::deque<std::optional<int>> statuses{200};
  std::vector<core::WebhookRequest> requests;
};

std::string Header(const core::WebhookRequest& r, std::string_view name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return {};
}

class WebhookServiceTest : public ::testing::Test {
 protected:
  WebhookServiceTest()
      : db_(testing::FreshDatabase(testing::Backend::kSqlite)),
        clock_(*core::ParseRfc3339("2026-11-23T12:00:00Z")),
        auth_(*db_, hasher_, tokens_, clock_, {}),
        hooks_(*db_, clock_, box_, tokens_, signer_, sender_, WebhookOptions{}) {
    anna_ =
        auth_.Signup({"anna@acme.io", "correct horse", "Anna", "Acme"}, {"1.1.1.1", ""})->principal;
    boris_ = auth_.Signup({"boris@other.io", "correct horse", "Boris", "Other"}, {"1.1.1.1", ""})
                 ->principal;
  }

  EndpointWithSecret Add(std::vector<std::string> events = {"ticket.updated"}) {
    WebhookEndpointInput in;
    in.url = "https://hooks.example.com/t";
    in.events = std::move(events);
    auto e = hooks_.Create(anna_, in);
    EXPECT_TRUE(e.ok()) << (e.ok() ? "" : e.error().message);
    return *e;
  }

  std::unique_ptr<storage::Database> db_;
  testing::FakeHasher hasher_;
  testing::FakeTokens tokens_;
  testing::ManualClock clock_;
  PlainBox box_;
  NamingSigner signer_;
  ScriptedSender sender_;
  AuthService auth_;
  WebhookService hooks_;
  core::Principal anna_, boris_;
};

TEST_F(WebhookServiceTest, PublishesOnlyToSubscribedEndpointsOfTheAccount) {
  const auto e = Add({"ticket.updated"});
  EXPECT_TRUE(e.secret.starts_with("whsec_"));
  EXPECT_EQ(*hooks_.Publish(anna_.account->id, "ticket.updated", R"({"a":1})"), 1);
  EXPECT_EQ(*hooks_.Publish(anna_.account->id, "chat.created", R"({"a":2})"), 0);
  EXPECT_EQ(*hooks_.Publish(boris_.account->id, "ticket.updated", R"({"a":3})"), 0);
  EXPECT_EQ(hooks_.DeliverDue(), 1);
  ASSERT_EQ(sender_.requests.size(), 1u);
  const auto& r = sender_.requests[0];
  EXPECT_EQ(r.body, R"({"a":1})");
  EXPECT_EQ(Header(r, "webhook-signature"), "v1," + e.secret);
  EXPECT_TRUE(Header(r, "webhook-id").starts_with("msg_"));
  EXPECT_EQ(Header(r, "webhook-timestamp"), "1795435200");
  auto page = hooks_.Deliveries(anna_, e.endpoint.id, std::nullopt, std::nullopt);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].status, core::DeliveryStatus::kSucceeded);
  EXPECT_EQ(page->items[0].log.size(), 1u);
  EXPECT_EQ(page->items[0].log[0].response_status, 200);
}

TEST_F(WebhookServiceTest, FailuresFollowTheScheduleThenFailForGood) {
  const auto e = Add();
  sender_.statuses = {500};
  ASSERT_EQ(*hooks_.Publish(anna_.account->id, "ticket.updated", "{}"), 1);
  const std::chrono::seconds waits[] = {5s, 5min, 30min, 2h, 5h, 10h, 10h};
  EXPECT_EQ(hooks_.DeliverDue(), 1);
  for (const auto wait : waits) {
    clock_.Advance(wait - 1s);
    EXPECT_EQ(hooks_.DeliverDue(), 0) << "not due before its time";
    clock_.Advance(1s);
    EXPECT_EQ(hooks_.DeliverDue(), 1);
  }
  clock_.Advance(24h);
  EXPECT_EQ(hooks_.DeliverDue(), 0) << "eight tries, then no more";
  auto d = hooks_.Deliveries(anna_, e.endpoint.id, std::nullopt, std::nullopt)->items.at(0);
  EXPECT_EQ(d.status, core::DeliveryStatus::kFailed);
  EXPECT_EQ(d.attempts, 8);
  ASSERT_EQ(d.log.size(), 8u);
  for (int i = 0; i < 8; ++i) EXPECT_EQ(d.log[static_cast<std::size_t>(i)].attempt, i + 1);
  // The same message id on every try.
  for (const auto& r : sender_.requests) {
    EXPECT_EQ(Header(r, "webhook-id"), Header(sender_.requests[0], "webhook-id"));
  }
}

TEST_F(WebhookServiceTest, FiveDaysOfFailuresDisableTheEndpointAndASuccessResetsTheClock) {
  const auto e = Add();
  sender_.statuses = {500, 200, 500};
  hooks_.Publish(anna_.account->id, "ticket.updated", "{}");
  hooks_.DeliverDue();  // fails: the clock starts
  EXPECT_TRUE(hooks_.Get(anna_, e.endpoint.id)->failing_since);
  clock_.Advance(5s);
  hooks_.DeliverDue();  // succeeds: the clock stops
  EXPECT_FALSE(hooks_.Get(anna_, e.endpoint.id)->failing_since);
  // Failing from now on: five days later the endpoint is off.
  for (int day = 0; day < 6; ++day) {
    hooks_.Publish(anna_.account->id, "ticket.updated", "{}");
    hooks_.DeliverDue();
    clock_.Advance(24h);
  }
  const auto off = *hooks_.Get(anna_, e.endpoint.id);
  EXPECT_FALSE(off.enabled);
  ASSERT_TRUE(off.disabled_reason);
  EXPECT_NE(off.disabled_reason->find("5 days"), std::string::npos);
  // Disabled: nothing more is sent, and a test event is refused.
  const auto sent = sender_.requests.size();
  hooks_.Publish(anna_.account->id, "ticket.updated", "{}");
  clock_.Advance(24h);
  EXPECT_EQ(hooks_.DeliverDue(), 0);
  EXPECT_EQ(sender_.requests.size(), sent);
  EXPECT_EQ(hooks_.SendTest(anna_, e.endpoint.id).error().code, ErrorCode::kConflict);
  // Enabled again: the failure clock is cleared and pending deliveries go out.
  WebhookEndpointInput on;
  on.enabled = true;
  auto back = hooks_.Change(anna_, e.endpoint.id, on);
  ASSERT_TRUE(back.ok());
  EXPECT_FALSE(back->failing_since);
  EXPECT_FALSE(back->disabled_reason);
}

TEST_F(WebhookServiceTest, RotationSignsWithBothSecretsForADay) {
  const auto e = Add();
  auto rotated = hooks_.RotateSecret(anna_, e.endpoint.id);
  ASSERT_TRUE(rotated.ok());
  EXPECT_NE(rotated->secret, e.secret);
  hooks_.SendTest(anna_, e.endpoint.id);
  hooks_.DeliverDue();
  EXPECT_EQ(Header(sender_.requests.back(), "webhook-signature"),
            "v1," + rotated->secret + " v1," + e.secret);
  clock_.Advance(24h);
  hooks_.SendTest(anna_, e.endpoint.id);
  hooks_.DeliverDue();
  EXPECT_EQ(Header(sender_.requests.back(), "webhook-signature"), "v1," + rotated->secret);
}

TEST_F(WebhookServiceTest, BadInputIsRefusedWithItsFieldAndOtherAccountsSeeNothing) {
  const auto bad = [&](WebhookEndpointInput in, const char* field) {
    auto r = hooks_.Create(anna_, in);
    ASSERT_FALSE(r.ok()) << field;
    EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed);
    EXPECT_EQ(r.error().field, field);
  };
  WebhookEndpointInput in;
  in.events = std::vector<std::string>{"ticket.updated"};
  bad(in, "url");
  in.url = "http://hooks.example.com/";
  bad(in, "url");
  in.url = "https://resolves-private.example/";
  bad(in, "url");
  in.url = "https://hooks.example.com/";
  in.events = std::vector<std::string>{};
  bad(in, "events");
  in.events = std::vector<std::string>{"webhook.test"};
  bad(in, "events");
  EXPECT_TRUE(hooks_.List(anna_)->empty());

  const auto e = Add();
  EXPECT_EQ(hooks_.Get(boris_, e.endpoint.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(hooks_.Delete(boris_, e.endpoint.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(hooks_.SendTest(boris_, e.endpoint.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(hooks_.Deliveries(boris_, e.endpoint.id, std::nullopt, std::nullopt).error().code,
            ErrorCode::kNotFound);
  EXPECT_TRUE(hooks_.Get(anna_, e.endpoint.id).ok());
}

TEST_F(WebhookServiceTest, SendAgainQueuesTheSameMessage) {
  const auto e = Add();
  hooks_.Publish(anna_.account->id, "ticket.updated", R"({"x":1})");
  hooks_.DeliverDue();
  const auto first = hooks_.Deliveries(anna_, e.endpoint.id, std::nullopt, std::nullopt)->items[0];
  auto again = hooks_.Resend(anna_, e.endpoint.id, first.id);
  ASSERT_TRUE(again.ok());
  EXPECT_NE(again->id, first.id);
  EXPECT_EQ(again->message_uid, first.message_uid);
  EXPECT_EQ(again->status, core::DeliveryStatus::kPending);
  hooks_.DeliverDue();
  EXPECT_EQ(sender_.requests.size(), 2u);
  EXPECT_EQ(sender_.requests[1].body, R"({"x":1})");
  EXPECT_EQ(hooks_.Resend(boris_, e.endpoint.id, first.id).error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace textura::services
