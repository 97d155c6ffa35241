// Chats, the playground, operators, and billing (docs/ai-employees.md, docs/billing.md).
#include "http/ai_views.h"
#include "http/handlers/handlers.h"
#include "http/handlers/route_helpers.h"
#include "services/billing_service.h"
#include "services/chat_service.h"

namespace textura::http {
namespace {

namespace json = boost::json;
using services::Capability;

core::Result<std::string> TextOf(const Request& req) {
  return ReadBody(req, [](JsonFields& f) { return f.RequiredString("text"); });
}

struct TopUpInput {
  std::optional<std::int64_t> amount_minor;
  std::string note;
};

services::ListChatsInput ListInput(const Request& req) {
  return {Query(req, "employee_id"), Query(req, "source"),      Query(req, "from"),
          Query(req, "to"),          Query(req, "needs_human"), Query(req, "q"),
          Query(req, "limit"),       Query(req, "cursor")};
}

json::object OneChat(const core::Chat& c) {
  return {{"chat", ChatJson(c)}};
}

json::object OneMessage(const core::ChatMessage& m) {
  return {{"message", ChatMessageJson(m)}};
}

}  // namespace

void RegisterChatRoutes(Router& router, Api& api) {
  services::ChatService& chats = api.services().chats;
  services::BillingService& billing = api.services().billing;
  constexpr auto kMember = Capability::kAccountMember;
  constexpr auto kShared = Capability::kAccountOrTeam;

  router.Add(Method::kPost, "/api/v1/employees/{id}/playground", kMember, Execution::kOffload,
             WithId("AI employee", [&](Request&, const RouteMatch&, const core::Principal& who,
                                       core::EmployeeId id) {
               return Answer(chats.StartPlayground(who, id), 201, OneChat);
             }));

  // Staff read every account's chats (read-only); customers their own.
  router.Add(Method::kGet, "/api/v1/chats", kShared, Execution::kInline,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               return Answer(chats.List(who, ListInput(req)), 200, [](const auto& page) {
                 json::array items;
                 for (const auto& c : page.items) items.push_back(ChatJson(c));
                 return Page(std::move(items), page.next_cursor);
               });
             });

  // Offloaded: a staff user's first open in an hour writes its chat.read audit entry.
  router.Add(
      Method::kGet, "/api/v1/chats/{id}", kShared, Execution::kOffload,
      WithId("Chat", [&](Request&, const RouteMatch&, const core::Principal& who, core::ChatId id) {
        return Answer(chats.Get(who, id), 200, OneChat);
      }));

  router.Add(Method::kGet, "/api/v1/chats/{id}/messages", kShared, Execution::kInline,
             WithId("Chat", [&](Request& req, const RouteMatch&, const core::Principal& who,
                                core::ChatId id) {
               auto after = Query(req, "after_id");
               if (!after) after = Query(req, "cursor");
               return Answer(chats.Messages(who, id, after, Query(req, "limit")), 200,
                             [](const auto& page) {
                               json::array items;
                               for (const auto& m : page.items) items.push_back(ChatMessageJson(m));
                               return Page(std::move(items), page.next_cursor);
                             });
             }));

  router.Add(Method::kPost, "/api/v1/chats/{id}/messages", kMember, Execution::kOffload,
             WithId("Chat", [&](Request& req, const RouteMatch&, const core::Principal& who,
                                core::ChatId id) {
               auto text = TextOf(req);
               if (!text) return ErrorResponse(text.error());
               return Answer(chats.PostClientMessage(who, id, *text), 202, OneMessage);
             }));

  router.Add(
      Method::kPost, "/api/v1/chats/{id}/takeover", kMember, Execution::kOffload,
      WithId("Chat", [&](Request&, const RouteMatch&, const core::Principal& who, core::ChatId id) {
        return Answer(chats.Takeover(who, id), 200, OneChat);
      }));

  router.Add(
      Method::kPost, "/api/v1/chats/{id}/release", kMember, Execution::kOffload,
      WithId("Chat", [&](Request&, const RouteMatch&, const core::Principal& who, core::ChatId id) {
        return Answer(chats.Release(who, id), 200, OneChat);
      }));

  router.Add(Method::kPost, "/api/v1/chats/{id}/operator-messages", kMember, Execution::kOffload,
             WithId("Chat", [&](Request& req, const RouteMatch&, const core::Principal& who,
                                core::ChatId id) {
               auto text = TextOf(req);
               if (!text) return ErrorResponse(text.error());
               return Answer(chats.PostOperatorMessage(who, id, *text), 201, OneMessage);
             }));

  router.Add(Method::kGet, "/api/v1/billing/balance", kMember, Execution::kInline,
             [&](Request&, const RouteMatch&, const core::Principal& who) {
               return Answer(billing.Balance(who), 200, BalanceJson);
             });

  router.Add(Method::kGet, "/api/v1/billing/ledger", kMember, Execution::kInline,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               auto page = billing.Ledger(who, Query(req, "limit"), Query(req, "cursor"));
               return Answer(page, 200, [](const auto& p) {
                 json::array items;
                 for (const auto& e : p.items) items.push_back(LedgerJson(e));
                 return Page(std::move(items), p.next_cursor);
               });
             });

  router.Add(
      Method::kPost, "/api/v1/admin/accounts/{id}/top-ups", Capability::kStaff, Execution::kOffload,
      WithId("Account", [&](Request& req, const RouteMatch&, const core::Principal& who,
                            core::AccountId id) {
        auto in = ReadBody(req, [](JsonFields& f) {
          return TopUpInput{f.OptionalInt("amount_minor"), f.OptionalString("note").value_or("")};
        });
        if (!in) return ErrorResponse(in.error());
        if (!in->amount_minor) {
          return ErrorResponse(core::ErrorCode::kValidationFailed, "amount_minor is required",
                               "amount_minor");
        }
        return Answer(billing.TopUp(who, id, *in->amount_minor, in->note), 201, [](const auto& e) {
          return json::object{{"entry", LedgerJson(e)}};
        });
      }));
}

}  // namespace textura::http
