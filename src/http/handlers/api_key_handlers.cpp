// The account's API keys (docs/integrations.md): list, create (the secret shown once),
// revoke. Owners and admins in a browser session only: a key cannot make keys.
#include "http/handlers/handlers.h"
#include "http/handlers/route_helpers.h"
#include "http/json.h"
#include "services/access.h"
#include "services/api_key_service.h"

namespace textura::http {
namespace {

namespace json = boost::json;

json::value TimeOrNull(const std::optional<core::Time>& t) {
  if (!t) return nullptr;
  return json::value(core::FormatRfc3339(*t));
}

core::Time Now() {
  return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

// Never the key or its digest.
json::object ApiKeyJson(const core::ApiKey& k) {
  return {{"id", k.id},
          {"name", k.name},
          {"prefix", k.prefix},
          {"scope", core::ToString(k.scope)},
          {"state", core::ToString(core::StateOf(k, Now()))},
          {"created_by", json::object{{"id", k.created_by}, {"name", k.created_by_name}}},
          {"created_at", core::FormatRfc3339(k.created_at)},
          {"expires_at", TimeOrNull(k.expires_at)},
          {"last_used_at", TimeOrNull(k.last_used_at)},
          {"revoked_at", TimeOrNull(k.revoked_at)}};
}

}  // namespace

void RegisterApiKeyRoutes(Router& router, Api& api) {
  if (!api.services().api_keys) return;
  services::ApiKeyService& keys = *api.services().api_keys;
  constexpr auto kManager = services::Capability::kAccountManager;

  router.Add(Method::kGet, "/api/v1/api-keys", kManager, Execution::kInline,
             [&](Request&, const RouteMatch&, const core::Principal& who) {
               return Answer(keys.List(who), 200, [](const std::vector<core::ApiKey>& list) {
                 json::array items;
                 for (const auto& k : list) items.push_back(ApiKeyJson(k));
                 return Page(std::move(items), std::nullopt);
               });
             });

  // Offloaded: the password is checked with argon2id.
  router.Add(Method::kPost, "/api/v1/api-keys", kManager, Execution::kOffload,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               auto in = ReadBody(req, [](JsonFields& f) {
                 services::NewApiKeyInput in;
                 in.name = f.RequiredString("name");
                 in.scope = f.RequiredString("scope");
                 in.expires_in_days = f.OptionalInt("expires_in_days", Null::kAbsent);
                 in.password = f.RequiredString("password");
                 return in;
               });
               if (!in) return ErrorResponse(in.error());
               return Answer(keys.Create(who, *in), 201, [](const services::CreatedApiKey& c) {
                 return json::object{{"api_key", ApiKeyJson(c.key)}, {"secret", c.secret}};
               });
             });

  router.Add(Method::kPost, "/api/v1/api-keys/{id}/revoke", kManager, Execution::kOffload,
             WithId("API key",
                    [&](Request&, const RouteMatch&, const core::Principal& who, std::int64_t id) {
                      return Answer(keys.Revoke(who, id), 200, [](const core::ApiKey& k) {
                        return json::object{{"api_key", ApiKeyJson(k)}};
                      });
                    }));
}

}  // namespace textura::http
