// SLA settings, the holiday calendar and reports (docs/support-admin.md).
#include "core/support/report.h"
#include "http/auth.h"
#include "http/handlers/handlers.h"
#include "http/json.h"

namespace textura::http {
namespace {

namespace json = boost::json;
namespace support = core::support;

json::object SettingsJson(const support::SlaSettings& s) {
  json::array hours;
  for (int wd = 1; wd <= 7; ++wd) {
    const auto& h = s.weekly[wd % 7];
    if (!h) continue;
    hours.push_back(json::object{{"weekday", wd},
                                 {"start", support::FormatClockTime(h->open)},
                                 {"end", support::FormatClockTime(h->close)}});
  }
  json::object targets;
  for (support::RequestType type : support::kRequestTypes) {
    const auto& t = s.target(type);
    targets[support::ToString(type)] =
        json::object{{"minutes", t.minutes}, {"clock", support::ToString(t.clock)}};
  }
  return {{"time_zone", s.zone},
          {"business_hours", std::move(hours)},
          {"targets", std::move(targets)},
          {"warning_minutes", s.warning_minutes}};
}

json::object DayJson(const services::CalendarDay& d) {
  return {{"date", support::FormatIsoDate(d.date)},
          {"kind", d.kind},
          {"note", d.note},
          {"source", d.source}};
}

json::value OptionalNumber(const std::optional<long long>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object DurationJson(const support::DurationStats& d) {
  return {{"count", d.count},
          {"median_seconds", OptionalNumber(d.median_seconds)},
          {"average_seconds", OptionalNumber(d.average_seconds)}};
}

json::object RowJson(const support::ReportRow& r) {
  return {{"key", r.key},
          {"label", r.label},
          {"tickets", r.tickets},
          {"first_response", DurationJson(r.first_response)},
          {"resolution", DurationJson(r.resolution)},
          {"sla",
           {{"measured", r.sla.measured},
            {"met", r.sla.met},
            {"share", r.sla.share ? json::value(*r.sla.share) : json::value(nullptr)}}}};
}

std::optional<std::string> Query(const Request& req, std::string_view name) {
  if (auto v = req.QueryParam(name)) return std::string(*v);
  return std::nullopt;
}

core::Error BadShape(std::string field, std::string what) {
  return {core::ErrorCode::kInvalidRequest, field + " " + what, field, 0};
}

// The PUT body; JSON types only, the service checks the values.
core::Result<services::SlaSettingsInput> ParseSettings(const json::object& body) {
  JsonFields f(body);
  services::SlaSettingsInput in;
  in.time_zone = f.RequiredString("time_zone");
  const json::array* hours = f.OptionalArray("business_hours");
  const json::object* targets = f.OptionalObject("targets");
  const auto warning = f.OptionalInt("warning_minutes");
  if (auto err = f.Finish()) return *err;
  if (!hours) return core::Error::Validation("business_hours", "is required");
  if (!targets) return core::Error::Validation("targets", "is required");
  if (!warning) return core::Error::Validation("warning_minutes", "is required");
  in.warning_minutes = *warning;
  for (const json::value& item : *hours) {
    if (!item.is_object()) return BadShape("business_hours", "must be an array of objects");
    JsonFields h(item.as_object());
    services::SlaSettingsInput::Hours one;
    const auto weekday = h.OptionalInt("weekday");
    one.start = h.RequiredString("start");
    one.end = h.RequiredString("end");
    if (auto err = h.Finish()) return *err;
    if (!weekday) return core::Error::Validation("business_hours", "weekday is required");
    one.weekday = *weekday;
    in.business_hours.push_back(std::move(one));
  }
  for (const auto& [type, value] : *targets) {
    const std::string field = "targets." + std::string(type);
    if (!value.is_object()) return BadShape(field, "must be an object");
    JsonFields t(value.as_object());
    services::SlaSettingsInput::Target one;
    one.type = std::string(type);
    const auto minutes = t.OptionalInt("minutes");
    one.clock = t.RequiredString("clock");
    if (auto err = t.Finish()) return *err;
    if (!minutes) return core::Error::Validation(field + ".minutes", "is required");
    one.minutes = *minutes;
    in.targets.push_back(std::move(one));
  }
  return in;
}

}  // namespace

void RegisterSupportAdminRoutes(Router& router, Api& api) {
  services::AuthService& auth = api.services().auth;
  services::SupportSettingsService& settings = api.services().support_settings;
  services::ReportService& reports = api.services().reports;

  router.Add(Method::kGet, "/api/v1/support/sla-settings", Execution::kInline,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               auto s = settings.Get(*who);
               if (!s) return ErrorResponse(s.error());
               return JsonResponse(200, SettingsJson(*s));
             });

  router.Add(Method::kPut, "/api/v1/support/sla-settings", Execution::kOffload,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               // Authorization before the body: a non-admin learns nothing from it.
               if (who->user.role != core::Role::kAdmin) {
                 return ErrorResponse(core::ErrorCode::kForbidden,
                                      "Only administrators may do this.");
               }
               auto body = ParseJsonBody(req);
               if (!body) return ErrorResponse(body.error());
               auto in = ParseSettings(*body);
               if (!in) return ErrorResponse(in.error());
               auto s = settings.Update(*who, *in);
               if (!s) return ErrorResponse(s.error());
               return JsonResponse(200, SettingsJson(*s));
             });

  router.Add(Method::kGet, "/api/v1/support/calendar", Execution::kInline,
             [&](Request& req, const RouteMatch&) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               const auto year = Query(req, "year");
               auto days = settings.Calendar(*who, year);
               if (!days) return ErrorResponse(days.error());
               json::array items;
               for (const auto& d : *days) items.push_back(DayJson(d));
               return JsonResponse(
                   200, json::object{{"year", std::stoi(*year)}, {"days", std::move(items)}});
             });

  router.Add(Method::kPut, "/api/v1/support/calendar/{date}", Execution::kOffload,
             [&](Request& req, const RouteMatch& m) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               if (who->user.role != core::Role::kAdmin) {
                 return ErrorResponse(core::ErrorCode::kForbidden,
                                      "Only administrators may do this.");
               }
               auto body = ParseJsonBody(req);
               if (!body) return ErrorResponse(body.error());
               JsonFields f(*body);
               const std::string kind = f.RequiredString("kind");
               const auto note = f.OptionalString("note");
               if (auto err = f.Finish()) return ErrorResponse(*err);
               auto day = settings.SetDay(*who, m.Param("date"), kind, note);
               if (!day) return ErrorResponse(day.error());
               return JsonResponse(200, DayJson(*day));
             });

  const auto report = [&](Request& req, bool csv) -> Response {
    auto who = Authenticate(auth, req);
    if (!who) return ErrorResponse(who.error());
    services::ReportInput in{Query(req, "from"), Query(req, "to"), Query(req, "group_by")};
    auto r = reports.Build(*who, in);
    if (!r) return ErrorResponse(r.error());
    const std::string group(support::ToString(r->group));
    if (csv) {
      Response out;
      out.status = 200;
      out.content_type = "text/csv; charset=utf-8";
      out.body = support::ReportCsv(r->report);
      out.SetHeader("Content-Disposition", "attachment; filename=\"support-report-" + r->from +
                                               "-" + r->to + "-" + group + ".csv\"");
      return out;
    }
    json::array rows;
    for (const auto& row : r->report.rows) rows.push_back(RowJson(row));
    return JsonResponse(200, json::object{{"from", r->from},
                                          {"to", r->to},
                                          {"group_by", group},
                                          {"rows", std::move(rows)},
                                          {"total", RowJson(r->report.total)}});
  };
  // Reports read every ticket of the range: off the I/O threads.
  router.Add(Method::kGet, "/api/v1/support/reports", Execution::kOffload,
             [report](Request& req, const RouteMatch&) { return report(req, false); });
  router.Add(Method::kGet, "/api/v1/support/reports.csv", Execution::kOffload,
             [report](Request& req, const RouteMatch&) { return report(req, true); });
}

}  // namespace textura::http
