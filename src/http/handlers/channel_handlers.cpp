// Channels (docs/channels.md): an account's Telegram bots, and Telegram's webhook calls.
#include "http/auth.h"
#include "http/handlers/handlers.h"
#include "http/json.h"
#include "services/ai_access.h"
#include "services/channel_service.h"

namespace textura::http {
namespace {

namespace json = boost::json;

json::value TimeOrNull(const std::optional<core::Time>& t) {
  if (!t) return nullptr;
  return json::value(core::FormatRfc3339(*t));
}

// Never the token: only its last characters.
json::object ChannelJson(const core::Channel& c, core::Time now) {
  return {{"id", c.id},
          {"account_id", c.account_id},
          {"employee_id", c.employee_id},
          {"kind", core::ToString(c.kind)},
          {"mode", core::ToString(c.mode)},
          {"status", core::ToString(c.status)},
          {"name", c.name},
          {"url", c.kind == core::ChannelKind::kTelegram ? "https://t.me/" + c.name : ""},
          {"token_hint", core::MaskedSecret(c)},
          {"last_error", c.last_error ? json::value(*c.last_error) : json::value(nullptr)},
          {"last_error_at", TimeOrNull(c.last_error_at)},
          {"last_update_at", TimeOrNull(c.last_update_at)},
          {"messages_in_today", core::MessagesInToday(c, now)},
          {"messages_out_today", core::MessagesOutToday(c, now)},
          {"webhook_pending_updates", c.webhook_pending},
          {"created_at", core::FormatRfc3339(c.created_at)}};
}

template <typename Fn>
Handler WithChannel(services::AuthService& auth, Fn fn) {
  return [&auth, fn](Request& req, const RouteMatch& m) -> Response {
    auto who = Authenticate(auth, req);
    if (!who) return ErrorResponse(who.error());
    const auto id = services::ParseId(m.Param("id"));
    if (!id || *id <= 0) {
      return ErrorResponse(core::ErrorCode::kNotFound,
                           "Channel " + std::string(m.Param("id")) + " was not found.");
    }
    return fn(req, *who, *id);
  };
}

}  // namespace

void RegisterChannelRoutes(Router& router, Api& api) {
  if (!api.services().channels) return;
  services::AuthService& auth = api.services().auth;
  services::ChannelService& channels = *api.services().channels;
  const auto now = [] {
    return std::chrono::time_point_cast<std::chrono::microseconds>(
        std::chrono::system_clock::now());
  };

  router.Add(Method::kGet, "/api/v1/channels", Execution::kInline,
             [&, now](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               auto list = channels.List(*who);
               if (!list) return ErrorResponse(list.error());
               json::array items;
               for (const auto& c : *list) items.push_back(ChannelJson(c, now()));
               return JsonResponse(
                   200, json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
             });

  // Offloaded: getMe is a call to Telegram.
  router.Add(Method::kPost, "/api/v1/channels", Execution::kOffload,
             [&, now](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               auto body = ParseJsonBody(req);
               if (!body) return ErrorResponse(body.error());
               JsonFields f(*body);
               services::ConnectChannelInput in;
               in.kind = f.OptionalString("kind");
               in.token = f.RequiredString("token");
               in.employee_id = f.OptionalInt("employee_id");
               if (auto err = f.Finish()) return ErrorResponse(*err);
               auto c = channels.Connect(*who, in);
               if (!c) return ErrorResponse(c.error());
               return JsonResponse(201, json::object{{"channel", ChannelJson(*c, now())}});
             });

  router.Add(Method::kGet, "/api/v1/channels/{id}", Execution::kInline,
             WithChannel(auth, [&, now](Request&, const core::Principal& who, std::int64_t id) {
               auto c = channels.Get(who, id);
               if (!c) return ErrorResponse(c.error());
               return JsonResponse(200, json::object{{"channel", ChannelJson(*c, now())}});
             }));

  router.Add(Method::kPatch, "/api/v1/channels/{id}", Execution::kOffload,
             WithChannel(auth, [&, now](Request& req, const core::Principal& who, std::int64_t id) {
               auto body = ParseJsonBody(req);
               if (!body) return ErrorResponse(body.error());
               JsonFields f(*body);
               services::ChangeChannelInput in;
               in.employee_id = f.OptionalInt("employee_id");
               in.status = f.OptionalString("status");
               if (auto err = f.Finish()) return ErrorResponse(*err);
               auto c = channels.Change(who, id, in);
               if (!c) return ErrorResponse(c.error());
               return JsonResponse(200, json::object{{"channel", ChannelJson(*c, now())}});
             }));

  router.Add(Method::kDelete, "/api/v1/channels/{id}", Execution::kOffload,
             WithChannel(auth, [&](Request&, const core::Principal& who, std::int64_t id) {
               auto s = channels.Disconnect(who, id);
               if (!s) return ErrorResponse(s.error());
               return NoContent();
             }));

  // Telegram's webhook calls: no session; the secret header is the credential. The
  // path carries the channel id, never the token.
  router.Add(Method::kPost, "/api/v1/telegram/webhook/{id}", Execution::kOffload,
             [&](Request& req, const RouteMatch& m) {
               const auto id = services::ParseId(m.Param("id"));
               const auto result = channels.HandleWebhook(
                   id.value_or(0), req.Header("X-Telegram-Bot-Api-Secret-Token"), req.body);
               switch (result) {
                 case services::WebhookResult::kAccepted:
                   return JsonResponse(200, json::object{{"ok", true}});
                 case services::WebhookResult::kUnauthorized:
                   return ErrorResponse(core::ErrorCode::kUnauthenticated,
                                        "The webhook secret does not match.");
                 case services::WebhookResult::kMalformed:
                   return ErrorResponse(core::ErrorCode::kInvalidRequest,
                                        "The body is not a Telegram update.");
                 case services::WebhookResult::kNotFound:
                   break;
               }
               return ErrorResponse(core::ErrorCode::kConflict,
                                    "The channel is paused or cannot store updates now; "
                                    "Telegram will deliver the update again.");
             });
}

}  // namespace textura::http
