#include "services/api_key_service.h"

#include <gtest/gtest.h>

#include "services/access.h"
#include "services/auth_service.h"
#include "testing/test_support.h"

namespace textura::services {
namespace {

using namespace std::chrono_literals;
using core::ErrorCode;

struct PlainDigests final : core::KeyedHasher {
  std::string Digest(std::string_view s) const override { return "d:" + std::string(s); }
};

// Keys shaped like the real ones: "txk_" + 43 characters.
struct KeyTokens final : core::TokenSource {
  std::string NewToken() const override {
    std::string t = "k" + std::to_string(++n);
    return t + std::string(43 - t.size(), 'x');
  }
  std::string Digest(std::string_view t) const override { return "digest:" + std::string(t); }
  bool SecretEquals(std::string_view a, std::string_view b) const override { return a == b; }
  mutable int n = 0;
};

class ApiKeyServiceTest : public ::testing::Test {
 protected:
  ApiKeyServiceTest()
      : db_(testing::FreshDatabase(testing::Backend::kSqlite)),
        clock_(*core::ParseRfc3339("2026-11-23T12:00:00Z")),
        auth_(*db_, hasher_, tokens_, clock_, {}),
        keys_(*db_, hasher_, digests_, tokens_, clock_) {
    anna_ =
        auth_.Signup({"anna@acme.io", "correct horse", "Anna", "Acme"}, {"1.1.1.1", ""})->principal;
    boris_ = auth_.Signup({"boris@other.io", "correct horse", "Boris", "Other"}, {"1.1.1.1", ""})
                 ->principal;
  }

  CreatedApiKey Create(const core::Principal& who, std::string scope = "read_write",
                       std::optional<std::int64_t> days = std::nullopt) {
    auto created = keys_.Create(who, {"CRM", std::move(scope), days, "correct horse"});
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    return *created;
  }

  std::unique_ptr<storage::Database> db_;
  testing::FakeHasher hasher_;
  KeyTokens tokens_;
  PlainDigests digests_;
  testing::ManualClock clock_;
  AuthService auth_;
  ApiKeyService keys_;
  core::Principal anna_, boris_;
};

TEST_F(ApiKeyServiceTest, TheSecretIsShownOnceAndOnlyItsDigestIsStored) {
  const CreatedApiKey c = Create(anna_);
  EXPECT_TRUE(c.secret.starts_with("txk_"));
  EXPECT_EQ(c.secret.size(), core::kApiKeyLength);
  EXPECT_EQ(c.key.prefix, c.secret.substr(0, 12));
  auto listed = keys_.List(anna_);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].key_hash, "d:" + c.secret);
  EXPECT_EQ((*listed)[0].created_by_name, "Anna");
  EXPECT_EQ((*listed)[0].scope, core::ApiKeyScope::kReadWrite);
  EXPECT_FALSE((*listed)[0].expires_at);

  auto who = keys_.Authenticate(c.secret);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->kind, core::PrincipalKind::kApiKey);
  EXPECT_EQ(who->account->id, anna_.account->id);
  EXPECT_EQ(who->user.id, anna_.user.id);
  EXPECT_EQ(who->api_key->key_id, c.key.id);
  EXPECT_EQ(who->api_key->scope, "read_write");
  EXPECT_TRUE(Has(*who, Capability::kAccountMember));
  EXPECT_FALSE(Has(*who, Capability::kAccountManager));
}

TEST_F(ApiKeyServiceTest, ExpiredRevokedAndUnknownKeysAreRefusedAlike) {
  const CreatedApiKey month = Create(anna_, "read", 30);
  EXPECT_EQ(*month.key.expires_at, clock_.Now() + 30 * 24h);
  const CreatedApiKey revoked = Create(anna_);
  ASSERT_TRUE(keys_.Revoke(anna_, revoked.key.id).ok());
  // Revoking again is fine and changes nothing.
  auto again = keys_.Revoke(anna_, revoked.key.id);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->revoked_at);

  EXPECT_TRUE(keys_.Authenticate(month.secret).ok());
  const auto refused = keys_.Authenticate(revoked.secret);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kUnauthenticated);
  for (const std::string bad :
       {std::string("txk_") + std::string(43, 'z'), std::string("nope"), std::string()}) {
    const auto e = keys_.Authenticate(bad);
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().message, refused.error().message) << bad;
  }
  clock_.Advance(30 * 24h);
  const auto expired = keys_.Authenticate(month.secret);
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.error().message, refused.error().message);
}

TEST_F(ApiKeyServiceTest, AnotherAccountsKeyIsNotFoundAndNothingChanges) {
  const CreatedApiKey c = Create(anna_);
  auto revoke = keys_.Revoke(boris_, c.key.id);
  ASSERT_FALSE(revoke.ok());
  EXPECT_EQ(revoke.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(keys_.List(boris_)->empty());
  EXPECT_TRUE(keys_.Authenticate(c.secret).ok());
}

TEST_F(ApiKeyServiceTest, BadInputNamesTheFieldAndCreatesNothing) {
  struct Case {
    NewApiKeyInput in;
    const char* field;
  };
  const Case cases[] = {
      {{"", "read", std::nullopt, "correct horse"}, "name"},
      {{std::string(101, 'n'), "read", std::nullopt, "correct horse"}, "name"},
      {{"CRM", "write", std::nullopt, "correct horse"}, "scope"},
      {{"CRM", "read", 7, "correct horse"}, "expires_in_days"},
      {{"CRM", "read", std::nullopt, "wrong password"}, "password"},
      {{"CRM", "read", std::nullopt, ""}, "password"},
  };
  for (const Case& c : cases) {
    auto r = keys_.Create(anna_, c.in);
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed) << c.field;
    EXPECT_EQ(r.error().field, c.field);
  }
  EXPECT_TRUE(keys_.List(anna_)->empty());
}

TEST_F(ApiKeyServiceTest, KeysCannotManageKeysAndStaffHaveNone) {
  const CreatedApiKey c = Create(anna_);
  const core::Principal key = *keys_.Authenticate(c.secret);
  EXPECT_EQ(keys_.List(key).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(keys_.Create(key, {"x", "read", std::nullopt, "correct horse"}).error().code,
            ErrorCode::kForbidden);
  ASSERT_TRUE(
      auth_.CreateUser({"agent@textura.io", "agent password", "Agent", core::Role::kStaff, {}})
          .ok());
  const auto agent =
      auth_.Login({"agent@textura.io", "agent password", {}}, {"1.1.1.1", ""})->principal;
  EXPECT_EQ(keys_.List(agent).error().code, ErrorCode::kForbidden);
}

TEST_F(ApiKeyServiceTest, LastUseIsKeptInMemoryAndFlushed) {
  const CreatedApiKey c = Create(anna_);
  ASSERT_TRUE(keys_.Authenticate(c.secret).ok());
  const core::Time used = clock_.Now();
  // Listed from memory before the flush...
  EXPECT_EQ(keys_.List(anna_)->front().last_used_at, used);
  EXPECT_EQ(keys_.FlushLastUsed(), 1);
  EXPECT_EQ(keys_.FlushLastUsed(), 0);
  // ...and from the database after it.
  EXPECT_EQ(keys_.List(anna_)->front().last_used_at, used);
  clock_.Advance(1h);
  ASSERT_TRUE(keys_.Authenticate(c.secret).ok());
  keys_.FlushLastUsed();
  EXPECT_EQ(keys_.List(anna_)->front().last_used_at, used + 1h);
}

TEST_F(ApiKeyServiceTest, ADeactivatedCreatorsKeysStopWorking) {
  const CreatedApiKey c = Create(anna_);
  ASSERT_TRUE(db_->Write([&](core::Repositories& r) -> core::Status {
                   r.users().SetActive(anna_.user.id, false);
                   return core::OkStatus();
                 })
                  .ok());
  EXPECT_EQ(keys_.Authenticate(c.secret).error().code, ErrorCode::kUnauthenticated);
}

}  // namespace
}  // namespace textura::services
