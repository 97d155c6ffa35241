// AI employees, their knowledge and the models catalog (docs/ai-employees.md).
#include "http/ai_views.h"
#include "http/auth.h"
#include "http/handlers/handlers.h"
#include "http/json.h"
#include "services/ai_access.h"
#include "services/employee_service.h"

namespace textura::http {
namespace {

namespace json = boost::json;

std::optional<std::int64_t> PathId(const RouteMatch& m, std::string_view name) {
  const auto v = services::ParseId(m.Param(name));
  if (!v || *v <= 0) return std::nullopt;
  return v;
}

Response EmployeeNotFound(const RouteMatch& m) {
  return ErrorResponse(core::ErrorCode::kNotFound,
                       "AI employee " + std::string(m.Param("id")) + " was not found.");
}

std::optional<std::string> Query(const Request& req, std::string_view name) {
  if (auto v = req.QueryParam(name)) return std::string(*v);
  return std::nullopt;
}

// Reads the employee fields of a create or an edit; `status` only on edits.
services::EmployeeRequest ReadEmployee(JsonFields& f, bool with_status) {
  services::EmployeeRequest r;
  r.fields.name = f.OptionalString("name");
  r.fields.role = f.OptionalString("role");
  r.fields.instructions = f.OptionalString("instructions");
  r.fields.greeting = f.OptionalString("greeting");
  r.fields.model = f.OptionalString("model");
  r.fields.temperature = f.OptionalNumber("temperature");
  r.fields.reply_word_limit = f.OptionalInt("reply_word_limit");
  if (with_status) r.fields.status = f.OptionalString("status");
  if (f.IsNull("avatar_attachment_id")) {
    r.avatar_attachment_id = std::optional<std::int64_t>();
    (void)f.OptionalInt("avatar_attachment_id", Null::kAbsent);
  } else if (auto id = f.OptionalInt("avatar_attachment_id")) {
    r.avatar_attachment_id = id;
  }
  return r;
}

services::KnowledgeRequest ReadKnowledge(JsonFields& f) {
  services::KnowledgeRequest r;
  r.kind = f.OptionalString("kind");
  r.question = f.OptionalString("question");
  r.answer = f.OptionalString("answer");
  r.title = f.OptionalString("title");
  r.text = f.OptionalString("text");
  return r;
}

json::object Page(json::array items, const std::optional<std::string>& next) {
  return {{"items", std::move(items)},
          {"next_cursor", next ? json::value(*next) : json::value(nullptr)}};
}

// Runs `fn(request, principal, employee id)` for routes under /employees/{id}.
template <typename Fn>
Handler WithEmployee(services::AuthService& auth, Fn fn) {
  return [&auth, fn](Request& req, const RouteMatch& m) -> Response {
    auto who = Authenticate(auth, req);
    if (!who) return ErrorResponse(who.error());
    const auto id = PathId(m, "id");
    if (!id) return EmployeeNotFound(m);
    return fn(req, m, *who, *id);
  };
}

}  // namespace

void RegisterEmployeeRoutes(Router& router, Api& api) {
  services::AuthService& auth = api.services().auth;
  services::EmployeeService& employees = api.services().employees;

  router.Add(Method::kGet, "/api/v1/models", Execution::kInline,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               json::array items;
               for (const auto& m : employees.models().models()) items.push_back(ModelJson(m));
               return JsonResponse(200, json::object{{"items", std::move(items)}});
             });

  router.Add(Method::kGet, "/api/v1/employees", Execution::kInline,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               auto list = employees.List(*who);
               if (!list) return ErrorResponse(list.error());
               json::array items;
               for (const auto& e : *list) items.push_back(EmployeeJson(e));
               return JsonResponse(200, Page(std::move(items), std::nullopt));
             });

  router.Add(Method::kPost, "/api/v1/employees", Execution::kOffload,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               auto body = ParseJsonBody(req);
               if (!body) return ErrorResponse(body.error());
               JsonFields f(*body);
               const auto in = ReadEmployee(f, false);
               if (auto err = f.Finish()) return ErrorResponse(*err);
               auto e = employees.Create(*who, in);
               if (!e) return ErrorResponse(e.error());
               return JsonResponse(201, json::object{{"employee", EmployeeJson(*e)}});
             });

  router.Add(Method::kGet, "/api/v1/employees/{id}", Execution::kInline,
             WithEmployee(auth, [&](Request&, const RouteMatch&, const core::Principal& who,
                                    core::EmployeeId id) {
               auto e = employees.Get(who, id);
               if (!e) return ErrorResponse(e.error());
               return JsonResponse(200, json::object{{"employee", EmployeeJson(*e)}});
             }));

  router.Add(Method::kPatch, "/api/v1/employees/{id}", Execution::kOffload,
             WithEmployee(auth, [&](Request& req, const RouteMatch&, const core::Principal& who,
                                    core::EmployeeId id) {
               auto body = ParseJsonBody(req);
               if (!body) return ErrorResponse(body.error());
               JsonFields f(*body);
               const auto in = ReadEmployee(f, true);
               if (auto err = f.Finish()) return ErrorResponse(*err);
               auto e = employees.Update(who, id, in);
               if (!e) return ErrorResponse(e.error());
               return JsonResponse(200, json::object{{"employee", EmployeeJson(*e)}});
             }));

  router.Add(Method::kDelete, "/api/v1/employees/{id}", Execution::kOffload,
             WithEmployee(auth, [&](Request&, const RouteMatch&, const core::Principal& who,
                                    core::EmployeeId id) {
               auto s = employees.Delete(who, id);
               if (!s) return ErrorResponse(s.error());
               return NoContent();
             }));

  router.Add(Method::kGet, "/api/v1/employees/{id}/knowledge", Execution::kInline,
             WithEmployee(auth, [&](Request& req, const RouteMatch&, const core::Principal& who,
                                    core::EmployeeId id) {
               auto page =
                   employees.ListKnowledge(who, id, Query(req, "cursor"), Query(req, "limit"));
               if (!page) return ErrorResponse(page.error());
               json::array items;
               for (const auto& k : page->items) items.push_back(KnowledgeJson(k));
               return JsonResponse(200, Page(std::move(items), page->next_cursor));
             }));

  router.Add(Method::kPost, "/api/v1/employees/{id}/knowledge", Execution::kOffload,
             WithEmployee(auth, [&](Request& req, const RouteMatch&, const core::Principal& who,
                                    core::EmployeeId id) {
               auto body = ParseJsonBody(req);
               if (!body) return ErrorResponse(body.error());
               JsonFields f(*body);
               const auto in = ReadKnowledge(f);
               if (auto err = f.Finish()) return ErrorResponse(*err);
               auto k = employees.AddKnowledge(who, id, in);
               if (!k) return ErrorResponse(k.error());
               return JsonResponse(201, json::object{{"item", KnowledgeJson(*k)}});
             }));

  // The raw file is the body (≤ 1 MiB: the JSON body limit answers 413 before it is
  // read when larger).
  router.Add(Method::kPost, "/api/v1/employees/{id}/knowledge/upload", Execution::kOffload,
             WithEmployee(auth, [&](Request& req, const RouteMatch&, const core::Principal& who,
                                    core::EmployeeId id) {
               const auto filename = req.QueryParam("filename");
               if (!filename) {
                 return ErrorResponse(core::ErrorCode::kValidationFailed,
                                      "Name the file: ?filename=guide.md", "filename");
               }
               auto k = employees.Upload(who, id, *filename, req.Header("Content-Type"), req.body);
               if (!k) return ErrorResponse(k.error());
               return JsonResponse(201, json::object{{"item", KnowledgeJson(*k)}});
             }));

  const auto item_id = [](const RouteMatch& m) { return PathId(m, "item_id"); };
  const auto item_not_found = [](const RouteMatch& m) {
    return ErrorResponse(core::ErrorCode::kNotFound,
                         "Knowledge item " + std::string(m.Param("item_id")) + " was not found.");
  };

  router.Add(Method::kPatch, "/api/v1/employees/{id}/knowledge/{item_id}", Execution::kOffload,
             WithEmployee(auth, [&, item_id, item_not_found](Request& req, const RouteMatch& m,
                                                             const core::Principal& who,
                                                             core::EmployeeId id) {
               const auto item = item_id(m);
               if (!item) return item_not_found(m);
               auto body = ParseJsonBody(req);
               if (!body) return ErrorResponse(body.error());
               JsonFields f(*body);
               const auto in = ReadKnowledge(f);
               if (auto err = f.Finish()) return ErrorResponse(*err);
               auto k = employees.UpdateKnowledge(who, id, *item, in);
               if (!k) return ErrorResponse(k.error());
               return JsonResponse(200, json::object{{"item", KnowledgeJson(*k)}});
             }));

  router.Add(Method::kDelete, "/api/v1/employees/{id}/knowledge/{item_id}", Execution::kOffload,
             WithEmployee(auth, [&, item_id, item_not_found](Request&, const RouteMatch& m,
                                                             const core::Principal& who,
                                                             core::EmployeeId id) {
               const auto item = item_id(m);
               if (!item) return item_not_found(m);
               auto s = employees.DeleteKnowledge(who, id, *item);
               if (!s) return ErrorResponse(s.error());
               return NoContent();
             }));
}

}  // namespace textura::http
