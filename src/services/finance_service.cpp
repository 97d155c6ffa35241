#include "services/finance_service.h"

#include <algorithm>
#include <set>

#include "core/audit/audit.h"
#include "core/csv.h"
#include "core/finance/budget.h"
#include "core/finance/days.h"
#include "core/numbers.h"
#include "core/page.h"
#include "core/validation.h"
#include "services/access.h"
#include "services/audit_service.h"

namespace textura::services {

using core::Error;
using core::ErrorCode;
using core::Result;

namespace {

constexpr int kForecastWindowDays = 7;
constexpr int kTopChatsLimit = 10;
constexpr int kMaxCsvRows = 500'000;
constexpr std::string_view kDefaultZone = "Europe/Moscow";
constexpr std::int64_t kMaxLowBalanceMinor = 1'000'000'000;
constexpr int kMaxLowBalanceDays = 365;

const date::time_zone* ZoneNamed(std::string_view name) {
  const auto* zone = core::support::FindTimeZone(name);
  return zone ? zone : core::support::FindTimeZone(kDefaultZone);
}

Error NotFoundAccount() {
  return Error::NotFound("The account was not found.");
}

std::optional<core::UsageDimension> DimensionOf(std::string_view s) {
  if (s == "employee") return core::UsageDimension::kEmployee;
  if (s == "channel") return core::UsageDimension::kChannel;
  if (s == "model") return core::UsageDimension::kModel;
  return std::nullopt;
}

std::string MoneyCells(std::int64_t minor) {
  std::string out;
  core::AppendCsvNumber(out, core::RoublesText(minor));
  out += ',';
  core::AppendCsvNumber(out, std::to_string(minor));
  return out;
}

}  // namespace

struct FinanceService::Scope {
  core::AccountId account = 0;
  core::FinanceSettings settings;
  const date::time_zone* zone = nullptr;
  core::LocalDay from = 0;  // inclusive
  core::LocalDay to = 0;    // inclusive
  core::UsageFilter filter;
  std::map<core::EmployeeId, std::string> employees;  // incl. deleted ones named in usage
};

Result<FinanceService::Scope> FinanceService::Resolve(core::Repositories& repos,
                                                      const core::Principal& who,
                                                      const FinanceQuery& q, bool with_period) {
  Scope s;
  auto scope = AccountScope(who);
  if (!scope) return std::move(scope).error();
  if (!*scope) {
    // The support team reads any account's Finance, named by account_id.
    if (!q.account_id) return Error::Validation("account_id", "is required for the support team");
    const auto id = core::ParseId(*q.account_id);
    if (!id || !repos.accounts().Find(*id)) return NotFoundAccount();
    s.account = *id;
  } else {
    s.account = **scope;
  }
  // Another account's Finance answers 404, like any resource of another account.
  if (!CanSeeAccount(who, s.account)) return NotFoundAccount();
  if (q.account_id && core::ParseId(*q.account_id) != s.account) return NotFoundAccount();
  s.settings = repos.finance().Settings(s.account);
  s.zone = ZoneNamed(s.settings.time_zone);
  const core::LocalDay today = core::LocalDayOf(s.zone, clock_.Now());
  s.from = core::MonthFirstDay(today);
  s.to = today;
  if (with_period) {
    if (q.from) {
      const auto d = core::ParseLocalDay(*q.from);
      if (!d) return Error::Validation("from", "must be a date YYYY-MM-DD");
      s.from = *d;
    }
    if (q.to) {
      const auto d = core::ParseLocalDay(*q.to);
      if (!d) return Error::Validation("to", "must be a date YYYY-MM-DD");
      s.to = *d;
    }
    if (s.to < s.from) return Error::Validation("to", "must not be before from");
    if (s.to - s.from + 1 > kMaxPeriodDays) {
      return Error::Validation("to", "the period spans at most 366 days");
    }
  }
  for (const auto& e : repos.employees().List(s.account, core::MonthStart(clock_.Now()))) {
    s.employees[e.id] = e.name;
  }
  s.filter.account = s.account;
  s.filter.from = core::DayStart(s.zone, s.from);
  s.filter.to = core::DayStart(s.zone, s.to + 1);
  if (q.employee_id && !q.employee_id->empty()) {
    const auto id = core::ParseId(*q.employee_id);
    std::optional<core::Employee> e;
    if (id && *id > 0) e = repos.employees().Find(*id, core::MonthStart(clock_.Now()));
    if (!e || e->account_id != s.account) {
      return Error::Validation("employee_id", "is not an AI employee of this account");
    }
    s.employees[e->id] = e->name;
    s.filter.employee = *id;
  }
  if (q.channel && !q.channel->empty()) {
    auto channels = repos.finance().Channels(s.account);
    channels.emplace_back(core::kPlaygroundSource);
    if (std::find(channels.begin(), channels.end(), *q.channel) == channels.end()) {
      return Error::Validation("channel", "is not a channel of this account's chats");
    }
    s.filter.channel = *q.channel;
  }
  if (q.model && !q.model->empty()) {
    if (!models_.Find(*q.model)) return Error::Validation("model", "is not a model of the catalog");
    s.filter.model = *q.model;
  }
  return s;
}

FinanceSummary FinanceService::SummaryOf(core::Repositories& repos, core::AccountId account) {
  FinanceSummary out;
  core::FinanceRepository& finance = repos.finance();
  out.account_id = account;
  out.settings = finance.Settings(account);
  const auto* zone = ZoneNamed(out.settings.time_zone);
  out.time_zone = core::support::FindTimeZone(out.settings.time_zone) ? out.settings.time_zone
                                                                      : std::string(kDefaultZone);
  const core::Time now = clock_.Now();
  const core::LocalDay today = core::LocalDayOf(zone, now);
  const core::LocalDay month = core::MonthFirstDay(today);
  const core::LocalDay previous = core::PreviousMonthFirstDay(today);
  const auto figures = [&](core::LocalDay first, core::LocalDay last) {
    MonthFigures f;
    f.from = core::FormatLocalDay(first);
    f.to = core::FormatLocalDay(last);
    core::UsageFilter filter;
    filter.account = account;
    filter.from = core::DayStart(zone, first);
    filter.to = core::DayStart(zone, last + 1);
    f.usage = finance.UsageTotal(filter);
    return f;
  };
  out.this_month = figures(month, today);
  out.last_month = figures(previous, month - 1);
  out.balance_minor = repos.ledger().Balance(account);
  const core::Time month_start = core::DayStart(zone, month);
  const core::Time month_end = core::DayStart(zone, core::MonthFirstDay(month + 31));
  out.spent_last_7_days_minor =
      finance.Spent(account, 0, core::HourStart(now - std::chrono::days(kForecastWindowDays)),
                    now + std::chrono::hours(1));
  out.forecast_days =
      core::ForecastDays(out.balance_minor, out.spent_last_7_days_minor, kForecastWindowDays);
  std::map<core::EmployeeId, std::string> names;
  for (const auto& e : repos.employees().List(account, core::MonthStart(now))) names[e.id] = e.name;
  if (out.balance_minor <= 0) out.stopped.push_back({std::nullopt, "balance"});
  for (const auto& c : finance.Caps(account)) {
    CapView v;
    if (c.employee) {
      v.employee_id = c.employee;
      v.employee_name = names.count(c.employee) ? names[c.employee] : "";
    }
    v.monthly_cap_minor = c.monthly_cap_minor;
    v.spent_this_month_minor = finance.Spent(account, c.employee, month_start, month_end);
    v.reached = v.spent_this_month_minor >= c.monthly_cap_minor;
    if (v.reached) {
      out.stopped.push_back({v.employee_id, c.employee ? "employee_cap" : "account_cap"});
    }
    out.caps.push_back(std::move(v));
  }
  out.unread_notifications = finance.UnreadNotifications(account);
  return out;
}

Result<FinanceSummary> FinanceService::Summary(const core::Principal& who, const FinanceQuery& q) {
  return core::ReadValue<FinanceSummary>(store_,
                                         [&](core::Repositories& repos) -> Result<FinanceSummary> {
                                           auto s = Resolve(repos, who, q, false);
                                           if (!s) return std::move(s).error();
                                           return SummaryOf(repos, s->account);
                                         });
}

Result<UsageReport> FinanceService::Usage(const core::Principal& who, const FinanceQuery& q) {
  const auto dimension = DimensionOf(q.group_by.value_or("employee"));
  if (!dimension) return Error::Validation("group_by", "must be employee, channel or model");
  return core::ReadValue<
      UsageReport>(store_, [&](core::Repositories& repos) -> Result<UsageReport> {
    auto s = Resolve(repos, who, q, true);
    if (!s) return std::move(s).error();
    UsageReport r;
    r.period = {core::FormatLocalDay(s->from), core::FormatLocalDay(s->to), s->settings.time_zone};
    r.group_by = q.group_by.value_or("employee");
    for (core::LocalDay d = s->from; d <= s->to; ++d) r.days.push_back(core::FormatLocalDay(d));
    // One query per UTC offset of the zone over the period (one for Moscow).
    std::map<std::pair<core::LocalDay, std::string>, core::UsageRow> merged;
    for (const auto& span : core::OffsetSpans(s->zone, s->filter.from, s->filter.to)) {
      core::UsageFilter f = s->filter;
      f.from = span.begin;
      f.to = span.end;
      for (auto& row : repos.finance().Usage(f, *dimension, span.offset_us)) {
        core::UsageRow& m = merged[{row.day, row.key}];
        m.day = row.day;
        m.key = row.key;
        m.replies += row.replies;
        m.ai_words += row.ai_words;
        m.client_words += row.client_words;
        m.cost_minor += row.cost_minor;
      }
    }
    std::set<std::string> keys;
    for (auto& [_, row] : merged) {
      r.totals.replies += row.replies;
      r.totals.ai_words += row.ai_words;
      r.totals.client_words += row.client_words;
      r.totals.cost_minor += row.cost_minor;
      keys.insert(row.key);
      r.rows.push_back(std::move(row));
    }
    for (const auto& k : keys) {
      std::string label = k;
      if (*dimension == core::UsageDimension::kEmployee) {
        const auto id = core::ParseId(k);
        label = id && s->employees.count(*id) ? s->employees[*id] : "Employee #" + k;
      } else if (*dimension == core::UsageDimension::kModel) {
        const core::Model* m = models_.Find(k);
        label = k.empty() ? "Client words" : m ? m->name : k;
      }
      r.keys.push_back({k, label});
    }
    std::sort(r.keys.begin(), r.keys.end(),
              [](const UsageKey& a, const UsageKey& b) { return a.label < b.label; });
    return r;
  });
}

Result<FinanceLedgerPage> FinanceService::Ledger(const core::Principal& who,
                                                 const FinanceQuery& q) {
  auto limit = core::ParsePageLimit(q.limit);
  if (!limit) return std::move(limit).error();
  std::optional<core::LedgerKind> kind;
  if (q.kind && !q.kind->empty()) {
    if (*q.kind == "charge") {
      kind = core::LedgerKind::kCharge;
    } else if (*q.kind == "top_up") {
      kind = core::LedgerKind::kTopUp;
    } else {
      return Error::Validation("kind", "must be charge or top_up");
    }
  }
  core::LedgerEntryId before = 0;
  if (q.cursor && !q.cursor->empty()) {
    const auto v = core::ParseId(*q.cursor);
    if (!v || *v <= 0) return Error::Validation("cursor", "is not a cursor from this list");
    before = *v;
  }
  return core::ReadValue<FinanceLedgerPage>(
      store_, [&](core::Repositories& repos) -> Result<FinanceLedgerPage> {
        // Without from/to the ledger is the account's whole history.
        auto s = Resolve(repos, who, q, true);
        if (!s) return std::move(s).error();
        core::LedgerFilter f;
        f.account = s->account;
        f.kind = kind;
        f.employee = s->filter.employee;
        f.channel = s->filter.channel;
        if (q.from) f.from = s->filter.from;
        if (q.to) f.to = s->filter.to;
        f.before_id = before;
        f.limit = core::FetchCount(*limit);
        FinanceLedgerPage page;
        page.items = repos.finance().Ledger(f);
        page.next_cursor = core::TakePage(
            page.items, *limit, [](const core::LedgerEntry& e) { return std::to_string(e.id); });
        for (const auto& e : page.items) {
          if (e.chat_id && !page.channels.count(*e.chat_id)) {
            if (auto chat = repos.chats().Find(*e.chat_id)) page.channels[chat->id] = chat->source;
          }
          if (e.employee_id && s->employees.count(*e.employee_id)) {
            page.employee_names[*e.employee_id] = s->employees[*e.employee_id];
          }
        }
        return page;
      });
}

Result<TopChatsView> FinanceService::TopChats(const core::Principal& who, const FinanceQuery& q) {
  return core::ReadValue<
      TopChatsView>(store_, [&](core::Repositories& repos) -> Result<TopChatsView> {
    auto s = Resolve(repos, who, q, true);
    if (!s) return std::move(s).error();
    TopChatsView v;
    v.period = {core::FormatLocalDay(s->from), core::FormatLocalDay(s->to), s->settings.time_zone};
    v.items = repos.finance().TopChats(s->filter, kTopChatsLimit);
    return v;
  });
}

Result<std::string> FinanceService::LedgerCsv(const core::Principal& who, const FinanceQuery& q) {
  std::string out =
      "id,created_at,kind,amount_rub,amount_kopecks,words,model,employee_id,employee,channel,"
      "chat_id,message_id,note\r\n";
  FinanceQuery page_query = q;
  page_query.limit = std::to_string(100);
  int rows = 0;
  for (;;) {
    auto page = Ledger(who, page_query);
    if (!page) return std::move(page).error();
    for (const auto& e : page->items) {
      const auto id = [](const std::optional<std::int64_t>& v) {
        return v ? std::to_string(*v) : std::string();
      };
      out += std::to_string(e.id) + ',' + core::FormatRfc3339(e.created_at) + ',' +
             std::string(core::ToString(e.kind)) + ',' + MoneyCells(e.amount_minor) + ',' +
             std::to_string(e.words) + ',';
      core::AppendCsvText(out, e.model.value_or(""));
      out += ',' + id(e.employee_id) + ',';
      core::AppendCsvText(out, e.employee_id && page->employee_names.count(*e.employee_id)
                                   ? page->employee_names.at(*e.employee_id)
                                   : "");
      out += ',';
      core::AppendCsvText(
          out, e.chat_id && page->channels.count(*e.chat_id) ? page->channels.at(*e.chat_id) : "");
      out += ',' + id(e.chat_id) + ',' + id(e.message_id) + ',';
      core::AppendCsvText(out, e.note);
      out += "\r\n";
    }
    rows += static_cast<int>(page->items.size());
    if (!page->next_cursor || rows >= kMaxCsvRows) break;
    page_query.cursor = page->next_cursor;
  }
  return out;
}

Result<std::string> FinanceService::UsageCsv(const core::Principal& who, const FinanceQuery& q) {
  auto r = Usage(who, q);
  if (!r) return std::move(r).error();
  std::map<std::string, std::string> labels;
  for (const auto& k : r->keys) labels[k.key] = k.label;
  std::string out = "day," + r->group_by + "," + r->group_by +
                    "_name,replies,ai_words,client_words,cost_rub,cost_kopecks\r\n";
  for (const auto& row : r->rows) {
    out += core::FormatLocalDay(row.day) + ',';
    core::AppendCsvText(out, row.key);
    out += ',';
    core::AppendCsvText(out, labels[row.key]);
    out += ',' + std::to_string(row.replies) + ',' + std::to_string(row.ai_words) + ',' +
           std::to_string(row.client_words) + ',' + MoneyCells(row.cost_minor) + "\r\n";
  }
  return out;
}

Result<FinanceSummary> FinanceService::SetCap(const core::Principal& who, std::string_view scope,
                                              std::optional<std::int64_t> cap) {
  auto account = OwnAccount(who);
  if (!account) return std::move(account).error();
  core::EmployeeId employee = 0;
  if (scope != "account") {
    const auto id = core::ParseId(scope);
    if (!id || *id <= 0) return Error::Validation("employee_id", "is not an AI employee");
    employee = *id;
  }
  if (cap && !core::ValidCap(*cap)) {
    return Error::Validation("monthly_cap_minor",
                             "must be an integer from 1 to 100000000000 kopecks");
  }
  const core::Time now = clock_.Now();
  return core::WriteValue<FinanceSummary>(
      store_, [&](core::Repositories& repos) -> Result<FinanceSummary> {
        if (employee) {
          const auto e = repos.employees().Find(employee, core::MonthStart(now));
          if (!e || e->account_id != *account || e->deleted_at) {
            return Error::NotFound("AI employee " + std::to_string(employee) + " was not found.");
          }
        }
        core::audit::Details details{{"scope", employee ? std::to_string(employee) : "account"}};
        if (cap) {
          repos.finance().SaveCap({*account, employee, *cap, now});
          details["monthly_cap_minor"] = std::to_string(*cap);
          RecordAudit(repos, who.user, core::audit::kSpendingCapUpdated, {.account_id = *account},
                      details, now);
        } else if (repos.finance().DeleteCap(*account, employee)) {
          RecordAudit(repos, who.user, core::audit::kSpendingCapRemoved, {.account_id = *account},
                      details, now);
        }
        return SummaryOf(repos, *account);
      });
}

Result<FinanceSummary> FinanceService::SaveSettings(const core::Principal& who,
                                                    const core::FinanceSettings& settings) {
  auto account = OwnAccount(who);
  if (!account) return std::move(account).error();
  if (auto s = core::ValidateTimeZone("time_zone", settings.time_zone); !s) {
    return std::move(s).error();
  }
  if (settings.low_balance_minor &&
      (*settings.low_balance_minor < 1 || *settings.low_balance_minor > kMaxLowBalanceMinor)) {
    return Error::Validation("low_balance_minor", "must be an integer from 1 to 1000000000");
  }
  if (settings.low_balance_days &&
      (*settings.low_balance_days < 1 || *settings.low_balance_days > kMaxLowBalanceDays)) {
    return Error::Validation("low_balance_days", "must be an integer from 1 to 365");
  }
  const core::Time now = clock_.Now();
  return core::WriteValue<FinanceSummary>(store_,
                                          [&](core::Repositories& repos) -> Result<FinanceSummary> {
                                            repos.finance().SaveSettings(*account, settings, now);
                                            return SummaryOf(repos, *account);
                                          });
}

Result<NotificationPage> FinanceService::Notifications(const core::Principal& who,
                                                       const FinanceQuery& q) {
  auto limit = core::ParsePageLimit(q.limit);
  if (!limit) return std::move(limit).error();
  std::int64_t before = 0;
  if (q.cursor && !q.cursor->empty()) {
    const auto v = core::ParseId(*q.cursor);
    if (!v || *v <= 0) return Error::Validation("cursor", "is not a cursor from this list");
    before = *v;
  }
  return core::ReadValue<NotificationPage>(
      store_, [&](core::Repositories& repos) -> Result<NotificationPage> {
        auto s = Resolve(repos, who, q, false);
        if (!s) return std::move(s).error();
        NotificationPage page;
        page.items = repos.finance().Notifications(s->account, before, core::FetchCount(*limit));
        page.next_cursor = core::TakePage(
            page.items, *limit, [](const core::Notification& n) { return std::to_string(n.id); });
        page.employee_names = s->employees;
        page.unread = repos.finance().UnreadNotifications(s->account);
        return page;
      });
}

Result<int> FinanceService::MarkNotificationsRead(const core::Principal& who,
                                                  std::int64_t up_to_id) {
  auto account = OwnAccount(who);
  if (!account) return std::move(account).error();
  const core::Time now = clock_.Now();
  return core::WriteValue<int>(store_, [&](core::Repositories& repos) -> Result<int> {
    repos.finance().MarkNotificationsRead(*account, up_to_id, now);
    return repos.finance().UnreadNotifications(*account);
  });
}

}  // namespace textura::services
