#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "core/ports/clock.h"
#include "core/ports/crypto.h"
#include "core/ports/event_sink.h"
#include "core/ports/store.h"
#include "core/result.h"
#include "core/user.h"
#include "services/rate_limiter.h"

namespace textura::services {

struct AuthLimits {
  std::size_t max_failures_per_email = 5;
  std::size_t max_attempts_per_ip = 30;
  std::chrono::seconds window{900};
  std::chrono::seconds session_ttl{std::chrono::hours(24 * 30)};
  // A new account's first ledger entry (docs/billing.md); 0: none.
  std::int64_t signup_credit_minor = 10000;
};

// Where a request comes from; recorded with the session.
struct ClientInfo {
  std::string ip;
  std::string user_agent;
};

struct SignupInput {
  std::string email, password, name, company;
};

struct LoginInput {
  std::string email, password;
  std::optional<std::string> totp_code;
};

struct ProfilePatch {
  std::optional<std::string> name;
  std::optional<std::string> theme;
  std::optional<std::string> locale;
  std::optional<std::string> time_zone;
};

struct NewUserInput {
  std::string email, password, name;
  core::Role role = core::Role::kCustomer;
  std::optional<std::string> company;  // required for customers: creates their account
};

// A new session: the principal plus the raw token for the cookie (shown once).
struct SignedIn {
  core::Principal principal;
  std::string token;
};

// Accounts, sign-in and sessions. Thread-safe. Signup, Login and CreateUser hash
// passwords (tens of ms of CPU): call them off the I/O threads.
class AuthService {
 public:
  AuthService(core::Store& store, const core::PasswordHasher& hasher,
              const core::TokenSource& tokens, const core::Clock& clock, AuthLimits limits);

  // Where signing out is announced, so live connections of that session end.
  // Set once during wiring; none by default.
  void SetEventSink(core::EventSink& events) { events_ = &events; }

  core::Result<SignedIn> Signup(const SignupInput& input, const ClientInfo& client);
  core::Result<SignedIn> Login(const LoginInput& input, const ClientInfo& client);
  core::Status Logout(const core::Principal& principal);
  // The principal of a session token; kUnauthenticated when unknown, expired or revoked.
  core::Result<core::Principal> Authenticate(std::string_view token);
  // kCsrfFailed unless `csrf_token` is the session's token.
  core::Status CheckCsrf(const core::Principal& principal, std::string_view csrf_token) const;
  core::Result<core::Principal> UpdateProfile(const core::Principal& principal,
                                              const ProfilePatch& patch);
  // Creates a user (`textura user create`, the admin's staff page). `also` runs in the
  // same write transaction after the insert (e.g. to record it in the audit log); its
  // failure rolls the user back.
  using AlsoInWrite = std::function<core::Status(core::Repositories&, const core::User&)>;
  core::Result<core::User> CreateUser(const NewUserInput& input, const AlsoInWrite& also = {});
  // Where sessions ended by others (deactivation) are announced; may be null.
  core::EventSink* event_sink() const { return events_; }

 private:
  core::Result<SignedIn> OpenSession(core::Repositories& repos, core::User user,
                                     std::optional<core::Account> account,
                                     const ClientInfo& client);
  core::Status CheckIpLimit(const ClientInfo& client, core::Time now);

  core::Store& store_;
  const core::PasswordHasher& hasher_;
  const core::TokenSource& tokens_;
  const core::Clock& clock_;
  const AuthLimits limits_;
  SlidingWindowLimiter failures_by_email_;
  SlidingWindowLimiter attempts_by_ip_;
  std::string dummy_hash_;
  core::EventSink* events_ =
      nullptr;  // verified against for unknown emails, so timing does not tell
};

}  // namespace textura::services
