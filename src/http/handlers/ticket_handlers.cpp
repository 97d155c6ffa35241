// Support tickets (API.md "Support tickets", contract).
#include <charconv>

#include "http/auth.h"
#include "http/handlers/handlers.h"
#include "http/json.h"
#include "http/views.h"

namespace textura::http {
namespace {

namespace json = boost::json;

// The {id} of the route; a malformed id is a ticket that does not exist.
std::optional<core::TicketId> TicketIdOf(const RouteMatch& m) {
  const std::string_view s = m.Param("id");
  core::TicketId id = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || p != s.data() + s.size() || id <= 0) return std::nullopt;
  return id;
}

Response NotFoundTicket(const RouteMatch& m) {
  return ErrorResponse(core::ErrorCode::kNotFound,
                       "Ticket " + std::string(m.Param("id")) + " was not found.");
}

std::optional<std::string> Query(const Request& req, std::string_view name) {
  if (auto v = req.QueryParam(name)) return std::string(*v);
  return std::nullopt;
}

json::object Page(json::array items, const std::optional<std::string>& next) {
  return {{"items", std::move(items)},
          {"next_cursor", next ? json::value(*next) : json::value(nullptr)}};
}

// Runs `fn(principal, ticket id)` for routes under /tickets/{id}.
template <typename Fn>
Handler WithTicket(services::AuthService& auth, Fn fn) {
  return [&auth, fn](Request& req, const RouteMatch& m) -> Response {
    auto who = Authenticate(auth, req);
    if (!who) return ErrorResponse(who.error());
    const auto id = TicketIdOf(m);
    if (!id) return NotFoundTicket(m);
    return fn(req, *who, *id);
  };
}

}  // namespace

void RegisterTicketRoutes(Router& router, Api& api) {
  services::AuthService& auth = api.services().auth;
  services::TicketService& tickets = api.services().tickets;

  router.Add(Method::kPost, "/api/v1/tickets", Execution::kOffload,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               auto body = ParseJsonBody(req);
               if (!body) return ErrorResponse(body.error());
               JsonFields f(*body);
               services::NewTicketInput in;
               in.title = f.RequiredString("title");
               in.body = f.RequiredString("body");
               in.category = f.RequiredString("category");
               in.employee_id = f.OptionalInt("employee_id", Null::kAbsent);
               in.chat_url = f.OptionalString("chat_url", Null::kAbsent);
               in.attachment_ids =
                   f.OptionalIntArray("attachment_ids").value_or(std::vector<std::int64_t>{});
               in.follow_up_of = f.OptionalInt("follow_up_of", Null::kAbsent);
               if (auto err = f.Finish()) return ErrorResponse(*err);
               auto created = tickets.Create(*who, in);
               if (!created) return ErrorResponse(created.error());
               return JsonResponse(
                   201, json::object{{"ticket", TicketJsonFor(*who, created->ticket, tickets)},
                                     {"message", MessageJson(created->message)}});
             });

  router.Add(Method::kGet, "/api/v1/tickets", Execution::kInline,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               services::ListTicketsInput in{Query(req, "status"),     Query(req, "q"),
                                             Query(req, "limit"),      Query(req, "cursor"),
                                             Query(req, "account_id"), Query(req, "awaiting"),
                                             Query(req, "category")};
               auto page = tickets.List(*who, in);
               if (!page) return ErrorResponse(page.error());
               json::array items;
               for (const auto& v : page->items) items.push_back(TicketJsonFor(*who, v, tickets));
               return JsonResponse(200, Page(std::move(items), page->next_cursor));
             });

  router.Add(Method::kGet, "/api/v1/tickets/summary", Execution::kInline,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               auto s = tickets.Summary(*who);
               if (!s) return ErrorResponse(s.error());
               return JsonResponse(200, json::object{{"unread_total", s->unread_total},
                                                     {"counts",
                                                      {{"on_customer", s->counts.on_customer},
                                                       {"done", s->counts.done}}}});
             });

  router.Add(Method::kGet, "/api/v1/tickets/{id}", Execution::kInline,
             WithTicket(auth, [&](Request&, const core::Principal& who, core::TicketId id) {
               auto v = tickets.Get(who, id);
               if (!v) return ErrorResponse(v.error());
               return JsonResponse(200, json::object{{"ticket", TicketJsonFor(who, *v, tickets)}});
             }));

  router.Add(Method::kGet, "/api/v1/tickets/{id}/messages", Execution::kInline,
             WithTicket(auth, [&](Request& req, const core::Principal& who, core::TicketId id) {
               auto after = Query(req, "after_id");
               if (!after) after = Query(req, "cursor");
               auto page = tickets.Messages(who, id, after, Query(req, "limit"));
               if (!page) return ErrorResponse(page.error());
               json::array items;
               for (const auto& m : page->items) items.push_back(MessageJson(m));
               return JsonResponse(200, Page(std::move(items), page->next_cursor));
             }));

  router.Add(Method::kPost, "/api/v1/tickets/{id}/messages", Execution::kOffload,
             WithTicket(auth, [&](Request& req, const core::Principal& who, core::TicketId id) {
               auto body = ParseJsonBody(req);
               if (!body) return ErrorResponse(body.error());
               JsonFields f(*body);
               services::PostMessageInput in;
               in.body = f.OptionalString("body").value_or("");
               in.attachment_ids =
                   f.OptionalIntArray("attachment_ids").value_or(std::vector<std::int64_t>{});
               if (auto err = f.Finish()) return ErrorResponse(*err);
               auto posted = tickets.Post(who, id, in);
               if (!posted) return ErrorResponse(posted.error());
               return JsonResponse(201, json::object{{"message", MessageJson(*posted)}});
             }));

  router.Add(Method::kPost, "/api/v1/tickets/{id}/read", Execution::kOffload,
             WithTicket(auth, [&](Request&, const core::Principal& who, core::TicketId id) {
               auto unread = tickets.MarkRead(who, id);
               if (!unread) return ErrorResponse(unread.error());
               return JsonResponse(200, json::object{{"unread_count", *unread}});
             }));

  // The events WebSocket; the transport answers upgrades before routing, so a
  // request reaching this handler is a plain GET.
  router.Add(Method::kGet, "/api/v1/events", Execution::kInline, [](Request&, const RouteMatch&) {
    return ErrorResponse(core::ErrorCode::kInvalidRequest,
                         "Connect to /api/v1/events with a WebSocket upgrade.");
  });

  router.Add(Method::kPost, "/api/v1/tickets/{id}/close", Execution::kOffload,
             WithTicket(auth, [&](Request&, const core::Principal& who, core::TicketId id) {
               auto v = tickets.Close(who, id);
               if (!v) return ErrorResponse(v.error());
               return JsonResponse(200, json::object{{"ticket", TicketJsonFor(who, *v, tickets)}});
             }));
}

}  // namespace textura::http
