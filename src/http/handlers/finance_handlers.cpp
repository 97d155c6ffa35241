// Finance: summary and forecast, usage per day, the ledger, CSV exports, top chats,
// spending caps, alert settings and notifications (docs/finance.md).
#include "http/ai_views.h"
#include "http/handlers/handlers.h"
#include "http/handlers/route_helpers.h"
#include "http/json.h"
#include "services/finance_service.h"

namespace textura::http {
namespace {

namespace json = boost::json;

services::FinanceQuery QueryOf(const Request& req) {
  services::FinanceQuery q;
  q.account_id = Query(req, "account_id");
  q.from = Query(req, "from");
  q.to = Query(req, "to");
  q.employee_id = Query(req, "employee_id");
  q.channel = Query(req, "channel");
  q.model = Query(req, "model");
  q.group_by = Query(req, "group_by");
  q.kind = Query(req, "kind");
  q.limit = Query(req, "limit");
  q.cursor = Query(req, "cursor");
  return q;
}

json::value OptionalInt(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object TotalsJson(const core::UsageTotals& t) {
  return {{"replies", t.replies},
          {"ai_words", t.ai_words},
          {"client_words", t.client_words},
          {"spent", MoneyJson(t.cost_minor)}};
}

json::object SummaryJson(const services::FinanceSummary& s) {
  const auto month = [](const services::MonthFigures& m) {
    json::object o = TotalsJson(m.usage);
    o["from"] = m.from;
    o["to"] = m.to;
    return o;
  };
  json::array caps;
  for (const auto& c : s.caps) {
    caps.push_back(json::object{
        {"employee_id", OptionalInt(c.employee_id)},
        {"employee_name", c.employee_id ? json::value(c.employee_name) : json::value(nullptr)},
        {"monthly_cap", MoneyJson(c.monthly_cap_minor)},
        {"spent_this_month", MoneyJson(c.spent_this_month_minor)},
        {"reached", c.reached}});
  }
  json::array stopped;
  for (const auto& st : s.stopped) {
    stopped.push_back(
        json::object{{"employee_id", OptionalInt(st.employee_id)}, {"reason", st.reason}});
  }
  std::optional<std::int64_t> days;
  if (s.settings.low_balance_days) days = *s.settings.low_balance_days;
  return {{"account_id", s.account_id},
          {"time_zone", s.time_zone},
          {"balance", MoneyJson(s.balance_minor)},
          {"spent_last_7_days", MoneyJson(s.spent_last_7_days_minor)},
          {"forecast_days", OptionalInt(s.forecast_days)},
          {"this_month", month(s.this_month)},
          {"last_month", month(s.last_month)},
          {"caps", std::move(caps)},
          {"stopped", std::move(stopped)},
          {"alerts",
           {{"low_balance", s.settings.low_balance_minor
                                ? json::value(MoneyJson(*s.settings.low_balance_minor))
                                : json::value(nullptr)},
            {"low_balance_days", OptionalInt(days)}}},
          {"unread_notifications", s.unread_notifications}};
}

json::object UsageJson(const services::UsageReport& r) {
  json::array days;
  std::size_t at = 0;
  for (const auto& day : r.days) {
    json::object by;
    core::UsageTotals total;
    while (at < r.rows.size() && core::FormatLocalDay(r.rows[at].day) == day) {
      const core::UsageRow& row = r.rows[at++];
      by[row.key] = json::object{{"replies", row.replies},
                                 {"ai_words", row.ai_words},
                                 {"client_words", row.client_words},
                                 {"cost", MoneyJson(row.cost_minor)}};
      total.replies += row.replies;
      total.ai_words += row.ai_words;
      total.client_words += row.client_words;
      total.cost_minor += row.cost_minor;
    }
    json::object d = TotalsJson(total);
    d["day"] = day;
    d["by"] = std::move(by);
    days.push_back(std::move(d));
  }
  json::array keys;
  for (const auto& k : r.keys) keys.push_back(json::object{{"key", k.key}, {"label", k.label}});
  return {{"from", r.period.from},           {"to", r.period.to},
          {"time_zone", r.period.time_zone}, {"group_by", r.group_by},
          {"keys", std::move(keys)},         {"days", std::move(days)},
          {"totals", TotalsJson(r.totals)}};
}

json::object NotificationJson(const core::Notification& n,
                              const std::map<core::EmployeeId, std::string>& names) {
  json::value employee_name = nullptr;
  if (n.employee && names.count(*n.employee)) employee_name = names.at(*n.employee);
  std::optional<std::int64_t> threshold;
  if (n.threshold) threshold = *n.threshold;
  return {
      {"id", n.id},
      {"kind", core::ToString(n.kind)},
      {"employee_id", OptionalInt(n.employee)},
      {"employee_name", employee_name},
      {"threshold_percent", OptionalInt(threshold)},
      {"month", n.month},
      {"amount", n.amount_minor ? json::value(MoneyJson(*n.amount_minor)) : json::value(nullptr)},
      {"created_at", core::FormatRfc3339(n.created_at)},
      {"read", n.read_at.has_value()}};
}

Response Csv(std::string body, const std::string& filename) {
  Response out;
  out.status = 200;
  out.content_type = "text/csv; charset=utf-8";
  out.body = std::move(body);
  out.SetHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return out;
}

}  // namespace

void RegisterFinanceRoutes(Router& router, Api& api) {
  services::FinanceService& finance = api.services().finance;
  // Signed in: the service scopes customers to their account and lets the team read any.
  constexpr auto kShared = services::Capability::kAccountOrTeam;
  constexpr auto kMember = services::Capability::kAccountMember;

  router.Add(Method::kGet, "/api/v1/finance/summary", kShared, Execution::kOffload,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               auto s = finance.Summary(who, QueryOf(req));
               if (!s) return ErrorResponse(s.error());
               return JsonResponse(200, SummaryJson(*s));
             });

  router.Add(Method::kGet, "/api/v1/finance/usage", kShared, Execution::kOffload,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               auto r = finance.Usage(who, QueryOf(req));
               if (!r) return ErrorResponse(r.error());
               return JsonResponse(200, UsageJson(*r));
             });

  router.Add(Method::kGet, "/api/v1/finance/usage.csv", kShared, Execution::kOffload,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               const auto q = QueryOf(req);
               auto csv = finance.UsageCsv(who, q);
               if (!csv) return ErrorResponse(csv.error());
               return Csv(std::move(*csv), "usage.csv");
             });

  router.Add(Method::kGet, "/api/v1/finance/ledger", kShared, Execution::kOffload,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               auto page = finance.Ledger(who, QueryOf(req));
               if (!page) return ErrorResponse(page.error());
               json::array items;
               for (const auto& e : page->items) {
                 json::object o = LedgerJson(e);
                 json::value channel = nullptr;
                 json::value url = nullptr;
                 if (e.chat_id) {
                   if (page->channels.count(*e.chat_id)) channel = page->channels.at(*e.chat_id);
                   std::string u = "/chats/" + std::to_string(*e.chat_id);
                   if (e.message_id) u += "#message-" + std::to_string(*e.message_id);
                   url = u;
                 }
                 json::value name = nullptr;
                 if (e.employee_id && page->employee_names.count(*e.employee_id)) {
                   name = page->employee_names.at(*e.employee_id);
                 }
                 o["channel"] = channel;
                 o["employee_name"] = name;
                 o["message_url"] = url;
                 items.push_back(std::move(o));
               }
               return JsonResponse(
                   200,
                   json::object{{"items", std::move(items)},
                                {"next_cursor", page->next_cursor ? json::value(*page->next_cursor)
                                                                  : json::value(nullptr)}});
             });

  router.Add(Method::kGet, "/api/v1/finance/ledger.csv", kShared, Execution::kOffload,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               auto csv = finance.LedgerCsv(who, QueryOf(req));
               if (!csv) return ErrorResponse(csv.error());
               return Csv(std::move(*csv), "ledger.csv");
             });

  router.Add(Method::kGet, "/api/v1/finance/top-chats", kShared, Execution::kOffload,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               auto v = finance.TopChats(who, QueryOf(req));
               if (!v) return ErrorResponse(v.error());
               json::array items;
               for (const auto& c : v->items) {
                 items.push_back(json::object{{"chat_id", c.chat_id},
                                              {"url", "/chats/" + std::to_string(c.chat_id)},
                                              {"employee_id", c.employee_id},
                                              {"employee_name", c.employee_name},
                                              {"client_name", c.client_name},
                                              {"channel", c.channel},
                                              {"replies", c.replies},
                                              {"ai_words", c.ai_words},
                                              {"spent", MoneyJson(c.cost_minor)}});
               }
               return JsonResponse(200, json::object{{"from", v->period.from},
                                                     {"to", v->period.to},
                                                     {"time_zone", v->period.time_zone},
                                                     {"items", std::move(items)}});
             });

  router.Add(Method::kPut, "/api/v1/finance/caps/{scope}", kMember, Execution::kOffload,
             [&](Request& req, const RouteMatch& m, const core::Principal& who) {
               auto body = ParseJsonBody(req);
               if (!body) return ErrorResponse(body.error());
               JsonFields f(*body);
               const auto cap = f.OptionalInt("monthly_cap_minor");
               if (auto err = f.Finish()) return ErrorResponse(*err);
               if (!cap) {
                 return ErrorResponse(core::ErrorCode::kValidationFailed,
                                      "monthly_cap_minor is required", "monthly_cap_minor");
               }
               auto s = finance.SetCap(who, m.Param("scope"), *cap);
               if (!s) return ErrorResponse(s.error());
               return JsonResponse(200, SummaryJson(*s));
             });

  router.Add(Method::kDelete, "/api/v1/finance/caps/{scope}", kMember, Execution::kOffload,
             [&](Request&, const RouteMatch& m, const core::Principal& who) {
               auto s = finance.SetCap(who, m.Param("scope"), std::nullopt);
               if (!s) return ErrorResponse(s.error());
               return JsonResponse(200, SummaryJson(*s));
             });

  router.Add(Method::kPut, "/api/v1/finance/settings", kMember, Execution::kOffload,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               auto body = ParseJsonBody(req);
               if (!body) return ErrorResponse(body.error());
               JsonFields f(*body);
               core::FinanceSettings s;
               s.time_zone = f.OptionalString("time_zone").value_or("Europe/Moscow");
               s.low_balance_minor = f.OptionalInt("low_balance_minor");
               const auto days = f.OptionalInt("low_balance_days");
               if (auto err = f.Finish()) return ErrorResponse(*err);
               if (days) {
                 if (*days < 1 || *days > 365) {
                   return ErrorResponse(core::ErrorCode::kValidationFailed,
                                        "low_balance_days must be from 1 to 365",
                                        "low_balance_days");
                 }
                 s.low_balance_days = static_cast<int>(*days);
               }
               auto out = finance.SaveSettings(who, s);
               if (!out) return ErrorResponse(out.error());
               return JsonResponse(200, SummaryJson(*out));
             });

  router.Add(Method::kGet, "/api/v1/finance/notifications", kShared, Execution::kInline,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               auto page = finance.Notifications(who, QueryOf(req));
               if (!page) return ErrorResponse(page.error());
               json::array items;
               for (const auto& n : page->items) {
                 items.push_back(NotificationJson(n, page->employee_names));
               }
               return JsonResponse(
                   200,
                   json::object{{"items", std::move(items)},
                                {"unread_count", page->unread},
                                {"next_cursor", page->next_cursor ? json::value(*page->next_cursor)
                                                                  : json::value(nullptr)}});
             });

  router.Add(Method::kPost, "/api/v1/finance/notifications/read", kMember, Execution::kInline,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               auto body = ParseJsonBody(req);
               if (!body) return ErrorResponse(body.error());
               JsonFields f(*body);
               const auto up_to = f.OptionalInt("up_to_id");
               if (auto err = f.Finish()) return ErrorResponse(*err);
               auto unread = finance.MarkNotificationsRead(who, up_to.value_or(INT64_MAX));
               if (!unread) return ErrorResponse(unread.error());
               return JsonResponse(200, json::object{{"unread_count", *unread}});
             });
}

}  // namespace textura::http
