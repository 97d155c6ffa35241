// AI employees, their knowledge and the models catalog (docs/ai-employees.md).
#include "http/ai_views.h"
#include "http/handlers/handlers.h"
#include "http/handlers/route_helpers.h"
#include "services/employee_service.h"

namespace textura::http {
namespace {

namespace json = boost::json;
using services::Capability;

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

json::object OneEmployee(const core::Employee& e) {
  return {{"employee", EmployeeJson(e)}};
}

json::object OneItem(const core::KnowledgeItem& k) {
  return {{"item", KnowledgeJson(k)}};
}

}  // namespace

void RegisterEmployeeRoutes(Router& router, Api& api) {
  services::EmployeeService& employees = api.services().employees;
  constexpr auto kMember = Capability::kAccountMember;
  const auto read_employee = [](bool with_status) {
    return [with_status](JsonFields& f) { return ReadEmployee(f, with_status); };
  };

  router.Add(Method::kGet, "/api/v1/models", Capability::kAccountOrTeam, Execution::kInline,
             [&](Request&, const RouteMatch&, const core::Principal&) {
               json::array items;
               for (const auto& m : employees.models().models()) items.push_back(ModelJson(m));
               return JsonResponse(200, Items(std::move(items)));
             });

  router.Add(Method::kGet, "/api/v1/employees", kMember, Execution::kInline,
             [&](Request&, const RouteMatch&, const core::Principal& who) {
               return Answer(employees.List(who), 200, [](const auto& list) {
                 json::array items;
                 for (const auto& e : list) items.push_back(EmployeeJson(e));
                 return Page(std::move(items), std::nullopt);
               });
             });

  router.Add(Method::kPost, "/api/v1/employees", kMember, Execution::kOffload,
             [&, read_employee](Request& req, const RouteMatch&, const core::Principal& who) {
               auto in = ReadBody(req, read_employee(false));
               if (!in) return ErrorResponse(in.error());
               return Answer(employees.Create(who, *in), 201, OneEmployee);
             });

  router.Add(Method::kGet, "/api/v1/employees/{id}", kMember, Execution::kInline,
             WithId("AI employee", [&](Request&, const RouteMatch&, const core::Principal& who,
                                       core::EmployeeId id) {
               return Answer(employees.Get(who, id), 200, OneEmployee);
             }));

  router.Add(
      Method::kPatch, "/api/v1/employees/{id}", kMember, Execution::kOffload,
      WithId("AI employee", [&, read_employee](Request& req, const RouteMatch&,
                                               const core::Principal& who, core::EmployeeId id) {
        auto in = ReadBody(req, read_employee(true));
        if (!in) return ErrorResponse(in.error());
        return Answer(employees.Update(who, id, *in), 200, OneEmployee);
      }));

  router.Add(Method::kDelete, "/api/v1/employees/{id}", kMember, Execution::kOffload,
             WithId("AI employee", [&](Request&, const RouteMatch&, const core::Principal& who,
                                       core::EmployeeId id) {
               if (auto s = employees.Delete(who, id); !s) return ErrorResponse(s.error());
               return NoContent();
             }));

  router.Add(Method::kGet, "/api/v1/employees/{id}/knowledge", kMember, Execution::kInline,
             WithId("AI employee", [&](Request& req, const RouteMatch&, const core::Principal& who,
                                       core::EmployeeId id) {
               auto page =
                   employees.ListKnowledge(who, id, Query(req, "cursor"), Query(req, "limit"));
               return Answer(page, 200, [](const auto& p) {
                 json::array items;
                 for (const auto& k : p.items) items.push_back(KnowledgeJson(k));
                 return Page(std::move(items), p.next_cursor);
               });
             }));

  router.Add(Method::kPost, "/api/v1/employees/{id}/knowledge", kMember, Execution::kOffload,
             WithId("AI employee", [&](Request& req, const RouteMatch&, const core::Principal& who,
                                       core::EmployeeId id) {
               auto in = ReadBody(req, ReadKnowledge);
               if (!in) return ErrorResponse(in.error());
               return Answer(employees.AddKnowledge(who, id, *in), 201, OneItem);
             }));

  // The raw file is the body (≤ 1 MiB: the JSON body limit answers 413 before it is
  // read when larger).
  router.Add(Method::kPost, "/api/v1/employees/{id}/knowledge/upload", kMember, Execution::kOffload,
             WithId("AI employee", [&](Request& req, const RouteMatch&, const core::Principal& who,
                                       core::EmployeeId id) {
               const auto filename = req.QueryParam("filename");
               if (!filename) {
                 return ErrorResponse(core::ErrorCode::kValidationFailed,
                                      "Name the file: ?filename=guide.md", "filename");
               }
               return Answer(
                   employees.Upload(who, id, *filename, req.Header("Content-Type"), req.body), 201,
                   OneItem);
             }));

  // Under /employees/{id}/knowledge/{item_id}: both ids must name something.
  const auto with_item = [](auto fn) {
    return WithId("AI employee", [fn](Request& req, const RouteMatch& m, const core::Principal& who,
                                      core::EmployeeId id) {
      const auto item = m.Id("item_id");
      if (!item) return NoSuch("Knowledge item", m, "item_id");
      return fn(req, who, id, *item);
    });
  };

  router.Add(Method::kPatch, "/api/v1/employees/{id}/knowledge/{item_id}", kMember,
             Execution::kOffload,
             with_item([&](Request& req, const core::Principal& who, core::EmployeeId id,
                           core::KnowledgeId item) {
               auto in = ReadBody(req, ReadKnowledge);
               if (!in) return ErrorResponse(in.error());
               return Answer(employees.UpdateKnowledge(who, id, item, *in), 200, OneItem);
             }));

  router.Add(Method::kDelete, "/api/v1/employees/{id}/knowledge/{item_id}", kMember,
             Execution::kOffload,
             with_item([&](Request&, const core::Principal& who, core::EmployeeId id,
                           core::KnowledgeId item) {
               if (auto s = employees.DeleteKnowledge(who, id, item); !s) {
                 return ErrorResponse(s.error());
               }
               return NoContent();
             }));
}

}  // namespace textura::http
