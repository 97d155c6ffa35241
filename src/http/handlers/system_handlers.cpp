// GET /healthz and GET /api/v1/openapi.json.
#include <string_view>

#include "http/handlers/handlers.h"
#include "http/json.h"

namespace textura::embedded {
extern const std::string_view kOpenApiJson;
}

namespace textura::http {

void RegisterSystemRoutes(Router& router, Api& api) {
  router.Add(Method::kGet, "/healthz", Execution::kInline, [](Request&, const RouteMatch&) {
    return JsonResponse(200, boost::json::object{{"status", "ok"}});
  });
  router.Add(Method::kGet, "/api/v1/openapi.json", Execution::kInline,
             [](Request&, const RouteMatch&) {
               Response r;
               r.content_type = "application/json";
               static const auto kDoc = std::make_shared<const std::string>(embedded::kOpenApiJson);
               r.shared_body = kDoc;
               return r;
             });
}

}  // namespace textura::http
