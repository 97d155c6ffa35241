// SLA settings, the holiday calendar and reports (docs/support-admin.md).
#include "core/support/report.h"
#include "http/handlers/handlers.h"
#include "http/handlers/route_helpers.h"

namespace textura::http {
namespace {

namespace json = boost::json;
using services::Capability;
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

core::Error BadShape(const std::string& field, const std::string& what) {
  return core::Error::Invalid(field + " " + what, field);
}

// The PUT body; JSON types only, the service checks the values.
core::Result<services::SlaSettingsInput> ParseSettings(const Request& req) {
  auto parsed = ParseJsonBody(req);
  if (!parsed) return std::move(parsed).error();
  const json::object& body = *parsed;
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

struct DayInput {
  std::string kind;
  std::optional<std::string> note;
};

core::Result<DayInput> ReadDay(const Request& req) {
  auto body = ParseJsonBody(req);
  if (!body) return std::move(body).error();
  JsonFields f(*body);
  DayInput in{f.RequiredString("kind"), f.OptionalString("note")};
  if (auto err = f.Finish()) return *err;
  return in;
}

Response ReportCsvResponse(const services::SupportReport& r) {
  Response out;
  out.status = 200;
  out.content_type = "text/csv; charset=utf-8";
  out.body = support::ReportCsv(r.report);
  out.SetHeader("Content-Disposition", "attachment; filename=\"support-report-" + r.from + "-" +
                                           r.to + "-" + std::string(support::ToString(r.group)) +
                                           ".csv\"");
  return out;
}

json::object ReportJson(const services::SupportReport& r) {
  json::array rows;
  for (const auto& row : r.report.rows) rows.push_back(RowJson(row));
  return {{"from", r.from},
          {"to", r.to},
          {"group_by", support::ToString(r.group)},
          {"rows", std::move(rows)},
          {"total", RowJson(r.report.total)}};
}

}  // namespace

void RegisterSupportAdminRoutes(Router& router, Api& api) {
  services::SupportSettingsService& settings = api.services().support_settings;
  services::ReportService& reports = api.services().reports;
  constexpr auto kStaff = Capability::kStaff;
  constexpr auto kAdmin = Capability::kAdmin;

  router.Add(Method::kGet, "/api/v1/support/sla-settings", kStaff, Execution::kInline,
             [&](Request&, const RouteMatch&, const core::Principal& who) {
               return Answer(settings.Get(who), 200, SettingsJson);
             });

  // Authorization before the body: a non-admin learns nothing from it.
  router.Add(Method::kPut, "/api/v1/support/sla-settings", kAdmin, Execution::kOffload,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               auto in = ParseSettings(req);
               if (!in) return ErrorResponse(in.error());
               return Answer(settings.Update(who, *in), 200, SettingsJson);
             });

  router.Add(Method::kGet, "/api/v1/support/calendar", kStaff, Execution::kInline,
             [&](Request& req, const RouteMatch&, const core::Principal& who) {
               const auto year = Query(req, "year");
               return Answer(settings.Calendar(who, year), 200, [&](const auto& days) {
                 json::array items;
                 for (const auto& d : days) items.push_back(DayJson(d));
                 return json::object{{"year", std::stoi(*year)}, {"days", std::move(items)}};
               });
             });

  router.Add(Method::kPut, "/api/v1/support/calendar/{date}", kAdmin, Execution::kOffload,
             [&](Request& req, const RouteMatch& m, const core::Principal& who) {
               auto in = ReadDay(req);
               if (!in) return ErrorResponse(in.error());
               return Answer(settings.SetDay(who, m.Param("date"), in->kind, in->note), 200,
                             DayJson);
             });

  // Reports read every ticket of the range: off the I/O threads.
  for (const bool csv : {false, true}) {
    router.Add(
        Method::kGet, csv ? "/api/v1/support/reports.csv" : "/api/v1/support/reports", kStaff,
        Execution::kOffload, [&, csv](Request& req, const RouteMatch&, const core::Principal& who) {
          services::ReportInput in{Query(req, "from"), Query(req, "to"), Query(req, "group_by")};
          auto r = reports.Build(who, in);
          if (!r) return ErrorResponse(r.error());
          return csv ? ReportCsvResponse(*r) : JsonResponse(200, ReportJson(*r));
        });
  }
}

}  // namespace textura::http
