// Canned replies of the support team (docs/support-console.md). Staff only.
#include "http/handlers/handlers.h"
#include "http/handlers/route_helpers.h"
#include "http/views.h"

namespace textura::http {
namespace {

namespace json = boost::json;
using services::Capability;

// The members of a POST/PATCH body; unknown ones fail in Finish().
core::Result<services::CannedInput> ReadInput(const Request& req) {
  auto body = ParseJsonBody(req);
  if (!body) return std::move(body).error();
  JsonFields f(*body);
  services::CannedInput in;
  in.title = f.OptionalString("title");
  in.body = f.OptionalString("body");
  in.shortcut = f.OptionalString("shortcut", Null::kAbsent);
  in.clear_shortcut = body->contains("shortcut") && body->at("shortcut").is_null();
  in.shared = f.OptionalBool("shared");
  if (auto err = f.Finish()) return *err;
  return in;
}

core::Result<core::TicketId> ReadTicketId(const Request& req) {
  auto body = ParseJsonBody(req);
  if (!body) return std::move(body).error();
  JsonFields f(*body);
  const auto ticket = f.OptionalInt("ticket_id");
  if (auto err = f.Finish()) return *err;
  if (!ticket) return core::Error::Validation("ticket_id", "is required");
  return *ticket;
}

json::object One(const core::support::CannedReply& c) {
  return {{"canned_reply", CannedReplyJson(c)}};
}

}  // namespace

void RegisterCannedReplyRoutes(Router& router, Api& api) {
  services::CannedReplyService& canned = api.services().console.canned();
  constexpr auto kStaff = Capability::kStaff;

  router.Add(Method::kGet, "/api/v1/support/canned-replies", kStaff, Execution::kInline,
             [&](Request&, const RouteMatch&, const core::Principal& who) {
               return Answer(canned.List(who), 200, [](const auto& list) {
                 json::array items;
                 for (const auto& c : list) items.push_back(CannedReplyJson(c));
                 return Items(std::move(items));
               });
             });

  router.Add(Method::kPost, "/api/v1/support/canned-replies", kStaff, Execution::kOffload,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               auto in = ReadInput(req);
               if (!in) return ErrorResponse(in.error());
               return Answer(canned.Create(who, *in), 201, One);
             });

  router.Add(Method::kPatch, "/api/v1/support/canned-replies/{id}", kStaff, Execution::kOffload,
             WithId("Canned reply", [&](Request& req, const RouteMatch&, const core::Principal& who,
                                        std::int64_t id) {
               auto in = ReadInput(req);
               if (!in) return ErrorResponse(in.error());
               return Answer(canned.Update(who, id, *in), 200, One);
             }));

  router.Add(Method::kDelete, "/api/v1/support/canned-replies/{id}", kStaff, Execution::kOffload,
             WithId("Canned reply",
                    [&](Request&, const RouteMatch&, const core::Principal& who, std::int64_t id) {
                      if (auto s = canned.Delete(who, id); !s) return ErrorResponse(s.error());
                      return NoContent();
                    }));

  router.Add(
      Method::kPost, "/api/v1/support/canned-replies/{id}/render", kStaff, Execution::kOffload,
      WithId("Canned reply",
             [&](Request& req, const RouteMatch&, const core::Principal& who, std::int64_t id) {
               auto ticket = ReadTicketId(req);
               if (!ticket) return ErrorResponse(ticket.error());
               return Answer(canned.Render(who, id, *ticket), 200, [](const std::string& text) {
                 return json::object{{"body", text}};
               });
             }));
}

}  // namespace textura::http
