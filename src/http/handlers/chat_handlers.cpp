// Chats, the playground, operators, and billing (docs/ai-employees.md, docs/billing.md).
#include "http/ai_views.h"
#include "http/auth.h"
#include "http/handlers/handlers.h"
#include "http/json.h"
#include "services/ai_access.h"
#include "services/billing_service.h"
#include "services/chat_service.h"

namespace textura::http {
namespace {

namespace json = boost::json;

std::optional<std::string> Query(const Request& req, std::string_view name) {
  if (auto v = req.QueryParam(name)) return std::string(*v);
  return std::nullopt;
}

json::object Page(json::array items, const std::optional<std::string>& next) {
  return {{"items", std::move(items)},
          {"next_cursor", next ? json::value(*next) : json::value(nullptr)}};
}

// Runs `fn(request, principal, id)` for routes under /<resource>/{id}; a malformed id
// is a resource that does not exist.
template <typename Fn>
Handler WithId(services::AuthService& auth, std::string what, Fn fn) {
  return [&auth, what, fn](Request& req, const RouteMatch& m) -> Response {
    auto who = Authenticate(auth, req);
    if (!who) return ErrorResponse(who.error());
    const auto id = services::ParseId(m.Param("id"));
    if (!id || *id <= 0) {
      return ErrorResponse(core::ErrorCode::kNotFound,
                           what + " " + std::string(m.Param("id")) + " was not found.");
    }
    return fn(req, *who, *id);
  };
}

core::Result<std::string> TextOf(const Request& req) {
  auto body = ParseJsonBody(req);
  if (!body) return std::move(body).error();
  JsonFields f(*body);
  std::string text = f.RequiredString("text");
  if (auto err = f.Finish()) return *err;
  return text;
}

}  // namespace

void RegisterChatRoutes(Router& router, Api& api) {
  services::AuthService& auth = api.services().auth;
  services::ChatService& chats = api.services().chats;
  services::BillingService& billing = api.services().billing;

  router.Add(
      Method::kPost, "/api/v1/employees/{id}/playground", Execution::kOffload,
      WithId(auth, "AI employee", [&](Request&, const core::Principal& who, std::int64_t id) {
        auto chat = chats.StartPlayground(who, id);
        if (!chat) return ErrorResponse(chat.error());
        return JsonResponse(201, json::object{{"chat", ChatJson(*chat)}});
      }));

  router.Add(Method::kGet, "/api/v1/chats", Execution::kInline,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               services::ListChatsInput in{Query(req, "employee_id"), Query(req, "source"),
                                           Query(req, "from"),        Query(req, "to"),
                                           Query(req, "needs_human"), Query(req, "q"),
                                           Query(req, "limit"),       Query(req, "cursor")};
               auto page = chats.List(*who, in);
               if (!page) return ErrorResponse(page.error());
               json::array items;
               for (const auto& c : page->items) items.push_back(ChatJson(c));
               return JsonResponse(200, Page(std::move(items), page->next_cursor));
             });

  // Offloaded: a staff user's first open in an hour writes its chat.read audit entry.
  router.Add(Method::kGet, "/api/v1/chats/{id}", Execution::kOffload,
             WithId(auth, "Chat", [&](Request&, const core::Principal& who, std::int64_t id) {
               auto chat = chats.Get(who, id);
               if (!chat) return ErrorResponse(chat.error());
               return JsonResponse(200, json::object{{"chat", ChatJson(*chat)}});
             }));

  router.Add(Method::kGet, "/api/v1/chats/{id}/messages", Execution::kInline,
             WithId(auth, "Chat", [&](Request& req, const core::Principal& who, std::int64_t id) {
               auto after = Query(req, "after_id");
               if (!after) after = Query(req, "cursor");
               auto page = chats.Messages(who, id, after, Query(req, "limit"));
               if (!page) return ErrorResponse(page.error());
               json::array items;
               for (const auto& m : page->items) items.push_back(ChatMessageJson(m));
               return JsonResponse(200, Page(std::move(items), page->next_cursor));
             }));

  router.Add(Method::kPost, "/api/v1/chats/{id}/messages", Execution::kOffload,
             WithId(auth, "Chat", [&](Request& req, const core::Principal& who, std::int64_t id) {
               auto text = TextOf(req);
               if (!text) return ErrorResponse(text.error());
               auto m = chats.PostClientMessage(who, id, *text);
               if (!m) return ErrorResponse(m.error());
               return JsonResponse(202, json::object{{"message", ChatMessageJson(*m)}});
             }));

  router.Add(Method::kPost, "/api/v1/chats/{id}/takeover", Execution::kOffload,
             WithId(auth, "Chat", [&](Request&, const core::Principal& who, std::int64_t id) {
               auto chat = chats.Takeover(who, id);
               if (!chat) return ErrorResponse(chat.error());
               return JsonResponse(200, json::object{{"chat", ChatJson(*chat)}});
             }));

  router.Add(Method::kPost, "/api/v1/chats/{id}/release", Execution::kOffload,
             WithId(auth, "Chat", [&](Request&, const core::Principal& who, std::int64_t id) {
               auto chat = chats.Release(who, id);
               if (!chat) return ErrorResponse(chat.error());
               return JsonResponse(200, json::object{{"chat", ChatJson(*chat)}});
             }));

  router.Add(Method::kPost, "/api/v1/chats/{id}/operator-messages", Execution::kOffload,
             WithId(auth, "Chat", [&](Request& req, const core::Principal& who, std::int64_t id) {
               auto text = TextOf(req);
               if (!text) return ErrorResponse(text.error());
               auto m = chats.PostOperatorMessage(who, id, *text);
               if (!m) return ErrorResponse(m.error());
               return JsonResponse(201, json::object{{"message", ChatMessageJson(*m)}});
             }));

  router.Add(Method::kGet, "/api/v1/billing/balance", Execution::kInline,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               auto b = billing.Balance(*who);
               if (!b) return ErrorResponse(b.error());
               return JsonResponse(200, BalanceJson(*b));
             });

  router.Add(Method::kGet, "/api/v1/billing/ledger", Execution::kInline,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               auto page = billing.Ledger(*who, Query(req, "limit"), Query(req, "cursor"));
               if (!page) return ErrorResponse(page.error());
               json::array items;
               for (const auto& e : page->items) items.push_back(LedgerJson(e));
               return JsonResponse(200, Page(std::move(items), page->next_cursor));
             });

  router.Add(
      Method::kPost, "/api/v1/admin/accounts/{id}/top-ups", Execution::kOffload,
      WithId(auth, "Account", [&](Request& req, const core::Principal& who, std::int64_t id) {
        auto body = ParseJsonBody(req);
        if (!body) return ErrorResponse(body.error());
        JsonFields f(*body);
        const auto amount = f.OptionalInt("amount_minor");
        const std::string note = f.OptionalString("note").value_or("");
        if (auto err = f.Finish()) return ErrorResponse(*err);
        if (!amount) {
          return ErrorResponse(core::ErrorCode::kValidationFailed, "amount_minor is required",
                               "amount_minor");
        }
        auto e = billing.TopUp(who, id, *amount, note);
        if (!e) return ErrorResponse(e.error());
        return JsonResponse(201, json::object{{"entry", LedgerJson(*e)}});
      }));
}

}  // namespace textura::http
