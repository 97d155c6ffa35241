// Sign-up, sign-in, sign-out and the signed-in user (API.md "Auth", contract).
#include "http/auth.h"
#include "http/handlers/handlers.h"
#include "http/handlers/route_helpers.h"
#include "http/views.h"

namespace textura::http {
namespace {

using services::Capability;

Response SignedInResponse(int status, const services::SignedIn& s, const ApiOptions& options) {
  Response r = JsonResponse(status, SessionView(s.principal));
  r.SetHeader("Set-Cookie",
              SessionCookie(s.token, options.session_max_age_seconds, options.secure_cookies));
  return r;
}

}  // namespace

void RegisterAuthRoutes(Router& router, Api& api) {
  services::AuthService& auth = api.services().auth;
  const ApiOptions& options = api.options();

  router.Add(Method::kPost, "/api/v1/auth/signup", Execution::kOffload,
             [&auth, &options](Request& req, const RouteMatch&) {
               auto body = ParseJsonBody(req);
               if (!body) return ErrorResponse(body.error());
               JsonFields f(*body);
               services::SignupInput in{f.RequiredString("email"), f.RequiredString("password"),
                                        f.RequiredString("name"), f.RequiredString("company")};
               if (auto err = f.Finish()) return ErrorResponse(*err);
               auto out = auth.Signup(in, ClientOf(req));
               if (!out) return ErrorResponse(out.error());
               return SignedInResponse(201, *out, options);
             });

  router.Add(Method::kPost, "/api/v1/auth/login", Execution::kOffload,
             [&auth, &options](Request& req, const RouteMatch&) {
               auto body = ParseJsonBody(req);
               if (!body) return ErrorResponse(body.error());
               JsonFields f(*body);
               services::LoginInput in{f.RequiredString("email"), f.RequiredString("password"),
                                       f.OptionalString("totp_code")};
               if (auto err = f.Finish()) return ErrorResponse(*err);
               auto out = auth.Login(in, ClientOf(req));
               if (!out) return ErrorResponse(out.error());
               return SignedInResponse(200, *out, options);
             });

  router.Add(Method::kPost, "/api/v1/auth/logout", Capability::kSignedIn, Execution::kOffload,
             [&auth, &options](Request&, const RouteMatch&, const core::Principal& who) {
               if (auto s = auth.Logout(who); !s) return ErrorResponse(s.error());
               Response r = NoContent();
               r.SetHeader("Set-Cookie", ExpiredSessionCookie(options.secure_cookies));
               return r;
             });

  router.Add(Method::kGet, "/api/v1/me", Capability::kSignedIn, Execution::kInline,
             [](Request&, const RouteMatch&, const core::Principal& who) {
               return JsonResponse(200, SessionView(who));
             });

  router.Add(Method::kPatch, "/api/v1/me", Capability::kSignedIn, Execution::kOffload,
             [&auth](Request& req, const RouteMatch&, const core::Principal& who) {
               auto patch = ReadBody(req, [](JsonFields& f) {
                 return services::ProfilePatch{f.OptionalString("name"), f.OptionalString("theme"),
                                               f.OptionalString("locale"),
                                               f.OptionalString("time_zone")};
               });
               if (!patch) return ErrorResponse(patch.error());
               return Answer(auth.UpdateProfile(who, *patch), 200, SessionView);
             });
}

}  // namespace textura::http
