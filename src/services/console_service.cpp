#include "services/console_service.h"

#include "core/ai/chat.h"
#include "core/numbers.h"
#include "core/page.h"
#include "core/support/console.h"
#include "core/validation.h"
#include "services/access.h"

namespace textura::services {

using core::Error;
using core::Result;

namespace {

constexpr std::size_t kMaxSearchLength = 200;
// Breaches recorded per run at most; the rest wait for the next run.
constexpr int kBreachBatch = 200;

Result<bool> ParseFlag(const std::optional<std::string>& text, const char* field) {
  if (!text || *text == "false") return false;
  if (*text == "true") return true;
  return Error::Validation(field, "must be true or false");
}

// "d<due µs>_<last activity µs>_<id>" inside the due part, "n<…>_<id>" after it.
std::string EncodeCursor(const core::support::Ticket& t) {
  std::string out;
  if (t.reply_due_at) {
    out = "d" + std::to_string(core::ToMicros(*t.reply_due_at)) + "_";
  } else {
    out = "n";
  }
  return out + std::to_string(core::ToMicros(t.last_message_at)) + "_" + std::to_string(t.id);
}

Result<core::QueueCursor> DecodeCursor(std::string_view text) {
  const auto bad = [] { return Error::Validation("cursor", "is not a cursor from this list"); };
  if (text.empty() || (text[0] != 'd' && text[0] != 'n')) return bad();
  const bool due = text[0] == 'd';
  text.remove_prefix(1);
  std::vector<std::int64_t> parts;
  while (true) {
    const auto sep = text.find('_');
    const auto v = core::ParseInt64(text.substr(0, sep));
    if (!v) return bad();
    parts.push_back(*v);
    if (sep == std::string_view::npos) break;
    text.remove_prefix(sep + 1);
  }
  if (parts.size() != (due ? 3u : 2u) || parts.back() < 0) return bad();
  core::QueueCursor c;
  if (due) c.reply_due_at = core::FromMicros(parts[0]);
  c.last_message_at = core::FromMicros(parts[parts.size() - 2]);
  c.id = parts.back();
  return c;
}

}  // namespace

ConsoleService::ConsoleService(core::Store& store, const core::Clock& clock,
                               core::EventSink& events, PolicyFn policy)
    : store_(store), clock_(clock), events_(events), policy_(std::move(policy)) {}

Result<QueuePage> ConsoleService::Queue(const core::Principal& who, const QueueInput& in) {
  if (auto s = Require(who, Capability::kStaff); !s) return std::move(s).error();
  core::QueueQuery q;
  const core::Time now = clock_.Now();
  auto needs_reply = ParseFlag(in.needs_reply, "needs_reply");
  if (!needs_reply) return std::move(needs_reply).error();
  q.needs_reply = *needs_reply;
  auto overdue = ParseFlag(in.overdue, "overdue");
  if (!overdue) return std::move(overdue).error();
  auto due_today = ParseFlag(in.due_today, "due_today");
  if (!due_today) return std::move(due_today).error();
  if (*overdue) {
    q.due_before = now;
  } else if (*due_today) {
    q.due_before = core::support::EndOfLocalDay(policy_()->calendar(), now);
  }
  if (in.category) {
    q.category = core::support::ParseRequestType(*in.category);
    if (!q.category) {
      return Error::Validation("category", "must be one of critical, question, feature_request");
    }
  }
  if (in.status && *in.status != "all") {
    q.status = core::support::ParseTicketStatus(*in.status);
    if (!q.status) return Error::Validation("status", "must be one of all, on_customer, done");
  }
  if (in.account_id) {
    const auto id = core::ParseInt64(*in.account_id);
    if (!id || *id <= 0) return Error::Validation("account_id", "must be an account id");
    q.account_id = *id;
  }
  if (in.assignee_id) {
    if (*in.assignee_id == "me") {
      q.assignee = core::QueueQuery::Assignee::kUser;
      q.assignee_id = who.user.id;
    } else if (*in.assignee_id == "none") {
      q.assignee = core::QueueQuery::Assignee::kNone;
    } else {
      const auto id = core::ParseInt64(*in.assignee_id);
      if (!id || *id <= 0) {
        return Error::Validation("assignee_id", "must be a user id, me or none");
      }
      q.assignee = core::QueueQuery::Assignee::kUser;
      q.assignee_id = *id;
    }
  }
  if (in.q) {
    auto cleaned = core::CleanText("q", *in.q, 0, kMaxSearchLength);
    if (!cleaned) return std::move(cleaned).error();
    q.folded_search = core::support::FoldCase(*cleaned);
  }
  auto limit = core::ParsePageLimit(in.limit);
  if (!limit) return std::move(limit).error();
  q.limit = *limit;
  if (in.cursor && !in.cursor->empty()) {
    auto cursor = DecodeCursor(*in.cursor);
    if (!cursor) return std::move(cursor).error();
    q.after = *cursor;
  }
  auto rows = core::ReadValue<std::vector<core::TicketView>>(
      store_, [&](core::Repositories& repos) -> Result<std::vector<core::TicketView>> {
        return repos.tickets().Queue(q, who.user.id);
      });
  if (!rows) return std::move(rows).error();
  QueuePage page;
  page.items = std::move(*rows);
  page.next_cursor =
      core::TakePage(page.items, q.limit, [](const auto& row) { return EncodeCursor(row.ticket); });
  return page;
}

Result<core::QueueCounts> ConsoleService::Summary(const core::Principal& who) {
  if (auto s = Require(who, Capability::kStaff); !s) return std::move(s).error();
  const core::Time now = clock_.Now();
  const core::Time end_of_today = core::support::EndOfLocalDay(policy_()->calendar(), now);
  return core::ReadValue<core::QueueCounts>(
      store_, [&](core::Repositories& repos) -> Result<core::QueueCounts> {
        return repos.tickets().CountQueue(who.user.id, now, end_of_today);
      });
}

Result<AccountContext> ConsoleService::Account(const core::Principal& who, core::AccountId id) {
  if (auto s = Require(who, Capability::kStaff); !s) return std::move(s).error();
  return core::ReadValue<AccountContext>(
      store_, [&](core::Repositories& repos) -> Result<AccountContext> {
        auto account = repos.accounts().Find(id);
        if (!account) return Error::NotFound("Account " + std::to_string(id) + " was not found.");
        AccountContext out;
        out.account = std::move(*account);
        out.users = repos.console().AccountUsers(id);
        out.tickets = repos.tickets().RecentOfAccount(id, who.user.id, kAccountRecentTickets);
        out.employees = repos.employees().List(id, core::MonthStart(clock_.Now()));
        out.balance_minor = repos.ledger().Balance(id);
        return out;
      });
}

Result<std::vector<core::support::HistoryEntry>> ConsoleService::History(const core::Principal& who,
                                                                         core::TicketId id) {
  if (auto s = Require(who, Capability::kStaff); !s) return std::move(s).error();
  return core::ReadValue<std::vector<core::support::HistoryEntry>>(
      store_, [&](core::Repositories& repos) -> Result<std::vector<core::support::HistoryEntry>> {
        if (!repos.tickets().Find(id)) return TicketNotFound(id);
        return repos.console().History(id, kMaxHistoryListed);
      });
}

int ConsoleService::CheckBreaches() {
  const core::Time now = clock_.Now();
  std::vector<core::DueTicket> recorded;
  const core::Status s = store_.Write([&](core::Repositories& repos) -> core::Status {
    recorded.clear();  // a retried write starts over
    for (const auto& due : repos.console().UnrecordedBreaches(now, kBreachBatch)) {
      core::support::HistoryEntry e;
      e.ticket_id = due.id;
      e.kind = core::support::HistoryKind::kSlaBreached;
      e.details = {{"due_at", core::FormatRfc3339(due.reply_due_at)}};
      e.created_at = now;
      e.breach_due_at = due.reply_due_at;
      // Another instance may have recorded it since we looked: then it is not ours.
      if (repos.console().InsertHistory(std::move(e))) recorded.push_back(due);
    }
    return core::OkStatus();
  });
  if (!s) return 0;
  for (const auto& due : recorded) {
    events_.TicketChanged(
        {core::TicketEvent::Kind::kSlaBreached, due.id, due.account_id, std::nullopt, 0});
  }
  return static_cast<int>(recorded.size());
}

}  // namespace textura::services
