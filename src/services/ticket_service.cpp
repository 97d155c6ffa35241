#include "services/ticket_service.h"

#include <algorithm>
#include <span>

#include "core/numbers.h"
#include "core/page.h"
#include "core/support/console.h"
#include "core/validation.h"
#include "services/access.h"
#include "services/assignment_service.h"
#include "services/attachment_service.h"
#include "services/audit_service.h"

namespace textura::services {

using core::Error;
using core::ErrorCode;
using core::Result;
using core::Status;
using core::support::Side;

namespace {

constexpr std::size_t kMaxSearchLength = 200;

std::string EncodeCursor(const core::support::Ticket& t) {
  return std::to_string(core::ToMicros(t.last_message_at)) + "_" + std::to_string(t.id);
}

Result<core::TicketCursor> DecodeCursor(std::string_view text) {
  const auto bad = [] { return Error::Validation("cursor", "is not a cursor from this list"); };
  const auto sep = text.find('_');
  if (sep == std::string_view::npos) return bad();
  const auto at = core::ParseInt64(text.substr(0, sep));
  const auto id = core::ParseInt64(text.substr(sep + 1));
  if (!at || !id || *id < 0) return bad();
  return core::TicketCursor{core::FromMicros(*at), *id};
}

// The ids as given, without repeats; at most kMaxAttachmentsPerMessage.
Result<std::vector<core::AttachmentId>> CleanAttachmentIds(const std::vector<std::int64_t>& ids) {
  std::vector<core::AttachmentId> out;
  for (std::int64_t id : ids) {
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  if (out.size() > core::kMaxAttachmentsPerMessage) {
    return Error::Validation("attachment_ids", "at most 10 attachments per message");
  }
  return out;
}

Error AttachmentNotFound(core::AttachmentId id) {
  return Error::Validation("attachment_ids", "attachment " + std::to_string(id) +
                                                 " was not found among your unused uploads");
}

// Gives the writer's unused uploads to the message. Another account's upload, an
// unknown id or one already in a message fails the whole write (it is rolled back).
Status AttachUploads(core::Repositories& repos, const core::Principal& who,
                     std::span<const core::AttachmentId> ids, core::TicketId ticket,
                     core::MessageId message) {
  if (ids.empty()) return core::OkStatus();
  for (core::AttachmentId id : ids) {
    const auto a = repos.attachments().Find(id);
    if (!a || a->used() || !OwnsUpload(who, *a)) return AttachmentNotFound(id);
  }
  const int attached =
      repos.attachments().AttachToMessage(ids, UploadOwnerOf(who), ticket, message);
  if (attached != static_cast<int>(ids.size())) return AttachmentNotFound(ids.front());
  return core::OkStatus();
}

core::support::Attachments AttachmentsGiven(std::span<const core::AttachmentId> ids) {
  return ids.empty() ? core::support::Attachments::kNone : core::support::Attachments::kSome;
}

}  // namespace

namespace {

// A history entry by `actor` now, without details.
core::support::HistoryEntry Happened(core::TicketId ticket, core::support::HistoryKind kind,
                                     core::UserId actor, core::Time at) {
  core::support::HistoryEntry h;
  h.ticket_id = ticket;
  h.kind = kind;
  h.actor_id = actor;
  h.created_at = at;
  return h;
}

}  // namespace

TicketService::TicketService(core::Store& store, const core::Clock& clock, core::EventSink& events,
                             core::support::BusinessCalendar calendar)
    : store_(store),
      clock_(clock),
      events_(events),
      calendar_(std::move(calendar)),
      default_policy_(std::make_shared<const core::support::SlaPolicy>(
          core::support::DefaultSlaPolicy(calendar_))) {}

std::shared_ptr<const core::support::SlaPolicy> TicketService::policy() const {
  return policy_source_ ? policy_source_() : default_policy_;
}

MessageView TicketService::ViewOf(core::Repositories& repos, const core::Principal& who,
                                  core::support::SupportMessage message) {
  std::vector<core::support::SupportMessage> one;
  one.push_back(std::move(message));
  return std::move(ViewsOf(repos, who, std::move(one)).front());
}

std::vector<MessageView> TicketService::ViewsOf(
    core::Repositories& repos, const core::Principal& who,
    std::vector<core::support::SupportMessage> messages) {
  std::optional<core::AccountId> scope;
  if (!IsTeam(who) && who.account) scope = who.account->id;
  std::vector<core::MessageId> ids;
  ids.reserve(messages.size());
  for (const auto& m : messages) ids.push_back(m.id);
  // One query for the attachments of the whole page, ordered by message.
  auto attachments = repos.attachments().ForMessages(ids);
  auto next = attachments.begin();
  std::vector<MessageView> out;
  out.reserve(messages.size());
  for (auto& m : messages) {
    MessageView v;
    const auto refs = core::support::ExtractTicketRefs(m.body);
    if (!refs.empty()) v.references = repos.tickets().Existing(refs, scope);
    while (next != attachments.end() && next->message_id < m.id) ++next;
    while (next != attachments.end() && next->message_id == m.id) {
      v.attachments.push_back(std::move(*next));
      ++next;
    }
    v.message = std::move(m);
    out.push_back(std::move(v));
  }
  return out;
}

Result<CreatedTicket> TicketService::Create(const core::Principal& who, const NewTicketInput& in) {
  if (auto s = Require(who, Capability::kAccountMember); !s) return std::move(s).error();
  auto title = core::support::CleanTitle(in.title);
  if (!title) return std::move(title).error();
  const auto category = core::support::ParseRequestType(in.category);
  if (!category) {
    return Error::Validation("category", "must be one of critical, question, feature_request");
  }
  auto attachment_ids = CleanAttachmentIds(in.attachment_ids);
  if (!attachment_ids) return std::move(attachment_ids).error();
  auto body = core::support::CleanBody(in.body, AttachmentsGiven(*attachment_ids));
  if (!body) return std::move(body).error();
  std::optional<std::string> chat_url;
  if (in.chat_url && !in.chat_url->empty()) {
    auto cleaned = core::support::CleanChatUrl(*in.chat_url);
    if (!cleaned) return std::move(cleaned).error();
    chat_url = std::move(*cleaned);
  }

  const core::Time now = clock_.Now();
  const auto policy = this->policy();
  auto created = core::WriteValue<CreatedTicket>(
      store_, [&](core::Repositories& repos) -> Result<CreatedTicket> {
        if (in.follow_up_of) {
          auto old = repos.tickets().Find(*in.follow_up_of);
          if (!old || !CanSeeAccount(who, old->account_id)) {
            return Error::Validation(
                "follow_up_of", "ticket #" + std::to_string(*in.follow_up_of) + " was not found");
          }
        }
        if (in.employee_id) {
          // An employee of the caller's account (deleted ones too: the ticket may be
          // about what it did).
          auto e = repos.employees().Find(*in.employee_id, core::MonthStart(now));
          if (!e || e->account_id != who.account->id) {
            return Error::Validation(
                "employee_id", "AI employee " + std::to_string(*in.employee_id) + " was not found");
          }
        }
        core::support::Ticket t;
        t.account_id = who.account->id;
        t.employee_id = in.employee_id;
        t.created_by = who.user.id;
        t.title = *title;
        t.category = *category;
        t.chat_url = chat_url;
        t.follow_up_of = in.follow_up_of;
        t.created_at = now;
        core::support::ApplyMessage(t, Side::kCustomer, now, *policy);
        t = repos.tickets().Insert(std::move(t));
        core::support::SupportMessage m;
        m.ticket_id = t.id;
        m.author_id = who.user.id;
        m.author_name = who.user.name;
        m.side = Side::kCustomer;
        m.body = *body;
        m.created_at = now;
        m = repos.tickets().InsertMessage(std::move(m));
        if (auto s = AttachUploads(repos, who, *attachment_ids, t.id, m.id); !s) {
          return std::move(s).error();
        }
        repos.tickets().MarkRead(who.user.id, t);
        repos.console().InsertHistory(
            Happened(t.id, core::support::HistoryKind::kCreated, who.user.id, now));
        AutoAssignNew(repos, who.user, t.id, t.account_id, now);
        CreatedTicket out;
        out.ticket = core::TicketView{std::move(t), who.account->name, 0, {}, {}, 0};
        out.message = ViewOf(repos, who, std::move(m));
        return out;
      });
  if (created) {
    events_.TicketChanged({core::TicketEvent::Kind::kMessageCreated, created->ticket.ticket.id,
                           created->ticket.ticket.account_id, created->message.message.id,
                           who.user.id});
  }
  return created;
}

Result<TicketPage> TicketService::List(const core::Principal& who, const ListTicketsInput& in) {
  core::TicketQuery q;
  const bool staff = IsTeam(who);
  auto scope = AccountScope(who);
  if (!scope) return std::move(scope).error();
  q.account_id = *scope;
  if (in.status && *in.status != "all") {
    q.status = core::support::ParseTicketStatus(*in.status);
    if (!q.status) return Error::Validation("status", "must be one of all, on_customer, done");
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
  // Staff-only filters; a customer naming them gets a clear answer, not a silent no-op.
  const auto staff_only = [&](const char* field) {
    return Error::Validation(field, "is a filter of the support team's queue");
  };
  if (in.account_id) {
    if (!staff) return staff_only("account_id");
    const auto id = core::ParseInt64(*in.account_id);
    if (!id) return Error::Validation("account_id", "must be an integer");
    q.account_id = *id;
  }
  if (in.awaiting) {
    if (!staff) return staff_only("awaiting");
    q.awaiting = core::support::ParseSide(*in.awaiting);
    if (!q.awaiting) return Error::Validation("awaiting", "must be team or customer");
  }
  if (in.category) {
    if (!staff) return staff_only("category");
    q.category = core::support::ParseRequestType(*in.category);
    if (!q.category) {
      return Error::Validation("category", "must be one of critical, question, feature_request");
    }
  }
  auto rows = core::ReadValue<std::vector<core::TicketView>>(
      store_, [&](core::Repositories& repos) -> Result<std::vector<core::TicketView>> {
        return repos.tickets().List(q, who.user.id, SideOf(who));
      });
  if (!rows) return std::move(rows).error();
  TicketPage page;
  page.items = std::move(*rows);
  page.next_cursor = core::TakePage(
      page.items, q.limit, [](const core::TicketView& v) { return EncodeCursor(v.ticket); });
  return page;
}

Result<TicketSummary> TicketService::Summary(const core::Principal& who) {
  auto account_scope = AccountScope(who);
  if (!account_scope) return std::move(account_scope).error();
  const std::optional<core::AccountId> scope = *account_scope;
  return core::ReadValue<TicketSummary>(
      store_, [&](core::Repositories& repos) -> Result<TicketSummary> {
        TicketSummary s;
        s.unread_total = repos.tickets().UnreadTotal(who.user.id, SideOf(who), scope);
        s.counts = repos.tickets().Counts(scope);
        return s;
      });
}

Result<core::TicketView> TicketService::Get(const core::Principal& who, core::TicketId id) {
  return core::ReadValue<core::TicketView>(
      store_, [&](core::Repositories& repos) -> Result<core::TicketView> {
        return FindVisibleTicketView(repos, who, id);
      });
}

Result<MessagePage> TicketService::Messages(const core::Principal& who, core::TicketId id,
                                            const std::optional<std::string>& after_id,
                                            const std::optional<std::string>& limit_text) {
  auto limit = core::ParsePageLimit(limit_text);
  if (!limit) return std::move(limit).error();
  core::MessageId after = 0;
  if (after_id && !after_id->empty()) {
    const auto v = core::ParseInt64(*after_id);
    if (!v || *v < 0) return Error::Validation("after_id", "must be a message id");
    after = *v;
  }
  return core::ReadValue<MessagePage>(
      store_, [&](core::Repositories& repos) -> Result<MessagePage> {
        if (auto t = FindVisibleTicket(repos, who, id); !t) return std::move(t).error();
        auto rows = repos.tickets().Messages(id, after, core::FetchCount(*limit));
        MessagePage page;
        page.next_cursor = core::TakePage(rows, *limit, [](const core::support::SupportMessage& m) {
          return std::to_string(m.id);
        });
        page.items = ViewsOf(repos, who, std::move(rows));
        return page;
      });
}

Result<MessageView> TicketService::Post(const core::Principal& who, core::TicketId id,
                                        const PostMessageInput& in) {
  auto attachment_ids = CleanAttachmentIds(in.attachment_ids);
  if (!attachment_ids) return std::move(attachment_ids).error();
  auto body = core::support::CleanBody(in.body, AttachmentsGiven(*attachment_ids));
  if (!body) return std::move(body).error();
  const core::Time now = clock_.Now();
  const auto policy = this->policy();
  core::AccountId account = 0;
  auto posted =
      core::WriteValue<MessageView>(store_, [&](core::Repositories& repos) -> Result<MessageView> {
        // Read inside the write: concurrent posts to one ticket see each other's counts.
        auto t = FindVisibleTicket(repos, who, id);
        if (!t) return std::move(t).error();
        if (auto s = core::support::CheckOpen(*t); !s) return std::move(s).error();
        const Side side = SideOf(who);
        core::support::ApplyMessage(*t, side, now, *policy);
        repos.tickets().Update(*t);
        core::support::SupportMessage m;
        m.ticket_id = id;
        m.author_id = who.user.id;
        m.author_name = who.user.name;
        m.side = side;
        m.body = *body;
        m.created_at = now;
        m = repos.tickets().InsertMessage(std::move(m));
        if (auto s = AttachUploads(repos, who, *attachment_ids, id, m.id); !s) {
          return std::move(s).error();
        }
        // Whoever writes in a ticket has read it.
        repos.tickets().MarkRead(who.user.id, *t);
        account = t->account_id;
        return ViewOf(repos, who, std::move(m));
      });
  if (posted) {
    events_.TicketChanged(
        {core::TicketEvent::Kind::kMessageCreated, id, account, posted->message.id, who.user.id});
  }
  return posted;
}

Result<int> TicketService::MarkRead(const core::Principal& who, core::TicketId id) {
  core::AccountId account = 0;
  Status s = store_.Write([&](core::Repositories& repos) -> Status {
    auto t = FindVisibleTicket(repos, who, id);
    if (!t) return std::move(t).error();
    repos.tickets().MarkRead(who.user.id, *t);
    account = t->account_id;
    return core::OkStatus();
  });
  if (!s) return std::move(s).error();
  events_.TicketChanged({core::TicketEvent::Kind::kRead, id, account, std::nullopt, who.user.id});
  return 0;
}

Result<core::TicketView> TicketService::Close(const core::Principal& who, core::TicketId id) {
  const core::Time now = clock_.Now();
  bool changed = false;
  auto closed = core::WriteValue<core::TicketView>(
      store_, [&](core::Repositories& repos) -> Result<core::TicketView> {
        auto t = FindVisibleTicket(repos, who, id);
        if (!t) return std::move(t).error();
        if (t->status != core::support::TicketStatus::kDone) {
          core::support::Close(*t, now);
          repos.tickets().Update(*t);
          repos.console().InsertHistory(
              Happened(id, core::support::HistoryKind::kClosed, who.user.id, now));
          changed = true;
          if (IsTeam(who)) {
            RecordAudit(repos, who.user, core::audit::kTicketClosed,
                        {.ticket_id = id, .account_id = t->account_id}, {{"title", t->title}}, now);
          }
        }
        return *repos.tickets().View(id, who.user.id, SideOf(who));
      });
  if (closed && changed) {
    events_.TicketChanged({core::TicketEvent::Kind::kUpdated, id, closed->ticket.account_id,
                           std::nullopt, who.user.id});
  }
  return closed;
}

std::optional<core::support::SlaSnapshot> TicketService::SlaNow(
    const core::support::Ticket& ticket) const {
  return core::support::SnapshotSla(*policy(), ticket, clock_.Now());
}

Result<MessageView> TicketService::GetMessage(const core::Principal& who, core::TicketId ticket,
                                              core::MessageId id) {
  return core::ReadValue<MessageView>(
      store_, [&](core::Repositories& repos) -> Result<MessageView> {
        auto m = repos.tickets().FindMessage(id);
        auto t = repos.tickets().Find(ticket);
        if (!m || !t || m->ticket_id != ticket || !CanSeeAccount(who, t->account_id)) {
          return Error::NotFound("Message not found.");
        }
        return ViewOf(repos, who, std::move(*m));
      });
}

}  // namespace textura::services
