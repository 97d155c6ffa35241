// The support team's routes under /tickets/{id}: internal notes, history, assignment
// and presence (docs/support-console.md). Staff only; services decide.
#include "http/auth.h"
#include "http/handlers/console_common.h"
#include "http/handlers/handlers.h"
#include "http/json.h"
#include "http/views.h"

namespace textura::http {
namespace {

namespace json = boost::json;

Response NotFoundTicket(const RouteMatch& m) {
  return ErrorResponse(core::ErrorCode::kNotFound,
                       "Ticket " + std::string(m.Param("id")) + " was not found.");
}

// Runs `fn(request, principal, ticket id)` for routes under /tickets/{id}. A customer
// is refused before the id is looked at unless `customers_see_not_found` (notes: to a
// customer a ticket's notes do not exist).
enum class Customers { kForbidden, kNotFound };
template <typename Fn>
Handler StaffTicketRoute(services::AuthService& auth, Customers customers, Fn fn) {
  return [&auth, customers, fn](Request& req, const RouteMatch& m) -> Response {
    auto who = Authenticate(auth, req);
    if (!who) return ErrorResponse(who.error());
    if (!core::IsStaff(who->user.role)) {
      if (customers == Customers::kNotFound) return NotFoundTicket(m);
      return ErrorResponse(core::ErrorCode::kForbidden, "This is the support team's console.");
    }
    const auto id = console::PathId(m);
    if (!id) return NotFoundTicket(m);
    return fn(req, *who, *id);
  };
}

}  // namespace

void RegisterTicketConsoleRoutes(Router& router, Api& api) {
  services::AuthService& auth = api.services().auth;
  services::TicketService& tickets = api.services().tickets;
  services::SupportConsole& support = api.services().console;

  router.Add(Method::kGet, "/api/v1/tickets/{id}/notes", Execution::kInline,
             StaffTicketRoute(auth, Customers::kNotFound,
                              [&](Request&, const core::Principal& who, core::TicketId id) {
                                auto notes = support.notes().List(who, id);
                                if (!notes) return ErrorResponse(notes.error());
                                json::array items;
                                for (const auto& n : *notes) items.push_back(NoteJson(n));
                                return JsonResponse(200, console::Items(std::move(items)));
                              }));

  router.Add(Method::kPost, "/api/v1/tickets/{id}/notes", Execution::kOffload,
             StaffTicketRoute(auth, Customers::kNotFound,
                              [&](Request& req, const core::Principal& who, core::TicketId id) {
                                auto body = ParseJsonBody(req);
                                if (!body) return ErrorResponse(body.error());
                                JsonFields f(*body);
                                const std::string text = f.RequiredString("body");
                                const auto attachments = f.OptionalIntArray("attachment_ids");
                                if (auto err = f.Finish()) return ErrorResponse(*err);
                                if (attachments && !attachments->empty()) {
                                  return ErrorResponse(core::Error::Validation(
                                      "attachment_ids", "notes do not carry attachments yet"));
                                }
                                auto note = support.notes().Add(who, id, text);
                                if (!note) return ErrorResponse(note.error());
                                return JsonResponse(201, json::object{{"note", NoteJson(*note)}});
                              }));

  router.Add(Method::kGet, "/api/v1/tickets/{id}/history", Execution::kInline,
             StaffTicketRoute(auth, Customers::kForbidden,
                              [&](Request&, const core::Principal& who, core::TicketId id) {
                                auto history = support.queue().History(who, id);
                                if (!history) return ErrorResponse(history.error());
                                json::array items;
                                for (const auto& h : *history) items.push_back(HistoryJson(h));
                                return JsonResponse(200, console::Items(std::move(items)));
                              }));

  router.Add(
      Method::kPost, "/api/v1/tickets/{id}/assign", Execution::kOffload,
      StaffTicketRoute(
          auth, Customers::kForbidden,
          [&](Request& req, const core::Principal& who, core::TicketId id) {
            auto body = ParseJsonBody(req);
            if (!body) return ErrorResponse(body.error());
            if (!body->contains("assignee_id")) {
              return ErrorResponse(
                  core::Error::Validation("assignee_id", "is required (a staff user id, or null)"));
            }
            JsonFields f(*body);
            const auto assignee = f.OptionalInt("assignee_id", Null::kAbsent);
            if (auto err = f.Finish()) return ErrorResponse(*err);
            auto v = support.assignment().Assign(who, id, assignee);
            if (!v) return ErrorResponse(v.error());
            return JsonResponse(
                200, json::object{{"ticket", StaffTicketJson(*v, tickets.SlaNow(v->ticket))}});
          }));

  router.Add(Method::kPost, "/api/v1/tickets/{id}/take", Execution::kOffload,
             StaffTicketRoute(
                 auth, Customers::kForbidden,
                 [&](Request&, const core::Principal& who, core::TicketId id) {
                   auto v = support.assignment().Take(who, id);
                   if (!v) return ErrorResponse(v.error());
                   return JsonResponse(
                       200,
                       json::object{{"ticket", StaffTicketJson(*v, tickets.SlaNow(v->ticket))}});
                 }));

  router.Add(
      Method::kPost, "/api/v1/tickets/{id}/presence", Execution::kOffload,
      StaffTicketRoute(auth, Customers::kForbidden,
                       [&](Request& req, const core::Principal& who, core::TicketId id) {
                         auto body = ParseJsonBody(req);
                         if (!body) return ErrorResponse(body.error());
                         JsonFields f(*body);
                         const std::string state = f.RequiredString("state");
                         if (auto err = f.Finish()) return ErrorResponse(*err);
                         auto viewers = support.presence().Heartbeat(who, id, state);
                         if (!viewers) return ErrorResponse(viewers.error());
                         return JsonResponse(200, json::object{{"viewers", ViewersJson(*viewers)}});
                       }));
}

}  // namespace textura::http
