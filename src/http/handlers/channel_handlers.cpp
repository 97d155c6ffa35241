// Channels (docs/channels.md): an account's Telegram bots, and Telegram's webhook calls.
#include "http/handlers/handlers.h"
#include "http/handlers/route_helpers.h"
#include "http/json.h"
#include "services/access.h"
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

}  // namespace

void RegisterChannelRoutes(Router& router, Api& api) {
  if (!api.services().channels) return;
  services::ChannelService& channels = *api.services().channels;
  constexpr auto kMember = services::Capability::kAccountMember;
  constexpr auto kShared = services::Capability::kAccountOrTeam;
  const auto now = [] {
    return std::chrono::time_point_cast<std::chrono::microseconds>(
        std::chrono::system_clock::now());
  };
  const auto one = [now](const core::Channel& c) {
    return json::object{{"channel", ChannelJson(c, now())}};
  };

  // Staff read every account's channels (read-only); customers their own.
  router.Add(Method::kGet, "/api/v1/channels", kShared, Execution::kInline,
             [&, now](Request&, const RouteMatch&, const core::Principal& who) {
               return Answer(channels.List(who), 200, [&](const std::vector<core::Channel>& list) {
                 json::array items;
                 for (const auto& c : list) items.push_back(ChannelJson(c, now()));
                 return Page(std::move(items), std::nullopt);
               });
             });

  // Offloaded: getMe is a call to Telegram.
  router.Add(Method::kPost, "/api/v1/channels", kMember, Execution::kOffload,
             [&, one](Request& req, const RouteMatch&, const core::Principal& who) {
               auto in = ReadBody(req, [](JsonFields& f) {
                 services::ConnectChannelInput in;
                 in.kind = f.OptionalString("kind");
                 in.token = f.RequiredString("token");
                 in.employee_id = f.OptionalInt("employee_id");
                 return in;
               });
               if (!in) return ErrorResponse(in.error());
               return Answer(channels.Connect(who, *in), 201, one);
             });

  router.Add(Method::kGet, "/api/v1/channels/{id}", kShared, Execution::kInline,
             WithId("Channel",
                    [&, one](Request&, const RouteMatch&, const core::Principal& who,
                             std::int64_t id) { return Answer(channels.Get(who, id), 200, one); }));

  router.Add(Method::kPatch, "/api/v1/channels/{id}", kMember, Execution::kOffload,
             WithId("Channel", [&, one](Request& req, const RouteMatch&, const core::Principal& who,
                                        std::int64_t id) {
               auto in = ReadBody(req, [](JsonFields& f) {
                 services::ChangeChannelInput in;
                 in.employee_id = f.OptionalInt("employee_id");
                 in.status = f.OptionalString("status");
                 return in;
               });
               if (!in) return ErrorResponse(in.error());
               return Answer(channels.Change(who, id, *in), 200, one);
             }));

  router.Add(Method::kDelete, "/api/v1/channels/{id}", kMember, Execution::kOffload,
             WithId("Channel",
                    [&](Request&, const RouteMatch&, const core::Principal& who, std::int64_t id) {
                      auto s = channels.Disconnect(who, id);
                      if (!s) return ErrorResponse(s.error());
                      return NoContent();
                    }));

  // Telegram's webhook calls: public (no session); the secret header is the
  // credential, checked by the service. The path carries the channel id, never the token.
  router.Add(Method::kPost, "/api/v1/telegram/webhook/{id}", Execution::kOffload,
             [&](Request& req, const RouteMatch& m) {
               const auto result = channels.HandleWebhook(
                   m.Id().value_or(0), req.Header("X-Telegram-Bot-Api-Secret-Token"), req.body);
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
