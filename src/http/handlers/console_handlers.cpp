// The support team's console: queue, agents, shifts, auto-assignment, account context
// (docs/support-console.md). Staff only: the routes declare it, services decide.
#include "http/ai_views.h"
#include "http/handlers/handlers.h"
#include "http/handlers/route_helpers.h"
#include "http/views.h"

namespace textura::http {
namespace {

namespace json = boost::json;
using services::Capability;

json::object UserBrief(const core::User& u) {
  return {{"id", u.id}, {"name", u.name}, {"email", u.email}};
}

services::QueueInput QueueOf(const Request& req) {
  return {Query(req, "needs_reply"), Query(req, "overdue"), Query(req, "due_today"),
          Query(req, "category"),    Query(req, "status"),  Query(req, "account_id"),
          Query(req, "assignee_id"), Query(req, "q"),       Query(req, "limit"),
          Query(req, "cursor")};
}

json::object AccountContextJson(const services::AccountContext& ctx,
                                const services::TicketService& tickets) {
  json::array users, recent, employees;
  for (const auto& u : ctx.users) users.push_back(UserBrief(u));
  for (const auto& e : ctx.employees) {
    employees.push_back(
        {{"id", e.id}, {"name", e.name}, {"role", e.role}, {"status", core::ToString(e.status)}});
  }
  for (const auto& v : ctx.tickets) recent.push_back(StaffTicketJson(v, tickets.SlaNow(v.ticket)));
  return {{"account",
           {{"id", ctx.account.id},
            {"name", ctx.account.name},
            {"created_at", core::FormatRfc3339(ctx.account.created_at)}}},
          {"users", std::move(users)},
          {"tickets", std::move(recent)},
          {"employees", std::move(employees)},
          {"balance", MoneyJson(ctx.balance_minor)}};
}

// A PUT body of one required boolean, e.g. {"on_shift": true}.
core::Result<bool> RequiredBool(const Request& req, const char* field) {
  auto body = ParseJsonBody(req);
  if (!body) return std::move(body).error();
  JsonFields f(*body);
  const auto on = f.OptionalBool(field);
  if (auto err = f.Finish()) return *err;
  if (!on) return core::Error::Validation(field, "is required");
  return *on;
}

}  // namespace

void RegisterConsoleRoutes(Router& router, Api& api) {
  services::TicketService& tickets = api.services().tickets;
  services::SupportConsole& support = api.services().console;
  constexpr auto kStaff = Capability::kStaff;

  router.Add(Method::kGet, "/api/v1/support/queue", kStaff, Execution::kInline,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               return Answer(support.queue().Queue(who, QueueOf(req)), 200, [&](const auto& p) {
                 json::array items;
                 for (const auto& v : p.items) {
                   items.push_back(StaffTicketJson(v, tickets.SlaNow(v.ticket)));
                 }
                 return Page(std::move(items), p.next_cursor);
               });
             });

  router.Add(Method::kGet, "/api/v1/support/queue/summary", kStaff, Execution::kInline,
             [&](Request&, const RouteMatch&, const core::Principal& who) {
               return Answer(support.queue().Summary(who), 200, [](const auto& c) {
                 return json::object{{"needs_reply", c.needs_reply},
                                     {"overdue", c.overdue},
                                     {"due_today", c.due_today},
                                     {"mine", c.mine},
                                     {"unassigned", c.unassigned}};
               });
             });

  router.Add(Method::kGet, "/api/v1/support/accounts/{id}", kStaff, Execution::kInline,
             WithId("Account", [&](Request&, const RouteMatch&, const core::Principal& who,
                                   core::AccountId id) {
               return Answer(support.queue().Account(who, id), 200,
                             [&](const auto& ctx) { return AccountContextJson(ctx, tickets); });
             }));

  router.Add(Method::kGet, "/api/v1/support/agents", kStaff, Execution::kInline,
             [&](Request&, const RouteMatch&, const core::Principal& who) {
               return Answer(support.assignment().Agents(who), 200, [](const auto& agents) {
                 json::array items;
                 for (const auto& a : agents) {
                   json::object o = UserBrief(a.user);
                   o["role"] = core::RoleName(a.user.role);
                   o["on_shift"] = a.on_shift;
                   o["open_assigned"] = a.open_assigned;
                   items.push_back(std::move(o));
                 }
                 return Items(std::move(items));
               });
             });

  router.Add(Method::kPut, "/api/v1/support/shift", kStaff, Execution::kOffload,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               auto on = RequiredBool(req, "on_shift");
               if (!on) return ErrorResponse(on.error());
               return Answer(support.assignment().SetShift(who, *on), 200, [](bool v) {
                 return json::object{{"on_shift", v}};
               });
             });

  router.Add(Method::kGet, "/api/v1/support/assignment", kStaff, Execution::kInline,
             [&](Request&, const RouteMatch&, const core::Principal& who) {
               return Answer(support.assignment().AutoAssign(who), 200, [](bool v) {
                 return json::object{{"auto_assign", v}};
               });
             });

  router.Add(Method::kPut, "/api/v1/support/assignment", Capability::kAdmin, Execution::kOffload,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               auto on = RequiredBool(req, "auto_assign");
               if (!on) return ErrorResponse(on.error());
               return Answer(support.assignment().SetAutoAssign(who, *on), 200, [](bool v) {
                 return json::object{{"auto_assign", v}};
               });
             });
}

}  // namespace textura::http
