// The support team's console: queue, agents, shifts, auto-assignment, account context
// (docs/support-console.md). Staff only; services decide.
#include "http/ai_views.h"
#include "http/auth.h"
#include "http/handlers/console_common.h"
#include "http/handlers/handlers.h"
#include "http/json.h"
#include "http/views.h"

namespace textura::http {
namespace {

namespace json = boost::json;
using console::Query;

json::object UserBrief(const core::User& u) {
  return {{"id", u.id}, {"name", u.name}, {"email", u.email}};
}

}  // namespace

void RegisterConsoleRoutes(Router& router, Api& api) {
  services::AuthService& auth = api.services().auth;
  services::TicketService& tickets = api.services().tickets;
  services::SupportConsole& support = api.services().console;

  router.Add(Method::kGet, "/api/v1/support/queue", Execution::kInline,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               services::QueueInput in{Query(req, "needs_reply"), Query(req, "overdue"),
                                       Query(req, "due_today"),   Query(req, "category"),
                                       Query(req, "status"),      Query(req, "account_id"),
                                       Query(req, "assignee_id"), Query(req, "q"),
                                       Query(req, "limit"),       Query(req, "cursor")};
               auto page = support.queue().Queue(*who, in);
               if (!page) return ErrorResponse(page.error());
               json::array items;
               for (const auto& v : page->items) {
                 items.push_back(StaffTicketJson(v, tickets.SlaNow(v.ticket)));
               }
               return JsonResponse(
                   200,
                   json::object{{"items", std::move(items)},
                                {"next_cursor", page->next_cursor ? json::value(*page->next_cursor)
                                                                  : json::value(nullptr)}});
             });

  router.Add(Method::kGet, "/api/v1/support/queue/summary", Execution::kInline,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               auto c = support.queue().Summary(*who);
               if (!c) return ErrorResponse(c.error());
               return JsonResponse(200, json::object{{"needs_reply", c->needs_reply},
                                                     {"overdue", c->overdue},
                                                     {"due_today", c->due_today},
                                                     {"mine", c->mine},
                                                     {"unassigned", c->unassigned}});
             });

  router.Add(
      Method::kGet, "/api/v1/support/accounts/{id}", Execution::kInline,
      [&](Request& req, const RouteMatch& m) {
        auto who = Authenticate(auth, req);
        if (!who) return ErrorResponse(who.error());
        // Customers are refused for the route before any id is looked at.
        if (!core::IsStaff(who->user.role)) {
          return ErrorResponse(core::ErrorCode::kForbidden, "This is the support team's console.");
        }
        const auto id = console::PathId(m);
        if (!id) {
          return ErrorResponse(core::ErrorCode::kNotFound,
                               "Account " + std::string(m.Param("id")) + " was not found.");
        }
        auto ctx = support.queue().Account(*who, *id);
        if (!ctx) return ErrorResponse(ctx.error());
        json::array users, recent, employees;
        for (const auto& u : ctx->users) users.push_back(UserBrief(u));
        for (const auto& e : ctx->employees) {
          employees.push_back({{"id", e.id},
                               {"name", e.name},
                               {"role", e.role},
                               {"status", core::ToString(e.status)}});
        }
        for (const auto& v : ctx->tickets) {
          recent.push_back(StaffTicketJson(v, tickets.SlaNow(v.ticket)));
        }
        return JsonResponse(
            200, json::object{{"account",
                               {{"id", ctx->account.id},
                                {"name", ctx->account.name},
                                {"created_at", core::FormatRfc3339(ctx->account.created_at)}}},
                              {"users", std::move(users)},
                              {"tickets", std::move(recent)},
                              {"employees", std::move(employees)},
                              {"balance", MoneyJson(ctx->balance_minor)}});
      });

  router.Add(Method::kGet, "/api/v1/support/agents", Execution::kInline,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               auto agents = support.assignment().Agents(*who);
               if (!agents) return ErrorResponse(agents.error());
               json::array items;
               for (const auto& a : *agents) {
                 json::object o = UserBrief(a.user);
                 o["role"] = core::RoleName(a.user.role);
                 o["on_shift"] = a.on_shift;
                 o["open_assigned"] = a.open_assigned;
                 items.push_back(std::move(o));
               }
               return JsonResponse(200, console::Items(std::move(items)));
             });

  router.Add(Method::kPut, "/api/v1/support/shift", Execution::kOffload,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               auto body = ParseJsonBody(req);
               if (!body) return ErrorResponse(body.error());
               JsonFields f(*body);
               const auto on = f.OptionalBool("on_shift");
               if (auto err = f.Finish()) return ErrorResponse(*err);
               if (!on) return ErrorResponse(core::Error::Validation("on_shift", "is required"));
               auto r = support.assignment().SetShift(*who, *on);
               if (!r) return ErrorResponse(r.error());
               return JsonResponse(200, json::object{{"on_shift", *r}});
             });

  router.Add(Method::kGet, "/api/v1/support/assignment", Execution::kInline,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               auto r = support.assignment().AutoAssign(*who);
               if (!r) return ErrorResponse(r.error());
               return JsonResponse(200, json::object{{"auto_assign", *r}});
             });

  router.Add(Method::kPut, "/api/v1/support/assignment", Execution::kOffload,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               auto body = ParseJsonBody(req);
               if (!body) return ErrorResponse(body.error());
               JsonFields f(*body);
               const auto on = f.OptionalBool("auto_assign");
               if (auto err = f.Finish()) return ErrorResponse(*err);
               if (!on) return ErrorResponse(core::Error::Validation("auto_assign", "is required"));
               auto r = support.assignment().SetAutoAssign(*who, *on);
               if (!r) return ErrorResponse(r.error());
               return JsonResponse(200, json::object{{"auto_assign", *r}});
             });
}

}  // namespace textura::http
