#include "services/auth_service.h"

#include <gtest/gtest.h>

#include "testing/test_support.h"

namespace textura::services {
namespace {

using namespace std::chrono_literals;

class AuthServiceTest : public ::testing::Test {
 protected:
  AuthServiceTest()
      : db_(testing::FreshDatabase(testing::Backend::kSqlite)),
        clock_(core::FromMicros(1'790'000'000'000'000)),
        auth_(*db_, hasher_, tokens_, clock_, Limits()) {}

  static AuthLimits Limits() {
    AuthLimits l;
    l.max_failures_per_email = 3;
    l.max_attempts_per_ip = 10;
    l.window = 600s;
    l.session_ttl = 24h;
    return l;
  }

  SignedIn SignUp(const std::string& email, const std::string& ip = "10.0.0.1") {
    auto out = auth_.Signup({email, "correct horse", "Anna", "Acme"}, {ip, "test"});
    EXPECT_TRUE(out.ok()) << (out.ok() ? "" : out.error().message);
    return *out;
  }

  std::unique_ptr<storage::Database> db_;
  testing::FakeHasher hasher_;
  testing::FakeTokens tokens_;
  testing::ManualClock clock_;
  AuthService auth_;
};

TEST_F(AuthServiceTest, SignupCreatesAnAccountItsOwnerAndASession) {
  SignedIn s = SignUp(" Anna@Acme.io ");
  EXPECT_EQ(s.principal.user.email, "anna@acme.io");
  EXPECT_EQ(s.principal.user.role, core::Role::kCustomer);
  ASSERT_TRUE(s.principal.account);
  EXPECT_EQ(s.principal.account->name, "Acme");
  auto again = auth_.Authenticate(s.token);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->user.id, s.principal.user.id);
  EXPECT_EQ(again->session.csrf_token, s.principal.session.csrf_token);
}

TEST_F(AuthServiceTest, SignupValidatesEachFieldByName) {
  struct Case {
    SignupInput in;
    std::string field;
  };
  const Case cases[] = {
      {{"not-an-email", "correct horse", "Anna", "Acme"}, "email"},
      {{"a@acme.io", "short", "Anna", "Acme"}, "password"},
      {{"a@acme.io", "correct horse", "   ", "Acme"}, "name"},
      {{"a@acme.io", "correct horse", "Anna", ""}, "company"},
      {{"a@acme.io", "correct horse", std::string(101, 'x'), "Acme"}, "name"},
  };
  for (const Case& c : cases) {
    auto out = auth_.Signup(c.in, {"10.0.0.1", ""});
    ASSERT_FALSE(out.ok()) << c.field;
    EXPECT_EQ(out.error().code, core::ErrorCode::kValidationFailed);
    EXPECT_EQ(out.error().field, c.field);
  }
  // Nothing was created: the address is still free.
  SignUp("a@acme.io");
}

TEST_F(AuthServiceTest, DuplicateEmailIsRefusedWhateverItsCase) {
  SignUp("dup@acme.io");
  auto out = auth_.Signup({"DUP@acme.io", "correct horse", "B", "Other"}, {"10.0.0.2", ""});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, core::ErrorCode::kEmailTaken);
}

TEST_F(AuthServiceTest, LoginChecksThePasswordAndOpensANewSession) {
  SignedIn first = SignUp("anna@acme.io");
  auto wrong = auth_.Login({"anna@acme.io", "wrong password", {}}, {"10.0.0.1", ""});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, core::ErrorCode::kInvalidCredentials);
  auto unknown = auth_.Login({"nobody@acme.io", "correct horse", {}}, {"10.0.0.1", ""});
  EXPECT_EQ(unknown.error().code, core::ErrorCode::kInvalidCredentials);

  auto ok = auth_.Login({"ANNA@acme.io", "correct horse", {}}, {"10.0.0.1", ""});
  ASSERT_TRUE(ok.ok());
  EXPECT_NE(ok->token, first.token);
  EXPECT_EQ(ok->principal.user.id, first.principal.user.id);
  EXPECT_EQ(ok->principal.account->id, first.principal.account->id);
}

TEST_F(AuthServiceTest, TooManyFailuresForAnEmailLockItForTheWindow) {
  SignUp("anna@acme.io");
  for (int i = 0; i < 3; ++i) {
    auto out = auth_.Login({"anna@acme.io", "nope nope", {}}, {"10.0.0." + std::to_string(i), ""});
    EXPECT_EQ(out.error().code, core::ErrorCode::kInvalidCredentials);
  }
  auto locked = auth_.Login({"anna@acme.io", "correct horse", {}}, {"10.0.0.9", ""});
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().code, core::ErrorCode::kRateLimited);
  EXPECT_GT(locked.error().retry_after_seconds, 0);
  EXPECT_LE(locked.error().retry_after_seconds, 600);

  clock_.Advance(601s);
  EXPECT_TRUE(auth_.Login({"anna@acme.io", "correct horse", {}}, {"10.0.0.9", ""}).ok());
}

TEST_F(AuthServiceTest, TooManyAttemptsFromOneIpAreRateLimited) {
  for (int i = 0; i < 10; ++i) {
    (void)auth_.Login({"u" + std::to_string(i) + "@acme.io", "whatever1", {}}, {"10.9.9.9", ""});
  }
  auto out = auth_.Login({"x@acme.io", "whatever1", {}}, {"10.9.9.9", ""});
  EXPECT_EQ(out.error().code, core::ErrorCode::kRateLimited);
  auto elsewhere = auth_.Login({"x@acme.io", "whatever1", {}}, {"10.1.1.1", ""});
  EXPECT_EQ(elsewhere.error().code, core::ErrorCode::kInvalidCredentials);
}

TEST_F(AuthServiceTest, LogoutRevokesOnlyThatSession) {
  SignedIn a = SignUp("anna@acme.io");
  auto b = auth_.Login({"anna@acme.io", "correct horse", {}}, {"10.0.0.1", ""});
  ASSERT_TRUE(b.ok());
  ASSERT_TRUE(auth_.Logout(a.principal).ok());
  EXPECT_EQ(auth_.Authenticate(a.token).error().code, core::ErrorCode::kUnauthenticated);
  EXPECT_TRUE(auth_.Authenticate(b->token).ok());
}

TEST_F(AuthServiceTest, SessionsExpire) {
  SignedIn a = SignUp("anna@acme.io");
  clock_.Advance(25h);
  EXPECT_EQ(auth_.Authenticate(a.token).error().code, core::ErrorCode::kUnauthenticated);
}

TEST_F(AuthServiceTest, CsrfTokenMustMatchTheSession) {
  SignedIn a = SignUp("anna@acme.io");
  EXPECT_TRUE(auth_.CheckCsrf(a.principal, a.principal.session.csrf_token).ok());
  EXPECT_EQ(auth_.CheckCsrf(a.principal, "").error().code, core::ErrorCode::kCsrfFailed);
  EXPECT_EQ(auth_.CheckCsrf(a.principal, "other").error().code, core::ErrorCode::kCsrfFailed);
}

TEST_F(AuthServiceTest, ProfileUpdatesAreValidatedAndRemembered) {
  SignedIn a = SignUp("anna@acme.io");
  auto bad = auth_.UpdateProfile(a.principal, {std::nullopt, "purple", std::nullopt, std::nullopt});
  EXPECT_EQ(bad.error().field, "theme");
  auto bad_zone = auth_.UpdateProfile(a.principal, {{}, {}, {}, "Nowhere/City"});
  EXPECT_EQ(bad_zone.error().field, "time_zone");

  auto ok = auth_.UpdateProfile(a.principal, {"Anna K", "dark", "ru", "Europe/Berlin"});
  ASSERT_TRUE(ok.ok());
  auto again = auth_.Authenticate(a.token);
  EXPECT_EQ(again->user.theme, core::Theme::kDark);
  EXPECT_EQ(again->user.locale, core::Locale::kRu);
  EXPECT_EQ(again->user.time_zone, "Europe/Berlin");
  EXPECT_EQ(again->user.name, "Anna K");
}

TEST_F(AuthServiceTest, ShellCreatesStaffWithoutAnAccountAndCustomersWithOne) {
  auto staff =
      auth_.CreateUser({"agent@textura.io", "agent password", "Agent", core::Role::kStaff, {}});
  ASSERT_TRUE(staff.ok());
  EXPECT_FALSE(staff->account_id);
  auto customer = auth_.CreateUser({"c@acme.io", "cust password", "C", core::Role::kCustomer, {}});
  EXPECT_EQ(customer.error().field, "company");
  auto with_company =
      auth_.CreateUser({"c@acme.io", "cust password", "C", core::Role::kCustomer, "Acme"});
  ASSERT_TRUE(with_company.ok());
  EXPECT_TRUE(with_company->account_id);
  EXPECT_TRUE(auth_.Login({"agent@textura.io", "agent password", {}}, {"1.1.1.1", ""}).ok());
}

}  // namespace
}  // namespace textura::services
