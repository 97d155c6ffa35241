// The storage contract of integrations (API keys, webhooks): the same cases on SQLite and
// PostgreSQL.
#include <gtest/gtest.h>

#include "core/ports/store.h"
#include "testing/test_support.h"

namespace textura::storage {
namespace {

using testing::Backend;
using namespace std::chrono_literals;

class IntegrationContract : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(db_->Write([&](core::Repositories& r) -> core::Status {
                     for (int i = 0; i < 2; ++i) {
                       accounts_[i] = r.accounts().Insert("Account " + std::to_string(i), t0_);
                       core::User u;
                       u.account_id = accounts_[i].id;
                       u.email = "owner" + std::to_string(i) + "@example.com";
                       u.name = "Owner " + std::to_string(i);
                       u.password_hash = "hash";
                       u.created_at = t0_;
                       auto created = r.users().Insert(u);
                       if (!created) return created.error();
                       users_[i] = *created;
                     }
                     return core::OkStatus();
                   })
                    .ok());
  }

  core::ApiKey NewKey(int owner, std::string hash, std::optional<core::Time> expires = {}) {
    core::ApiKey k;
    k.account_id = accounts_[owner].id;
    k.created_by = users_[owner].id;
    k.name = "CRM «сделки»";
    k.prefix = "txk_abcdefgh";
    k.key_hash = std::move(hash);
    k.scope = core::ApiKeyScope::kReadWrite;
    k.created_at = t0_;
    k.expires_at = expires;
    EXPECT_TRUE(db_->Write([&](core::Repositories& r) -> core::Status {
                     k = r.api_keys().Insert(k);
                     return core::OkStatus();
                   })
                    .ok());
    return k;
  }

  template <typename T, typename Fn>
  T Read(Fn fn) {
    std::optional<T> out;
    EXPECT_TRUE(db_->Read([&](core::Repositories& r) -> core::Status {
                     out = fn(r);
                     return core::OkStatus();
                   })
                    .ok());
    return std::move(*out);
  }

  const core::Time t0_ = core::FromMicros(1'790'000'000'000'000);
  core::Account accounts_[2];
  core::User users_[2];
};

TEST_P(IntegrationContract, KeysAreFoundByDigestWithTheirCreatorAndAccount) {
  const core::ApiKey k = NewKey(0, "hash-a", t0_ + 24h);
  EXPECT_GT(k.id, 0);
  auto m = Read<std::optional<core::ApiKeyMatch>>(
      [&](core::Repositories& r) { return r.api_keys().FindUsable("hash-a", t0_); });
  ASSERT_TRUE(m);
  EXPECT_EQ(m->key.id, k.id);
  EXPECT_EQ(m->key.name, "CRM «сделки»");
  EXPECT_EQ(m->key.scope, core::ApiKeyScope::kReadWrite);
  EXPECT_EQ(m->key.expires_at, t0_ + 24h);
  EXPECT_EQ(m->creator.id, users_[0].id);
  EXPECT_EQ(m->creator.email, "owner0@example.com");
  EXPECT_EQ(m->account.id, accounts_[0].id);
  EXPECT_EQ(m->account.name, "Account 0");
  // Expired at its instant; unknown digests find nothing.
  EXPECT_FALSE(Read<std::optional<core::ApiKeyMatch>>(
      [&](core::Repositories& r) { return r.api_keys().FindUsable("hash-a", t0_ + 24h); }));
  EXPECT_FALSE(Read<std::optional<core::ApiKeyMatch>>(
      [&](core::Repositories& r) { return r.api_keys().FindUsable("hash-b", t0_); }));
}

TEST_P(IntegrationContract, RevokingIsPerAccountAndOnce) {
  const core::ApiKey k = NewKey(0, "hash-a");
  bool other = true, first = false, second = true;
  ASSERT_TRUE(db_->Write([&](core::Repositories& r) -> core::Status {
                   other = r.api_keys().Revoke(accounts_[1].id, k.id, t0_);
                   first = r.api_keys().Revoke(accounts_[0].id, k.id, t0_ + 1s);
                   second = r.api_keys().Revoke(accounts_[0].id, k.id, t0_ + 2s);
                   return core::OkStatus();
                 })
                  .ok());
  EXPECT_FALSE(other);
  EXPECT_TRUE(first);
  EXPECT_FALSE(second);
  auto found = Read<std::optional<core::ApiKey>>(
      [&](core::Repositories& r) { return r.api_keys().Find(accounts_[0].id, k.id); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->revoked_at, t0_ + 1s);
  EXPECT_FALSE(Read<std::optional<core::ApiKey>>(
      [&](core::Repositories& r) { return r.api_keys().Find(accounts_[1].id, k.id); }));
  EXPECT_FALSE(Read<std::optional<core::ApiKeyMatch>>(
      [&](core::Repositories& r) { return r.api_keys().FindUsable("hash-a", t0_); }));
}

TEST_P(IntegrationContract, ListsNewestFirstAndLastUseNeverGoesBack) {
  const core::ApiKey a = NewKey(0, "hash-a");
  const core::ApiKey b = NewKey(0, "hash-b");
  NewKey(1, "hash-c");
  ASSERT_TRUE(db_->Write([&](core::Repositories& r) -> core::Status {
                   r.api_keys().TouchLastUsed(a.id, t0_ + 5s);
                   r.api_keys().TouchLastUsed(a.id, t0_ + 1s);  // older: ignored
                   return core::OkStatus();
                 })
                  .ok());
  auto list = Read<std::vector<core::ApiKey>>(
      [&](core::Repositories& r) { return r.api_keys().List(accounts_[0].id); });
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, b.id);
  EXPECT_EQ(list[1].id, a.id);
  EXPECT_EQ(list[1].last_used_at, t0_ + 5s);
  EXPECT_EQ(list[1].created_by_name, "Owner 0");
  EXPECT_FALSE(list[0].last_used_at);
}

TEST_P(IntegrationContract, DigestsAreUnique) {
  NewKey(0, "hash-a");
  const core::Status s = db_->Write([&](core::Repositories& r) -> core::Status {
    core::ApiKey dup;
    dup.account_id = accounts_[1].id;
    dup.created_by = users_[1].id;
    dup.name = "dup";
    dup.prefix = "txk_x";
    dup.key_hash = "hash-a";
    dup.created_at = t0_;
    r.api_keys().Insert(dup);
    return core::OkStatus();
  });
  EXPECT_FALSE(s.ok());
}

core::WebhookEndpoint Endpoint(core::AccountId account, core::UserId by, core::Time now,
                               std::vector<std::string> events) {
  core::WebhookEndpoint e;
  e.account_id = account;
  e.url = "https://hooks.example.com/";
  e.events = std::move(events);
  e.secret_sealed = "sealed";
  e.created_by = by;
  e.created_at = now;
  e.updated_at = now;
  return e;
}

TEST_P(IntegrationContract, WebhookMessagesQueueForSubscribedEndpointsAndAreClaimedOnce) {
  core::WebhookEndpoint a, other, b;
  ASSERT_TRUE(
      db_->Write([&](core::Repositories& r) -> core::Status {
           a = r.webhooks().InsertEndpoint(
               Endpoint(accounts_[0].id, users_[0].id, t0_, {"ticket.updated", "chat.created"}));
           other = r.webhooks().InsertEndpoint(
               Endpoint(accounts_[0].id, users_[0].id, t0_, {"chat.created"}));
           b = r.webhooks().InsertEndpoint(
               Endpoint(accounts_[1].id, users_[1].id, t0_, {"ticket.updated"}));
           EXPECT_EQ(
               r.webhooks().Publish(accounts_[0].id, "msg_1", "ticket.updated", R"({"n":1})", t0_),
               1);
           EXPECT_EQ(r.webhooks().Publish(accounts_[0].id, "msg_2", "chat.created", "{}", t0_ + 1s),
                     2);
           EXPECT_EQ(r.webhooks().Publish(accounts_[0].id, "msg_3", "balance.low", "{}", t0_), 0);
           return core::OkStatus();
         })
          .ok());
  EXPECT_EQ(Read<std::optional<core::Time>>(
                [&](core::Repositories& r) { return r.webhooks().NextDue(); }),
            t0_);
  EXPECT_TRUE(Read<bool>([&](core::Repositories& r) {
    return r.webhooks().AnySubscribed(accounts_[0].id, "chat.created");
  }));
  EXPECT_FALSE(Read<bool>([&](core::Repositories& r) {
    return r.webhooks().AnySubscribed(accounts_[1].id, "chat.created");
  }));
  std::vector<core::DueDelivery> first, second;
  ASSERT_TRUE(db_->Write([&](core::Repositories& r) -> core::Status {
                   first = r.webhooks().ClaimDue(t0_ + 5s, t0_ + 60s, 2);
                   second = r.webhooks().ClaimDue(t0_ + 5s, t0_ + 60s, 10);
                   return core::OkStatus();
                 })
                  .ok());
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].delivery.message_uid, "msg_1");
  EXPECT_EQ(first[0].delivery.payload, R"({"n":1})");
  EXPECT_EQ(first[0].endpoint.id, a.id);
  EXPECT_EQ(first[0].endpoint.events, (std::vector<std::string>{"ticket.updated", "chat.created"}));
  ASSERT_EQ(second.size(), 1u) << "leased deliveries are not claimed twice";
  EXPECT_NE(second[0].delivery.id, first[0].delivery.id);
  EXPECT_NE(second[0].delivery.id, first[1].delivery.id);

  // A failed try: logged, due again later, the endpoint's failure clock started.
  core::DeliveryOutcome failed;
  failed.delivery_id = first[0].delivery.id;
  failed.attempt.attempt = 1;
  failed.attempt.started_at = t0_ + 5s;
  failed.attempt.duration_ms = 12;
  failed.attempt.request_headers = "webhook-id: msg_1\n";
  failed.attempt.response_status = 503;
  failed.attempt.response_head = "HTTP/1.1 503 Busy";
  failed.status = core::DeliveryStatus::kPending;
  failed.next_attempt_at = t0_ + 10s;
  failed.now = t0_ + 5s;
  ASSERT_TRUE(db_->Write([&](core::Repositories& r) -> core::Status {
                   r.webhooks().Record(failed, a.id);
                   return core::OkStatus();
                 })
                  .ok());
  auto log = Read<std::vector<core::WebhookDelivery>>(
      [&](core::Repositories& r) { return r.webhooks().Deliveries(accounts_[0].id, a.id, 0, 10); });
  ASSERT_EQ(log.size(), 2u);
  const auto& d = log[1];  // newest first: msg_2, then msg_1
  EXPECT_EQ(d.message_uid, "msg_1");
  EXPECT_EQ(d.attempts, 1);
  EXPECT_EQ(d.next_attempt_at, t0_ + 10s);
  ASSERT_EQ(d.log.size(), 1u);
  EXPECT_EQ(d.log[0].response_status, 503);
  EXPECT_EQ(d.log[0].response_head, "HTTP/1.1 503 Busy");
  EXPECT_EQ(d.log[0].duration_ms, 12);
  EXPECT_EQ(Read<std::optional<core::WebhookEndpoint>>([&](core::Repositories& r) {
              return r.webhooks().FindEndpoint(accounts_[0].id, a.id);
            })->failing_since,
            t0_ + 5s);
  // Lease gone: due again at its time, not before.
  std::vector<core::DueDelivery> early, due;
  ASSERT_TRUE(db_->Write([&](core::Repositories& r) -> core::Status {
                   early = r.webhooks().ClaimDue(t0_ + 9s, t0_ + 60s, 10);
                   due = r.webhooks().ClaimDue(t0_ + 10s, t0_ + 60s, 10);
                   return core::OkStatus();
                 })
                  .ok());
  EXPECT_TRUE(early.empty());
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].delivery.id, d.id);
  // Another account's endpoint and deliveries are not found through this account.
  EXPECT_FALSE(Read<std::optional<core::WebhookEndpoint>>(
      [&](core::Repositories& r) { return r.webhooks().FindEndpoint(accounts_[1].id, a.id); }));
  EXPECT_FALSE(Read<std::optional<core::WebhookDelivery>>(
      [&](core::Repositories& r) { return r.webhooks().FindDelivery(accounts_[1].id, d.id); }));
  // Deleting an endpoint removes its deliveries and log.
  ASSERT_TRUE(db_->Write([&](core::Repositories& r) -> core::Status {
                   EXPECT_FALSE(r.webhooks().DeleteEndpoint(accounts_[1].id, a.id));
                   EXPECT_TRUE(r.webhooks().DeleteEndpoint(accounts_[0].id, a.id));
                   return core::OkStatus();
                 })
                  .ok());
  EXPECT_TRUE(Read<std::vector<core::WebhookDelivery>>([&](core::Repositories& r) {
                return r.webhooks().Deliveries(accounts_[0].id, a.id, 0, 10);
              }).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, IntegrationContract,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return testing::BackendName(info.param); });

}  // namespace
}  // namespace textura::storage
