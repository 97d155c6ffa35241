// Canned replies of the support team (docs/support-console.md). Staff only.
#include "http/auth.h"
#include "http/handlers/console_common.h"
#include "http/handlers/handlers.h"
#include "http/json.h"
#include "http/views.h"

namespace textura::http {
namespace {

namespace json = boost::json;

Response NotFoundCanned(const RouteMatch& m) {
  return ErrorResponse(core::ErrorCode::kNotFound,
                       "Canned reply " + std::string(m.Param("id")) + " was not found.");
}

// The members of a POST/PATCH body; unknown ones fail in Finish().
std::optional<core::Error> ReadInput(const json::object& body, services::CannedInput& in) {
  JsonFields f(body);
  in.title = f.OptionalString("title");
  in.body = f.OptionalString("body");
  in.shortcut = f.OptionalString("shortcut", Null::kAbsent);
  in.clear_shortcut = body.contains("shortcut") && body.at("shortcut").is_null();
  in.shared = f.OptionalBool("shared");
  return f.Finish();
}

template <typename Fn>
Handler WithCanned(services::AuthService& auth, Fn fn) {
  return [&auth, fn](Request& req, const RouteMatch& m) -> Response {
    auto who = Authenticate(auth, req);
    if (!who) return ErrorResponse(who.error());
    if (!core::IsStaff(who->user.role)) {
      return ErrorResponse(core::ErrorCode::kForbidden, "This is the support team's console.");
    }
    const auto id = console::PathId(m);
    if (!id) return NotFoundCanned(m);
    return fn(req, *who, *id);
  };
}

}  // namespace

void RegisterCannedReplyRoutes(Router& router, Api& api) {
  services::AuthService& auth = api.services().auth;
  services::CannedReplyService& canned = api.services().console.canned();

  router.Add(Method::kGet, "/api/v1/support/canned-replies", Execution::kInline,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               auto list = canned.List(*who);
               if (!list) return ErrorResponse(list.error());
               json::array items;
               for (const auto& c : *list) items.push_back(CannedReplyJson(c));
               return JsonResponse(200, console::Items(std::move(items)));
             });

  router.Add(Method::kPost, "/api/v1/support/canned-replies", Execution::kOffload,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               auto body = ParseJsonBody(req);
               if (!body) return ErrorResponse(body.error());
               services::CannedInput in;
               if (auto err = ReadInput(*body, in)) return ErrorResponse(*err);
               auto c = canned.Create(*who, in);
               if (!c) return ErrorResponse(c.error());
               return JsonResponse(201, json::object{{"canned_reply", CannedReplyJson(*c)}});
             });

  router.Add(Method::kPatch, "/api/v1/support/canned-replies/{id}", Execution::kOffload,
             WithCanned(auth, [&](Request& req, const core::Principal& who, std::int64_t id) {
               auto body = ParseJsonBody(req);
               if (!body) return ErrorResponse(body.error());
               services::CannedInput in;
               if (auto err = ReadInput(*body, in)) return ErrorResponse(*err);
               auto c = canned.Update(who, id, in);
               if (!c) return ErrorResponse(c.error());
               return JsonResponse(200, json::object{{"canned_reply", CannedReplyJson(*c)}});
             }));

  router.Add(Method::kDelete, "/api/v1/support/canned-replies/{id}", Execution::kOffload,
             WithCanned(auth, [&](Request&, const core::Principal& who, std::int64_t id) {
               if (auto s = canned.Delete(who, id); !s) return ErrorResponse(s.error());
               return NoContent();
             }));

  router.Add(Method::kPost, "/api/v1/support/canned-replies/{id}/render", Execution::kOffload,
             WithCanned(auth, [&](Request& req, const core::Principal& who, std::int64_t id) {
               auto body = ParseJsonBody(req);
               if (!body) return ErrorResponse(body.error());
               JsonFields f(*body);
               const auto ticket = f.OptionalInt("ticket_id");
               if (auto err = f.Finish()) return ErrorResponse(*err);
               if (!ticket)
                 return ErrorResponse(core::Error::Validation("ticket_id", "is required"));
               auto text = canned.Render(who, id, *ticket);
               if (!text) return ErrorResponse(text.error());
               return JsonResponse(200, json::object{{"body", *text}});
             }));
}

}  // namespace textura::http
