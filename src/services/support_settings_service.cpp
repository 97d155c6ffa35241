#include "services/support_settings_service.h"

#include <set>

#include "core/numbers.h"
#include "core/validation.h"
#include "services/access.h"
#include "services/audit_service.h"

namespace textura::services {

using core::Error;
using core::Result;
using core::Status;
namespace support = core::support;

namespace {

constexpr std::size_t kMaxNoteLength = 200;
constexpr int kMinYear = 2000;
constexpr int kMaxYear = 2100;

Result<support::SlaSettings> SettingsFrom(const SlaSettingsInput& in) {
  support::SlaSettings s;
  s.zone = in.time_zone;
  s.weekly = support::WeeklyHours{};
  std::set<std::int64_t> seen;
  for (const auto& h : in.business_hours) {
    if (h.weekday < 1 || h.weekday > 7) {
      return Error::Validation("business_hours", "weekday must be 1 (Monday) to 7 (Sunday)");
    }
    if (!seen.insert(h.weekday).second) {
      return Error::Validation("business_hours", "each weekday may be given once");
    }
    const auto open = support::ParseClockTime(h.start);
    const auto close = support::ParseClockTime(h.end);
    if (!open || !close) {
      return Error::Validation("business_hours", "start and end must be HH:MM (00:00–24:00)");
    }
    if (*open >= *close) return Error::Validation("business_hours", "start must be before end");
    s.weekly[h.weekday % 7] = support::WorkingHours{*open, *close};
  }
  std::set<support::RequestType> given;
  for (const auto& t : in.targets) {
    const auto type = support::ParseRequestType(t.type);
    if (!type) {
      return Error::Validation("targets", "request types are critical, question, feature_request");
    }
    const auto clock = support::ParseTargetClock(t.clock);
    const std::string field = "targets." + t.type;
    if (!clock) return Error::Validation(field + ".clock", "must be calendar or business");
    if (t.minutes < support::kMinTargetMinutes || t.minutes > support::kMaxTargetMinutes) {
      return Error::Validation(field + ".minutes", "must be from 1 to 100000");
    }
    s.target(*type) = {static_cast<int>(t.minutes), *clock};
    given.insert(*type);
  }
  if (given.size() != support::kRequestTypes.size()) {
    return Error::Validation("targets", "give a target for critical, question and feature_request");
  }
  if (in.warning_minutes < 0 || in.warning_minutes > support::kMaxWarningMinutes) {
    return Error::Validation("warning_minutes", "must be from 0 to 10000");
  }
  s.warning_minutes = static_cast<int>(in.warning_minutes);
  if (auto v = support::ValidateSlaSettings(s); !v) return std::move(v).error();
  return s;
}

}  // namespace

SupportSettingsService::SupportSettingsService(core::Store& store, const core::Clock& clock,
                                               support::BusinessCalendar base)
    : store_(store), clock_(clock), base_(std::move(base)) {
  current_ = std::make_shared<const Snapshot>(Snapshot{support::DefaultSlaPolicy(base_), {}, -1});
}

Result<std::shared_ptr<const SupportSettingsService::Snapshot>> SupportSettingsService::Build(
    const core::StoredSlaConfig& stored) const {
  auto built = support::BuildSlaPolicy(base_, stored.settings, stored.overrides);
  if (auto* err = std::get_if<support::CalendarError>(&built)) {
    return Error::Internal("stored SLA settings: " + err->ToString());
  }
  return std::make_shared<const Snapshot>(
      Snapshot{std::get<support::SlaPolicy>(std::move(built)), stored.overrides, stored.version});
}

std::shared_ptr<const SupportSettingsService::Snapshot> SupportSettingsService::Load() const {
  std::lock_guard lock(mu_);
  return current_;
}

void SupportSettingsService::Swap(std::shared_ptr<const Snapshot> next) {
  std::lock_guard lock(mu_);
  // Never go back: a slow Reload must not undo a newer save.
  if (next->version >= current_->version) current_ = std::move(next);
}

std::shared_ptr<const support::SlaPolicy> SupportSettingsService::Current() const {
  auto snapshot = Load();
  return std::shared_ptr<const support::SlaPolicy>(snapshot, &snapshot->policy);
}

Status SupportSettingsService::Reload() {
  const std::int64_t known = Load()->version;
  auto next = core::ReadValue<std::shared_ptr<const Snapshot>>(
      store_, [&](core::Repositories& repos) -> Result<std::shared_ptr<const Snapshot>> {
        if (known >= 0 && repos.support_admin().ConfigVersion() == known) {
          return std::shared_ptr<const Snapshot>();
        }
        return Build(repos.support_admin().LoadConfig());
      });
  if (!next) return std::move(next).error();
  if (*next) Swap(std::move(*next));
  return core::OkStatus();
}

Status SupportSettingsService::Change(const std::function<Status(core::Repositories&)>& change) {
  std::shared_ptr<const Snapshot> next;
  Status s = store_.Write([&](core::Repositories& repos) -> Status {
    if (auto c = change(repos); !c) return c;
    auto built = Build(repos.support_admin().LoadConfig());
    if (!built) return std::move(built).error();
    next = std::move(*built);
    // Open tickets the team owes a reply on get due times under the new rules, counted
    // from the same customer message as before.
    for (const auto& owed : repos.support_admin().OwedTickets()) {
      repos.support_admin().SetReplyDue(
          owed.id, support::ComputeReplyDue(next->policy, owed.category, owed.awaiting_since));
    }
    return core::OkStatus();
  });
  if (s) Swap(std::move(next));
  return s;
}

Result<support::SlaSettings> SupportSettingsService::Get(const core::Principal& who) const {
  if (auto s = Require(who, Capability::kStaff); !s) return std::move(s).error();
  return Load()->policy.settings();
}

Result<support::SlaSettings> SupportSettingsService::Update(const core::Principal& who,
                                                            const SlaSettingsInput& in) {
  if (auto s = Require(who, Capability::kAdmin); !s) return std::move(s).error();
  auto settings = SettingsFrom(in);
  if (!settings) return std::move(settings).error();
  const core::Time now = clock_.Now();
  const support::SlaSettings before = Load()->policy.settings();
  Status s = Change([&](core::Repositories& repos) -> Status {
    repos.support_admin().SaveSettings(*settings, now);
    core::audit::Details details{{"time_zone", settings->zone},
                                 {"business_hours", support::FormatWeeklyHours(settings->weekly)},
                                 {"targets", support::FormatTargets(settings->targets)},
                                 {"warning_minutes", std::to_string(settings->warning_minutes)}};
    if (before.zone != settings->zone) details["previous_time_zone"] = before.zone;
    if (before.targets != settings->targets) {
      details["previous_targets"] = support::FormatTargets(before.targets);
    }
    RecordAudit(repos, who.user, core::audit::kSlaSettingsUpdated, {}, std::move(details), now);
    return core::OkStatus();
  });
  if (!s) return std::move(s).error();
  return Load()->policy.settings();
}

CalendarDay SupportSettingsService::DayOf(const Snapshot& snapshot,
                                          std::chrono::year_month_day date) {
  CalendarDay day{date, "default", "", "none"};
  for (const auto& o : snapshot.overrides) {
    if (o.date == date) {
      return {date, std::string(support::ToString(o.kind)), o.note, "override"};
    }
  }
  const auto& spec = snapshot.policy.calendar().spec();
  if (spec.holidays.count(date) != 0) return {date, "holiday", "", "built_in"};
  if (spec.workdays.count(date) != 0) return {date, "workday", "", "built_in"};
  return day;
}

Result<std::vector<CalendarDay>> SupportSettingsService::Calendar(
    const core::Principal& who, const std::optional<std::string>& year_text) const {
  if (auto s = Require(who, Capability::kStaff); !s) return std::move(s).error();
  const auto bad_year = [] {
    return Error::Validation("year", "must be a year from 2000 to 2100");
  };
  if (!year_text) return bad_year();
  const auto parsed = core::ParseInt64(*year_text);
  if (!parsed || *parsed < kMinYear || *parsed > kMaxYear) return bad_year();
  const int year = static_cast<int>(*parsed);
  const auto snapshot = Load();
  std::set<std::chrono::year_month_day> dates;
  const auto& spec = snapshot->policy.calendar().spec();
  const std::chrono::year y{year};
  for (const auto& d : spec.holidays) {
    if (d.year() == y) dates.insert(d);
  }
  for (const auto& [d, _] : spec.workdays) {
    if (d.year() == y) dates.insert(d);
  }
  std::vector<CalendarDay> out;
  for (const auto& d : dates) out.push_back(DayOf(*snapshot, d));
  return out;
}

Result<CalendarDay> SupportSettingsService::SetDay(const core::Principal& who,
                                                   std::string_view date_text,
                                                   std::string_view kind_text,
                                                   const std::optional<std::string>& note_text) {
  if (auto s = Require(who, Capability::kAdmin); !s) return std::move(s).error();
  const auto date = support::ParseIsoDate(date_text);
  if (!date || date->year() < std::chrono::year{kMinYear} ||
      date->year() > std::chrono::year{kMaxYear}) {
    return Error::Validation("date", "must be a real date YYYY-MM-DD from 2000 to 2100");
  }
  const bool clear = kind_text == "default";
  const auto kind = support::ParseDayKind(kind_text);
  if (!clear && !kind) return Error::Validation("kind", "must be holiday, workday or default");
  std::string note;
  if (note_text) {
    auto cleaned = core::CleanText("note", *note_text, 0, kMaxNoteLength);
    if (!cleaned) return std::move(cleaned).error();
    note = std::move(*cleaned);
  }
  const core::Time now = clock_.Now();
  Status s = Change([&](core::Repositories& repos) -> Status {
    if (clear) {
      repos.support_admin().ClearCalendarDay(*date, now);
    } else {
      repos.support_admin().SetCalendarDay({*date, *kind, note}, now);
    }
    RecordAudit(
        repos, who.user, core::audit::kCalendarUpdated, {},
        {{"date", support::FormatIsoDate(*date)}, {"kind", std::string(kind_text)}, {"note", note}},
        now);
    return core::OkStatus();
  });
  if (!s) return std::move(s).error();
  return DayOf(*Load(), *date);
}

}  // namespace textura::services
