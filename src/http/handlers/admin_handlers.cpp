// Staff management and the audit log (docs/support-admin.md): admins only.
#include "http/handlers/handlers.h"
#include "http/handlers/route_helpers.h"
#include "http/views.h"

namespace textura::http {
namespace {

namespace json = boost::json;
using services::Capability;

json::value IdOrNull(const std::optional<std::int64_t>& id) {
  return id ? json::value(*id) : json::value(nullptr);
}

json::object StaffJson(const core::User& u) {
  return {{"id", u.id},
          {"email", u.email},
          {"name", u.name},
          {"role", core::RoleName(u.role)},
          {"active", u.active},
          {"created_at", core::FormatRfc3339(u.created_at)},
          {"last_login_at",
           u.last_login_at ? json::value(core::FormatRfc3339(*u.last_login_at)) : nullptr}};
}

json::object AuditJson(const core::audit::Entry& e) {
  json::object details;
  for (const auto& [k, v] : e.details) details[k] = v;
  return {{"id", e.id},
          {"actor", {{"id", e.actor_id}, {"name", e.actor_name}}},
          {"action", e.action},
          {"ticket_id", IdOrNull(e.refs.ticket_id)},
          {"account_id", IdOrNull(e.refs.account_id)},
          {"target_user_id", IdOrNull(e.refs.target_user_id)},
          {"chat_id", IdOrNull(e.refs.chat_id)},
          {"details", std::move(details)},
          {"created_at", core::FormatRfc3339(e.created_at)}};
}

services::AuditListInput AuditInput(const Request& req) {
  return {Query(req, "actor_id"), Query(req, "action"), Query(req, "ticket_id"),
          Query(req, "limit"), Query(req, "cursor")};
}

core::Result<services::NewStaffInput> ReadNewStaff(const Request& req) {
  auto body = ParseJsonBody(req);
  if (!body) return std::move(body).error();
  JsonFields f(*body);
  services::NewStaffInput in{f.RequiredString("email"), f.RequiredString("name"),
                             f.RequiredString("password"), f.RequiredString("role")};
  if (auto err = f.Finish()) return *err;
  return in;
}

json::object OneUser(const core::User& u) {
  return {{"user", StaffJson(u)}};
}

}  // namespace

void RegisterAdminRoutes(Router& router, Api& api) {
  services::StaffService& staff = api.services().staff;
  services::AuditService& audit = api.services().audit;
  constexpr auto kAdmin = Capability::kAdmin;

  router.Add(Method::kGet, "/api/v1/admin/staff", kAdmin, Execution::kInline,
             [&](Request&, const RouteMatch&, const core::Principal& who) {
               return Answer(staff.List(who), 200, [](const auto& users) {
                 json::array items;
                 for (const auto& u : users) items.push_back(StaffJson(u));
                 return Items(std::move(items));
               });
             });

  router.Add(Method::kPost, "/api/v1/admin/staff", kAdmin, Execution::kOffload,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               auto in = ReadNewStaff(req);
               if (!in) return ErrorResponse(in.error());
               return Answer(staff.Create(who, *in), 201, OneUser);
             });

  for (const bool active : {false, true}) {
    router.Add(Method::kPost,
               active ? "/api/v1/admin/staff/{id}/activate" : "/api/v1/admin/staff/{id}/deactivate",
               kAdmin, Execution::kOffload,
               WithId("Staff user", [&, active](Request&, const RouteMatch&,
                                                const core::Principal& who, core::UserId id) {
                 return Answer(staff.SetActive(who, id, active), 200, OneUser);
               }));
  }

  router.Add(Method::kGet, "/api/v1/admin/audit-log", kAdmin, Execution::kInline,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               return Answer(audit.List(who, AuditInput(req)), 200, [](const auto& page) {
                 json::array items;
                 for (const auto& e : page.items) items.push_back(AuditJson(e));
                 return Page(std::move(items), page.next_cursor);
               });
             });
}

}  // namespace textura::http
