#include "services/canned_reply_service.h"

#include "core/numbers.h"
#include "services/access.h"

namespace textura::services {

using core::Error;
using core::Result;
using core::support::CannedReply;

namespace {

Error CannedNotFound(core::CannedReplyId id) {
  return Error::NotFound("Canned reply " + std::to_string(id) + " was not found.");
}

bool CanSee(const core::Principal& who, const CannedReply& c) {
  return c.shared || c.owner_id == who.user.id;
}

// Owner or admin may change it; others see shared ones (kForbidden) or nothing.
core::Status CheckCanChange(const core::Principal& who, const CannedReply& c) {
  if (c.owner_id == who.user.id || Has(who, Capability::kAdmin)) return core::OkStatus();
  if (!c.shared) return CannedNotFound(c.id);
  return Error::Forbidden("Only its owner may change a shared canned reply.");
}

// Applies the given members of `in` to `c`, validating each.
core::Status Apply(const CannedInput& in, CannedReply& c) {
  if (in.title) {
    auto v = core::support::CleanCannedTitle(*in.title);
    if (!v) return std::move(v).error();
    c.title = std::move(*v);
  }
  if (in.body) {
    auto v = core::support::CleanCannedBody(*in.body);
    if (!v) return std::move(v).error();
    c.body = std::move(*v);
  }
  if (in.clear_shortcut) c.shortcut.reset();
  if (in.shortcut) {
    auto v = core::support::CleanShortcut(*in.shortcut);
    if (!v) return std::move(v).error();
    c.shortcut = std::move(*v);
  }
  if (in.shared) c.shared = *in.shared;
  return core::OkStatus();
}

}  // namespace

CannedReplyService::CannedReplyService(core::Store& store, const core::Clock& clock)
    : store_(store), clock_(clock) {}

Result<std::vector<CannedReply>> CannedReplyService::List(const core::Principal& who) {
  if (auto s = Require(who, Capability::kStaff); !s) return std::move(s).error();
  return core::ReadValue<std::vector<CannedReply>>(
      store_, [&](core::Repositories& repos) -> Result<std::vector<CannedReply>> {
        return repos.console().CannedFor(who.user.id);
      });
}

Result<CannedReply> CannedReplyService::Create(const core::Principal& who, const CannedInput& in) {
  if (auto s = Require(who, Capability::kStaff); !s) return std::move(s).error();
  if (!in.title) return Error::Validation("title", "is required");
  if (!in.body) return Error::Validation("body", "is required");
  CannedReply c;
  if (auto s = Apply(in, c); !s) return std::move(s).error();
  c.owner_id = who.user.id;
  c.owner_name = who.user.name;
  c.created_at = c.updated_at = clock_.Now();
  return core::WriteValue<CannedReply>(
      store_, [&](core::Repositories& repos) { return repos.console().InsertCanned(c); });
}

Result<CannedReply> CannedReplyService::Update(const core::Principal& who, core::CannedReplyId id,
                                               const CannedInput& in) {
  if (auto s = Require(who, Capability::kStaff); !s) return std::move(s).error();
  const core::Time now = clock_.Now();
  return core::WriteValue<CannedReply>(store_,
                                       [&](core::Repositories& repos) -> Result<CannedReply> {
                                         auto c = repos.console().FindCanned(id);
                                         if (!c) return CannedNotFound(id);
                                         if (auto s = CheckCanChange(who, *c); !s)
                                           return std::move(s).error();
                                         if (auto s = Apply(in, *c); !s)
                                           return std::move(s).error();
                                         c->updated_at = now;
                                         if (auto s = repos.console().UpdateCanned(*c); !s)
                                           return std::move(s).error();
                                         return std::move(*c);
                                       });
}

core::Status CannedReplyService::Delete(const core::Principal& who, core::CannedReplyId id) {
  if (auto s = Require(who, Capability::kStaff); !s) return s;
  return store_.Write([&](core::Repositories& repos) -> core::Status {
    auto c = repos.console().FindCanned(id);
    if (!c) return CannedNotFound(id);
    if (auto s = CheckCanChange(who, *c); !s) return s;
    repos.console().DeleteCanned(id);
    return core::OkStatus();
  });
}

Result<std::string> CannedReplyService::Render(const core::Principal& who, core::CannedReplyId id,
                                               core::TicketId ticket) {
  if (auto s = Require(who, Capability::kStaff); !s) return std::move(s).error();
  return core::ReadValue<std::string>(
      store_, [&](core::Repositories& repos) -> Result<std::string> {
        auto c = repos.console().FindCanned(id);
        if (!c || !CanSee(who, *c)) return CannedNotFound(id);
        auto t = repos.tickets().Find(ticket);
        if (!t) {
          return Error::Validation("ticket_id",
                                   "ticket #" + std::to_string(ticket) + " was not found");
        }
        core::support::PlaceholderValues v;
        if (auto customer = repos.users().Find(t->created_by)) v.customer_name = customer->name;
        if (auto account = repos.accounts().Find(t->account_id)) v.account_name = account->name;
        v.ticket_id = t->id;
        v.ticket_title = t->title;
        v.agent_name = who.user.name;
        return core::support::RenderCanned(c->body, v);
      });
}

}  // namespace textura::services
