// Outgoing webhooks (docs/integrations.md): the account's endpoints, their secrets
// (shown when created and rotated), the delivery log, "send again" and test events.
// Owners and admins in a browser session only.
#include "http/handlers/handlers.h"
#include "http/handlers/route_helpers.h"
#include "http/json.h"
#include "services/access.h"
#include "services/webhook_service.h"

namespace textura::http {
namespace {

namespace json = boost::json;

json::value TimeOrNull(const std::optional<core::Time>& t) {
  if (!t) return nullptr;
  return json::value(core::FormatRfc3339(*t));
}

json::value TextOrNull(const std::optional<std::string>& s) {
  if (!s) return nullptr;
  return json::value(*s);
}

// Never a secret.
json::object EndpointJson(const core::WebhookEndpoint& e) {
  json::array events;
  for (const auto& ev : e.events) events.push_back(json::value(ev));
  return {{"id", e.id},
          {"url", e.url},
          {"description", e.description},
          {"events", std::move(events)},
          {"enabled", e.enabled},
          {"disabled_reason", TextOrNull(e.disabled_reason)},
          {"failing_since", TimeOrNull(e.failing_since)},
          {"previous_secret_expires_at", TimeOrNull(e.previous_expires_at)},
          {"created_at", core::FormatRfc3339(e.created_at)},
          {"updated_at", core::FormatRfc3339(e.updated_at)}};
}

json::object DeliveryJson(const core::WebhookDelivery& d) {
  json::array log;
  for (const auto& a : d.log) {
    log.push_back(json::object{
        {"attempt", a.attempt},
        {"started_at", core::FormatRfc3339(a.started_at)},
        {"duration_ms", a.duration_ms},
        {"request_headers", a.request_headers},
        {"response_status", a.response_status ? json::value(*a.response_status) : nullptr},
        {"response_head", a.response_head},
        {"error", TextOrNull(a.error)}});
  }
  return {{"id", d.id},
          {"endpoint_id", d.endpoint_id},
          {"webhook_id", d.message_uid},
          {"event_type", d.event_type},
          {"payload", d.payload},
          {"status", core::ToString(d.status)},
          {"attempts", d.attempts},
          {"next_attempt_at", d.status == core::DeliveryStatus::kPending
                                  ? json::value(core::FormatRfc3339(d.next_attempt_at))
                                  : json::value(nullptr)},
          {"created_at", core::FormatRfc3339(d.created_at)},
          {"finished_at", TimeOrNull(d.finished_at)},
          {"log", std::move(log)}};
}

std::optional<std::vector<std::string>> Strings(JsonFields& f, std::string_view name) {
  const json::array* a = f.OptionalArray(name);
  if (!a) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& v : *a) {
    // A non-string is named as an unknown event by the service.
    out.push_back(v.is_string() ? std::string(v.as_string()) : std::string("(not a string)"));
  }
  return out;
}

services::WebhookEndpointInput ReadEndpoint(JsonFields& f) {
  services::WebhookEndpointInput in;
  in.url = f.OptionalString("url");
  in.description = f.OptionalString("description");
  in.events = Strings(f, "events");
  in.enabled = f.OptionalBool("enabled");
  return in;
}

}  // namespace

void RegisterWebhookRoutes(Router& router, Api& api) {
  if (!api.services().webhooks) return;
  services::WebhookService& hooks = *api.services().webhooks;
  constexpr auto kManager = services::Capability::kAccountManager;
  const auto one = [](const core::WebhookEndpoint& e) {
    return json::object{{"endpoint", EndpointJson(e)}};
  };
  const auto with_secret = [](const services::EndpointWithSecret& e) {
    return json::object{{"endpoint", EndpointJson(e.endpoint)}, {"secret", e.secret}};
  };
  const auto delivery = [](const core::WebhookDelivery& d) {
    return json::object{{"delivery", DeliveryJson(d)}};
  };

  router.Add(Method::kGet, "/api/v1/webhooks", kManager, Execution::kInline,
             [&](Request&, const RouteMatch&, const core::Principal& who) {
               return Answer(hooks.List(who), 200, [](const std::vector<core::WebhookEndpoint>& l) {
                 json::array items;
                 for (const auto& e : l) items.push_back(EndpointJson(e));
                 return Page(std::move(items), std::nullopt);
               });
             });

  // Offloaded: the URL's host is resolved.
  router.Add(
      Method::kPost, "/api/v1/webhooks", kManager, Execution::kOffload,
      [&, with_secret](Request& req, const RouteMatch&, const core::Principal& who) {
        auto in = ReadBody(req, ReadEndpoint);
        if (!in) return ErrorResponse(in.error());
        if (in->enabled) {
          return ErrorResponse(core::Error::Invalid("A new endpoint is enabled.", "enabled"));
        }
        return Answer(hooks.Create(who, *in), 201, with_secret);
      });

  router.Add(Method::kGet, "/api/v1/webhooks/{id}", kManager, Execution::kInline,
             WithId("Webhook endpoint",
                    [&, one](Request&, const RouteMatch&, const core::Principal& who,
                             std::int64_t id) { return Answer(hooks.Get(who, id), 200, one); }));

  router.Add(Method::kPatch, "/api/v1/webhooks/{id}", kManager, Execution::kOffload,
             WithId("Webhook endpoint", [&, one](Request& req, const RouteMatch&,
                                                 const core::Principal& who, std::int64_t id) {
               auto in = ReadBody(req, ReadEndpoint);
               if (!in) return ErrorResponse(in.error());
               return Answer(hooks.Change(who, id, *in), 200, one);
             }));

  router.Add(Method::kDelete, "/api/v1/webhooks/{id}", kManager, Execution::kOffload,
             WithId("Webhook endpoint",
                    [&](Request&, const RouteMatch&, const core::Principal& who, std::int64_t id) {
                      auto s = hooks.Delete(who, id);
                      if (!s) return ErrorResponse(s.error());
                      return NoContent();
                    }));

  router.Add(
      Method::kPost, "/api/v1/webhooks/{id}/rotate-secret", kManager, Execution::kOffload,
      WithId("Webhook endpoint", [&, with_secret](Request&, const RouteMatch&,
                                                  const core::Principal& who, std::int64_t id) {
        return Answer(hooks.RotateSecret(who, id), 200, with_secret);
      }));

  router.Add(Method::kPost, "/api/v1/webhooks/{id}/test", kManager, Execution::kOffload,
             WithId("Webhook endpoint", [&, delivery](Request&, const RouteMatch&,
                                                      const core::Principal& who, std::int64_t id) {
               return Answer(hooks.SendTest(who, id), 201, delivery);
             }));

  router.Add(Method::kGet, "/api/v1/webhooks/{id}/deliveries", kManager, Execution::kInline,
             WithId("Webhook endpoint", [&](Request& req, const RouteMatch&,
                                            const core::Principal& who, std::int64_t id) {
               return Answer(hooks.Deliveries(who, id, Query(req, "limit"), Query(req, "cursor")),
                             200, [](const services::DeliveryPage& p) {
                               json::array items;
                               for (const auto& d : p.items) items.push_back(DeliveryJson(d));
                               return Page(std::move(items), p.next_cursor);
                             });
             }));

  router.Add(Method::kPost, "/api/v1/webhooks/{id}/deliveries/{delivery_id}/resend", kManager,
             Execution::kOffload,
             WithId("Webhook endpoint", [&, delivery](Request&, const RouteMatch& m,
                                                      const core::Principal& who, std::int64_t id) {
               const auto d = m.Id("delivery_id");
               if (!d) return NoSuch("Delivery", m, "delivery_id");
               return Answer(hooks.Resend(who, id, *d), 201, delivery);
             }));
}

}  // namespace textura::http
