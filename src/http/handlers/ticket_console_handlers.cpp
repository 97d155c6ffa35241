// The support team's routes under /tickets/{id}: internal notes, history, assignment
// and presence (docs/support-console.md). Staff only; to a customer a ticket's notes
// do not exist (NoteService answers 404), so those routes are open to any signed-in
// caller and the service decides.
#include "http/handlers/handlers.h"
#include "http/handlers/route_helpers.h"
#include "http/views.h"

namespace textura::http {
namespace {

namespace json = boost::json;
using services::Capability;

core::Result<std::string> ReadNote(const Request& req) {
  auto body = ParseJsonBody(req);
  if (!body) return std::move(body).error();
  JsonFields f(*body);
  std::string text = f.RequiredString("body");
  const auto attachments = f.OptionalIntArray("attachment_ids");
  if (auto err = f.Finish()) return *err;
  if (attachments && !attachments->empty()) {
    return core::Error::Validation("attachment_ids", "notes do not carry attachments yet");
  }
  return text;
}

// {"assignee_id": <staff user id> | null}; the member is required.
core::Result<std::optional<core::UserId>> ReadAssignee(const Request& req) {
  auto body = ParseJsonBody(req);
  if (!body) return std::move(body).error();
  if (!body->contains("assignee_id")) {
    return core::Error::Validation("assignee_id", "is required (a staff user id, or null)");
  }
  JsonFields f(*body);
  const auto assignee = f.OptionalInt("assignee_id", Null::kAbsent);
  if (auto err = f.Finish()) return *err;
  return assignee;
}

core::Result<std::string> ReadPresenceState(const Request& req) {
  auto body = ParseJsonBody(req);
  if (!body) return std::move(body).error();
  JsonFields f(*body);
  std::string state = f.RequiredString("state");
  if (auto err = f.Finish()) return *err;
  return state;
}

}  // namespace

void RegisterTicketConsoleRoutes(Router& router, Api& api) {
  services::TicketService& tickets = api.services().tickets;
  services::SupportConsole& support = api.services().console;
  constexpr auto kStaff = Capability::kStaff;
  const auto staff_ticket = [&tickets](const core::TicketView& v) {
    return json::object{{"ticket", StaffTicketJson(v, tickets.SlaNow(v.ticket))}};
  };

  router.Add(Method::kGet, "/api/v1/tickets/{id}/notes", Capability::kSignedIn, Execution::kInline,
             WithId("Ticket", [&](Request&, const RouteMatch&, const core::Principal& who,
                                  core::TicketId id) {
               return Answer(support.notes().List(who, id), 200, [](const auto& notes) {
                 json::array items;
                 for (const auto& n : notes) items.push_back(NoteJson(n));
                 return Items(std::move(items));
               });
             }));

  router.Add(
      Method::kPost, "/api/v1/tickets/{id}/notes", Capability::kSignedIn, Execution::kOffload,
      WithId("Ticket",
             [&](Request& req, const RouteMatch&, const core::Principal& who, core::TicketId id) {
               auto text = ReadNote(req);
               if (!text) return ErrorResponse(text.error());
               return Answer(support.notes().Add(who, id, *text), 201, [](const auto& n) {
                 return json::object{{"note", NoteJson(n)}};
               });
             }));

  router.Add(Method::kGet, "/api/v1/tickets/{id}/history", kStaff, Execution::kInline,
             WithId("Ticket", [&](Request&, const RouteMatch&, const core::Principal& who,
                                  core::TicketId id) {
               return Answer(support.queue().History(who, id), 200, [](const auto& history) {
                 json::array items;
                 for (const auto& h : history) items.push_back(HistoryJson(h));
                 return Items(std::move(items));
               });
             }));

  router.Add(
      Method::kPost, "/api/v1/tickets/{id}/assign", kStaff, Execution::kOffload,
      WithId("Ticket", [&support, staff_ticket](Request& req, const RouteMatch&,
                                                const core::Principal& who, core::TicketId id) {
        auto assignee = ReadAssignee(req);
        if (!assignee) return ErrorResponse(assignee.error());
        return Answer(support.assignment().Assign(who, id, *assignee), 200, staff_ticket);
      }));

  router.Add(
      Method::kPost, "/api/v1/tickets/{id}/take", kStaff, Execution::kOffload,
      WithId("Ticket", [&support, staff_ticket](Request&, const RouteMatch&,
                                                const core::Principal& who, core::TicketId id) {
        return Answer(support.assignment().Take(who, id), 200, staff_ticket);
      }));

  router.Add(Method::kPost, "/api/v1/tickets/{id}/presence", kStaff, Execution::kOffload,
             WithId("Ticket", [&](Request& req, const RouteMatch&, const core::Principal& who,
                                  core::TicketId id) {
               auto state = ReadPresenceState(req);
               if (!state) return ErrorResponse(state.error());
               return Answer(support.presence().Heartbeat(who, id, *state), 200, [](const auto& v) {
                 return json::object{{"viewers", ViewersJson(v)}};
               });
             }));
}

}  // namespace textura::http
