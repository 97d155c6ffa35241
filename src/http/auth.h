#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "core/user.h"
#include "http/message.h"
#include "services/access.h"
#include "services/api_key_service.h"
#include "services/auth_service.h"

namespace textura::http {

inline constexpr std::string_view kSessionCookie = "textura_session";

// The principal behind a request's session cookie. For unsafe methods the
// X-CSRF-Token header must match the session's token (kCsrfFailed otherwise).
core::Result<core::Principal> Authenticate(services::AuthService& auth, const Request& req);

// The caller of a route that needs `need`: with an `Authorization` header, the API key
// it carries (`keys` null: refused; no CSRF header needed, the cookie is ignored);
// otherwise Authenticate. Then services::Require with the request's intent (GET and
// HEAD read), so a read-only key cannot write.
core::Result<core::Principal> Admit(services::AuthService& auth, services::ApiKeyService* keys,
                                    const Request& req, services::Capability need);

// The value of one cookie from the Cookie header; empty when absent.
std::string_view CookieValue(const Request& req, std::string_view name);

std::string SessionCookie(std::string_view token, int max_age_seconds, bool secure);
std::string ExpiredSessionCookie(bool secure);

services::ClientInfo ClientOf(const Request& req);

}  // namespace textura::http
