#include "services/auth_service.h"

#include "core/validation.h"
#include "services/billing_service.h"

namespace textura::services {

using core::Error;
using core::ErrorCode;
using core::Result;
using core::Status;

namespace {

constexpr std::size_t kMaxNameLength = 100;
constexpr std::size_t kMaxCompanyLength = 200;

Error RateLimited(int retry_after) {
  return {ErrorCode::kRateLimited, "Too many sign-in attempts; try again later.", {}, retry_after};
}

}  // namespace

AuthService::AuthService(core::Store& store, const core::PasswordHasher& hasher,
                         const core::TokenSource& tokens, const core::Clock& clock,
                         AuthLimits limits)
    : store_(store),
      hasher_(hasher),
      tokens_(tokens),
      clock_(clock),
      limits_(limits),
      failures_by_email_(limits.max_failures_per_email, limits.window),
      attempts_by_ip_(limits.max_attempts_per_ip, limits.window),
      dummy_hash_(hasher.Hash("textura: no user has this password")) {}

Status AuthService::CheckIpLimit(const ClientInfo& client, core::Time now) {
  if (const int wait = attempts_by_ip_.RetryAfter(client.ip, now); wait > 0) {
    return RateLimited(wait);
  }
  attempts_by_ip_.Record(client.ip, now);
  return core::OkStatus();
}

Result<SignedIn> AuthService::Signup(const SignupInput& input, const ClientInfo& client) {
  auto email = core::NormalizeEmail("email", input.email);
  if (!email) return std::move(email).error();
  if (auto s = core::ValidatePassword("password", input.password); !s) return std::move(s).error();
  auto name = core::CleanText("name", input.name, 1, kMaxNameLength);
  if (!name) return std::move(name).error();
  auto company = core::CleanText("company", input.company, 1, kMaxCompanyLength);
  if (!company) return std::move(company).error();

  const core::Time now = clock_.Now();
  if (auto s = CheckIpLimit(client, now); !s) return std::move(s).error();

  core::User user;
  user.email = *email;
  user.name = *name;
  user.role = core::Role::kCustomer;
  user.password_hash = hasher_.Hash(input.password);
  user.created_at = now;
  return core::WriteValue<SignedIn>(store_, [&](core::Repositories& repos) -> Result<SignedIn> {
    core::Account account = repos.accounts().Insert(*company, now);
    user.account_id = account.id;
    // In the same transaction: an account never exists without its credit.
    if (limits_.signup_credit_minor > 0) {
      repos.ledger().Append(SignupCredit(account.id, limits_.signup_credit_minor, now));
    }
    auto created = repos.users().Insert(user);
    if (!created) return std::move(created).error();
    return OpenSession(repos, std::move(*created), std::move(account), client);
  });
}

Result<SignedIn> AuthService::Login(const LoginInput& input, const ClientInfo& client) {
  auto email = core::NormalizeEmail("email", input.email);
  if (!email) return std::move(email).error();
  if (input.password.empty()) return Error::Validation("password", "must not be empty");

  const core::Time now = clock_.Now();
  if (const int wait = failures_by_email_.RetryAfter(*email, now); wait > 0) {
    return RateLimited(wait);
  }
  if (auto s = CheckIpLimit(client, now); !s) return std::move(s).error();

  auto found = core::ReadValue<std::optional<core::User>>(
      store_, [&](core::Repositories& repos) -> Result<std::optional<core::User>> {
        return repos.users().FindByEmail(*email);
      });
  if (!found) return std::move(found).error();
  // Unknown emails cost the same hashing work as known ones.
  const bool verified = found->has_value() ? hasher_.Verify((*found)->password_hash, input.password)
                                           : (hasher_.Verify(dummy_hash_, input.password), false);
  // A deactivated user is told exactly what a wrong password is told.
  if (verified && !(*found)->active) {
    return Error::Of(ErrorCode::kInvalidCredentials, "The email or password is incorrect.");
  }
  if (!verified) {
    failures_by_email_.Record(*email, now);
    return Error::Of(ErrorCode::kInvalidCredentials, "The email or password is incorrect.");
  }
  failures_by_email_.Clear(*email);
  core::User user = std::move(**found);
  return core::WriteValue<SignedIn>(store_, [&](core::Repositories& repos) -> Result<SignedIn> {
    std::optional<core::Account> account;
    if (user.account_id) account = repos.accounts().Find(*user.account_id);
    repos.users().SetLastLogin(user.id, now);
    user.last_login_at = now;
    return OpenSession(repos, user, std::move(account), client);
  });
}

Result<SignedIn> AuthService::OpenSession(core::Repositories& repos, core::User user,
                                          std::optional<core::Account> account,
                                          const ClientInfo& client) {
  const core::Time now = clock_.Now();
  SignedIn out;
  out.token = tokens_.NewToken();
  core::Session session;
  session.user_id = user.id;
  session.token_hash = tokens_.Digest(out.token);
  session.csrf_token = tokens_.NewToken();
  session.created_at = now;
  session.expires_at = now + limits_.session_ttl;
  session.ip = client.ip;
  session.user_agent = client.user_agent.substr(0, 512);
  out.principal.session = repos.sessions().Insert(std::move(session));
  out.principal.user = std::move(user);
  out.principal.account = std::move(account);
  return out;
}

Status AuthService::Logout(const core::Principal& principal) {
  const core::Time now = clock_.Now();
  Status s = store_.Write([&](core::Repositories& repos) -> Status {
    repos.sessions().Revoke(principal.session.id, now);
    return core::OkStatus();
  });
  if (s && events_) events_->SessionEnded(principal.session.id);
  return s;
}

Result<core::Principal> AuthService::Authenticate(std::string_view token) {
  const auto unauthenticated = [] { return Error::Unauthenticated("Sign in to continue."); };
  if (token.empty() || token.size() > 128) return unauthenticated();
  const std::string digest = tokens_.Digest(token);
  const core::Time now = clock_.Now();
  auto found = core::ReadValue<std::optional<core::Principal>>(
      store_, [&](core::Repositories& repos) -> Result<std::optional<core::Principal>> {
        return repos.sessions().FindActive(digest, now);
      });
  if (!found) return std::move(found).error();
  if (!found->has_value()) return unauthenticated();
  return std::move(**found);
}

Status AuthService::CheckCsrf(const core::Principal& principal, std::string_view csrf) const {
  if (csrf.empty() || !tokens_.SecretEquals(csrf, principal.session.csrf_token)) {
    return Error::Of(ErrorCode::kCsrfFailed,
                     "Missing or wrong X-CSRF-Token header: send the csrf_token from /api/v1/me.");
  }
  return core::OkStatus();
}

Result<core::Principal> AuthService::UpdateProfile(const core::Principal& principal,
                                                   const ProfilePatch& patch) {
  core::User user = principal.user;
  if (patch.name) {
    auto name = core::CleanText("name", *patch.name, 1, kMaxNameLength);
    if (!name) return std::move(name).error();
    user.name = *name;
  }
  if (patch.theme) {
    auto theme = core::ParseTheme(*patch.theme);
    if (!theme) return Error::Validation("theme", "must be one of light, dark, system");
    user.theme = *theme;
  }
  if (patch.locale) {
    auto locale = core::ParseLocale(*patch.locale);
    if (!locale) return Error::Validation("locale", "must be one of en, ru");
    user.locale = *locale;
  }
  if (patch.time_zone) {
    if (auto s = core::ValidateTimeZone("time_zone", *patch.time_zone); !s) {
      return std::move(s).error();
    }
    user.time_zone = *patch.time_zone;
  }
  if (auto s = store_.Write([&](core::Repositories& repos) -> Status {
        repos.users().UpdateProfile(user);
        return core::OkStatus();
      });
      !s) {
    return std::move(s).error();
  }
  core::Principal out = principal;
  out.user = std::move(user);
  return out;
}

Result<core::User> AuthService::CreateUser(const NewUserInput& input, const AlsoInWrite& also) {
  auto email = core::NormalizeEmail("email", input.email);
  if (!email) return std::move(email).error();
  if (auto s = core::ValidatePassword("password", input.password); !s) return std::move(s).error();
  auto name = core::CleanText("name", input.name, 1, kMaxNameLength);
  if (!name) return std::move(name).error();
  std::optional<std::string> company;
  if (input.role == core::Role::kCustomer) {
    if (!input.company) return Error::Validation("company", "customers need a company (--company)");
    auto cleaned = core::CleanText("company", *input.company, 1, kMaxCompanyLength);
    if (!cleaned) return std::move(cleaned).error();
    company = std::move(*cleaned);
  }
  const core::Time now = clock_.Now();
  core::User user;
  user.email = *email;
  user.name = *name;
  user.role = input.role;
  user.password_hash = hasher_.Hash(input.password);
  user.created_at = now;
  return core::WriteValue<core::User>(store_, [&](core::Repositories& repos) -> Result<core::User> {
    if (company) {
      user.account_id = repos.accounts().Insert(*company, now).id;
      if (limits_.signup_credit_minor > 0) {
        repos.ledger().Append(SignupCredit(*user.account_id, limits_.signup_credit_minor, now));
      }
    }
    auto created = repos.users().Insert(user);
    if (created && also) {
      if (auto s = also(repos, *created); !s) return std::move(s).error();
    }
    return created;
  });
}

}  // namespace textura::services
