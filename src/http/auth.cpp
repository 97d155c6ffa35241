#include "http/auth.h"

#include "core/integrations/api_key.h"

namespace textura::http {

std::string_view CookieValue(const Request& req, std::string_view name) {
  std::string_view header = req.Header("Cookie");
  while (!header.empty()) {
    const size_t semi = header.find(';');
    std::string_view pair = header.substr(0, semi);
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
  }
  return {};
}

core::Result<core::Principal> Authenticate(services::AuthService& auth, const Request& req) {
  auto principal = auth.Authenticate(CookieValue(req, kSessionCookie));
  if (!principal) return principal;
  if (IsUnsafe(req.method)) {
    if (auto s = auth.CheckCsrf(*principal, req.Header("X-CSRF-Token")); !s) {
      return std::move(s).error();
    }
  }
  return principal;
}

core::Result<core::Principal> Admit(services::AuthService& auth, services::ApiKeyService* keys,
                                    const Request& req, services::Capability need) {
  const std::string_view authorization = req.Header("Authorization");
  core::Result<core::Principal> who = core::Error::Unauthenticated("Sign in to continue.");
  if (!authorization.empty()) {
    // One answer for every refused key, whatever was wrong with it.
    const auto key = core::BearerApiKey(authorization);
    who = key && keys ? keys->Authenticate(*key)
                      : core::Error::Unauthenticated(
                            "The API key is not valid: check the Authorization header.");
  } else {
    who = Authenticate(auth, req);
  }
  if (!who) return who;
  const auto intent = req.method == Method::kGet || req.method == Method::kHead
                          ? services::Intent::kRead
                          : services::Intent::kWrite;
  if (auto s = services::Require(*who, need, intent); !s) return std::move(s).error();
  return who;
}

std::string SessionCookie(std::string_view token, int max_age_seconds, bool secure) {
  std::string c = std::string(kSessionCookie) + "=" + std::string(token) +
                  "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age_seconds);
  if (secure) c += "; Secure";
  return c;
}

std::string ExpiredSessionCookie(bool secure) {
  return SessionCookie("", 0, secure);
}

services::ClientInfo ClientOf(const Request& req) {
  return {req.remote_ip, std::string(req.Header("User-Agent"))};
}

}  // namespace textura::http
