// Support tickets (API.md "Support tickets", contract).
#include "http/handlers/handlers.h"
#include "http/handlers/route_helpers.h"
#include "http/views.h"

namespace textura::http {
namespace {

namespace json = boost::json;
using services::Capability;

core::Result<services::NewTicketInput> ReadNewTicket(const Request& req) {
  auto body = ParseJsonBody(req);
  if (!body) return std::move(body).error();
  JsonFields f(*body);
  services::NewTicketInput in;
  in.title = f.RequiredString("title");
  in.body = f.RequiredString("body");
  in.category = f.RequiredString("category");
  in.employee_id = f.OptionalInt("employee_id", Null::kAbsent);
  in.chat_url = f.OptionalString("chat_url", Null::kAbsent);
  in.attachment_ids = f.OptionalIntArray("attachment_ids").value_or(std::vector<std::int64_t>{});
  in.follow_up_of = f.OptionalInt("follow_up_of", Null::kAbsent);
  if (auto err = f.Finish()) return *err;
  return in;
}

core::Result<services::PostMessageInput> ReadPost(const Request& req) {
  auto body = ParseJsonBody(req);
  if (!body) return std::move(body).error();
  JsonFields f(*body);
  services::PostMessageInput in;
  in.body = f.OptionalString("body").value_or("");
  in.attachment_ids = f.OptionalIntArray("attachment_ids").value_or(std::vector<std::int64_t>{});
  if (auto err = f.Finish()) return *err;
  return in;
}

services::ListTicketsInput ListInput(const Request& req) {
  return {Query(req, "status"),  Query(req, "q"),          Query(req, "limit"),
          Query(req, "cursor"),  Query(req, "account_id"), Query(req, "awaiting"),
          Query(req, "category")};
}

// ?after_id=, or the page's cursor (the same id).
std::optional<std::string> AfterId(const Request& req) {
  auto after = Query(req, "after_id");
  return after ? after : Query(req, "cursor");
}

}  // namespace

void RegisterTicketRoutes(Router& router, Api& api) {
  services::TicketService& tickets = api.services().tickets;
  const auto ticket_json = [&tickets](const core::Principal& who) {
    return [&tickets, &who](const core::TicketView& v) {
      return json::object{{"ticket", TicketJsonFor(who, v, tickets)}};
    };
  };

  router.Add(Method::kPost, "/api/v1/tickets", Capability::kAccountMember, Execution::kOffload,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               auto in = ReadNewTicket(req);
               if (!in) return ErrorResponse(in.error());
               return Answer(tickets.Create(who, *in), 201, [&](const auto& c) {
                 return json::object{{"ticket", TicketJsonFor(who, c.ticket, tickets)},
                                     {"message", MessageJson(c.message)}};
               });
             });

  router.Add(Method::kGet, "/api/v1/tickets", Capability::kAccountOrTeam, Execution::kInline,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               return Answer(tickets.List(who, ListInput(req)), 200, [&](const auto& page) {
                 json::array items;
                 for (const auto& v : page.items) items.push_back(TicketJsonFor(who, v, tickets));
                 return Page(std::move(items), page.next_cursor);
               });
             });

  router.Add(Method::kGet, "/api/v1/tickets/summary", Capability::kAccountOrTeam,
             Execution::kInline, [&](Request&, const RouteMatch&, const core::Principal& who) {
               return Answer(tickets.Summary(who), 200, [](const auto& s) {
                 return json::object{
                     {"unread_total", s.unread_total},
                     {"counts", {{"on_customer", s.counts.on_customer}, {"done", s.counts.done}}}};
               });
             });

  router.Add(
      Method::kGet, "/api/v1/tickets/{id}", Capability::kAccountOrTeam, Execution::kInline,
      WithId("Ticket", [&tickets, ticket_json](Request&, const RouteMatch&,
                                               const core::Principal& who, core::TicketId id) {
        return Answer(tickets.Get(who, id), 200, ticket_json(who));
      }));

  router.Add(
      Method::kGet, "/api/v1/tickets/{id}/messages", Capability::kAccountOrTeam, Execution::kInline,
      WithId("Ticket",
             [&](Request& req, const RouteMatch&, const core::Principal& who, core::TicketId id) {
               auto page = tickets.Messages(who, id, AfterId(req), Query(req, "limit"));
               return Answer(page, 200, [](const auto& p) {
                 json::array items;
                 for (const auto& m : p.items) items.push_back(MessageJson(m));
                 return Page(std::move(items), p.next_cursor);
               });
             }));

  router.Add(Method::kPost, "/api/v1/tickets/{id}/messages", Capability::kAccountOrTeam,
             Execution::kOffload,
             WithId("Ticket", [&](Request& req, const RouteMatch&, const core::Principal& who,
                                  core::TicketId id) {
               auto in = ReadPost(req);
               if (!in) return ErrorResponse(in.error());
               return Answer(tickets.Post(who, id, *in), 201, [](const auto& m) {
                 return json::object{{"message", MessageJson(m)}};
               });
             }));

  router.Add(
      Method::kPost, "/api/v1/tickets/{id}/read", Capability::kAccountOrTeam, Execution::kOffload,
      WithId("Ticket",
             [&](Request&, const RouteMatch&, const core::Principal& who, core::TicketId id) {
               return Answer(tickets.MarkRead(who, id), 200, [](int unread) {
                 return json::object{{"unread_count", unread}};
               });
             }));

  // The events WebSocket; the transport answers upgrades before routing, so a
  // request reaching this handler is a plain GET.
  router.Add(Method::kGet, "/api/v1/events", Execution::kInline, [](Request&, const RouteMatch&) {
    return ErrorResponse(core::ErrorCode::kInvalidRequest,
                         "Connect to /api/v1/events with a WebSocket upgrade.");
  });

  router.Add(
      Method::kPost, "/api/v1/tickets/{id}/close", Capability::kAccountOrTeam, Execution::kOffload,
      WithId("Ticket", [&tickets, ticket_json](Request&, const RouteMatch&,
                                               const core::Principal& who, core::TicketId id) {
        return Answer(tickets.Close(who, id), 200, ticket_json(who));
      }));
}

}  // namespace textura::http
