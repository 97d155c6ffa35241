// Staff management and the audit log (docs/support-admin.md): admins only.
#include <charconv>

#include "http/auth.h"
#include "http/handlers/handlers.h"
#include "http/json.h"
#include "http/views.h"

namespace textura::http {
namespace {

namespace json = boost::json;

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

std::optional<std::string> Query(const Request& req, std::string_view name) {
  if (auto v = req.QueryParam(name)) return std::string(*v);
  return std::nullopt;
}

std::optional<core::UserId> UserIdOf(const RouteMatch& m) {
  const std::string_view s = m.Param("id");
  core::UserId id = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || p != s.data() + s.size() || id <= 0) return std::nullopt;
  return id;
}

}  // namespace

void RegisterAdminRoutes(Router& router, Api& api) {
  services::AuthService& auth = api.services().auth;
  services::StaffService& staff = api.services().staff;
  services::AuditService& audit = api.services().audit;

  router.Add(Method::kGet, "/api/v1/admin/staff", Execution::kInline,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               auto users = staff.List(*who);
               if (!users) return ErrorResponse(users.error());
               json::array items;
               for (const auto& u : *users) items.push_back(StaffJson(u));
               return JsonResponse(200, json::object{{"items", std::move(items)}});
             });

  router.Add(Method::kPost, "/api/v1/admin/staff", Execution::kOffload,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               auto body = ParseJsonBody(req);
               if (!body) return ErrorResponse(body.error());
               JsonFields f(*body);
               services::NewStaffInput in{f.RequiredString("email"), f.RequiredString("name"),
                                          f.RequiredString("password"), f.RequiredString("role")};
               if (auto err = f.Finish()) return ErrorResponse(*err);
               auto created = staff.Create(*who, in);
               if (!created) return ErrorResponse(created.error());
               return JsonResponse(201, json::object{{"user", StaffJson(*created)}});
             });

  for (const bool active : {false, true}) {
    router.Add(Method::kPost,
               active ? "/api/v1/admin/staff/{id}/activate" : "/api/v1/admin/staff/{id}/deactivate",
               Execution::kOffload, [&, active](Request& req, const RouteMatch& m) {
                 auto who = Authenticate(auth, req);
                 if (!who) return ErrorResponse(who.error());
                 const auto id = UserIdOf(m);
                 if (!id) {
                   return ErrorResponse(
                       core::ErrorCode::kNotFound,
                       "Staff user " + std::string(m.Param("id")) + " was not found.");
                 }
                 auto user = staff.SetActive(*who, *id, active);
                 if (!user) return ErrorResponse(user.error());
                 return JsonResponse(200, json::object{{"user", StaffJson(*user)}});
               });
  }

  router.Add(Method::kGet, "/api/v1/admin/audit-log", Execution::kInline,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               services::AuditListInput in{Query(req, "actor_id"), Query(req, "action"),
                                           Query(req, "ticket_id"), Query(req, "limit"),
                                           Query(req, "cursor")};
               auto page = audit.List(*who, in);
               if (!page) return ErrorResponse(page.error());
               json::array items;
               for (const auto& e : page->items) items.push_back(AuditJson(e));
               return JsonResponse(
                   200,
                   json::object{{"items", std::move(items)},
                                {"next_cursor", page->next_cursor ? json::value(*page->next_cursor)
                                                                  : json::value(nullptr)}});
             });
}

}  // namespace textura::http
