#include "services/access.h"

#include <string>

namespace textura::services {

namespace {

bool IsUser(const core::Principal& who) {
  return who.kind == core::PrincipalKind::kUser;
}

bool IsCustomer(const core::Principal& who) {
  return IsUser(who) && !core::IsStaff(who.user.role) && who.account.has_value();
}

// The one message per capability a refused caller reads.
std::string_view RefusalOf(Capability need) {
  switch (need) {
    case Capability::kPublic:
    case Capability::kSignedIn:
      return "Sign in to continue.";
    case Capability::kAccountMember:
      return "Only the account's own users may do this.";
    case Capability::kStaff:
      return "This is for the support team.";
    case Capability::kAdmin:
      return "Only administrators may do this.";
  }
  return "Not allowed.";
}

}  // namespace

bool IsTeam(const core::Principal& who) {
  return IsUser(who) && core::IsStaff(who.user.role);
}

// API keys, visitors and channel users get nothing beyond kPublic until their
// features say what they may do (issues 11, 12, 15): add their cases here.
bool Has(const core::Principal& who, Capability need) {
  switch (need) {
    case Capability::kPublic:
      return true;
    case Capability::kSignedIn:
      return IsUser(who);
    case Capability::kAccountMember:
      return IsCustomer(who);
    case Capability::kStaff:
      return IsTeam(who);
    case Capability::kAdmin:
      return IsUser(who) && who.user.role == core::Role::kAdmin;
  }
  return false;
}

core::Status Require(const core::Principal& who, Capability need) {
  if (Has(who, need)) return core::OkStatus();
  if (who.kind == core::PrincipalKind::kAnonymous) {
    return core::Error::Unauthenticated(std::string(RefusalOf(Capability::kSignedIn)));
  }
  return core::Error::Forbidden(std::string(RefusalOf(need)));
}

core::Result<core::AccountId> OwnAccount(const core::Principal& who) {
  if (auto s = Require(who, Capability::kAccountMember); !s) return std::move(s).error();
  return who.account->id;
}

core::Result<std::optional<core::AccountId>> AccountScope(const core::Principal& who) {
  if (IsTeam(who)) return std::optional<core::AccountId>();
  if (!who.account) return core::Error::NotFound("No account.");
  return std::optional<core::AccountId>(who.account->id);
}

bool CanSeeAccount(const core::Principal& who, core::AccountId account) {
  if (IsTeam(who)) return true;
  return IsUser(who) && who.account && who.account->id == account;
}

core::support::Side SideOf(const core::Principal& who) {
  return IsTeam(who) ? core::support::Side::kTeam : core::support::Side::kCustomer;
}

core::UploadOwner UploadOwnerOf(const core::Principal& who) {
  core::UploadOwner owner;
  if (!IsTeam(who) && who.account) owner.account_id = who.account->id;
  owner.uploader_id = who.user.id;
  return owner;
}

bool OwnsUpload(const core::Principal& who, const core::Attachment& attachment) {
  const core::UploadOwner owner = UploadOwnerOf(who);
  if (attachment.account_id != owner.account_id) return false;
  return attachment.account_id || attachment.uploader_id == owner.uploader_id;
}

core::Error TicketNotFound(core::TicketId id) {
  return core::Error::NotFound("Ticket #" + std::to_string(id) + " was not found.");
}

core::Result<core::support::Ticket> FindVisibleTicket(core::Repositories& repos,
                                                      const core::Principal& who,
                                                      core::TicketId id) {
  auto t = repos.tickets().Find(id);
  if (!t || !CanSeeAccount(who, t->account_id)) return TicketNotFound(id);
  return std::move(*t);
}

core::Result<core::TicketView> FindVisibleTicketView(core::Repositories& repos,
                                                     const core::Principal& who,
                                                     core::TicketId id) {
  auto v = repos.tickets().View(id, who.user.id, SideOf(who));
  if (!v || !CanSeeAccount(who, v->ticket.account_id)) return TicketNotFound(id);
  return std::move(*v);
}

bool InAudience(const core::Principal& who, const core::TicketEvent& event) {
  if (event.kind == core::TicketEvent::Kind::kRead && who.user.id != event.actor) return false;
  if (!CanSeeAccount(who, event.account_id)) return false;
  // Notes, presence, assignment and breaches are the team's business alone.
  return !event.StaffOnly() || IsTeam(who);
}

bool InAudience(const core::Principal& who, const core::ChatEvent& event) {
  return IsCustomer(who) && who.account->id == event.account_id;
}

bool InAudience(const core::Principal& who, const core::ReplyDelta& delta) {
  return IsCustomer(who) && who.account->id == delta.account_id;
}

}  // namespace textura::services
