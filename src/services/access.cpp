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

bool IsKey(const core::Principal& who) {
  return who.kind == core::PrincipalKind::kApiKey && who.api_key && who.account.has_value();
}

// A caller acting within its own account: a customer's session or the account's key.
bool ActsForAccount(const core::Principal& who) {
  return IsCustomer(who) || IsKey(who);
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
    case Capability::kAccountOrTeam:
      return "Only the account's own users and the support team may do this.";
    case Capability::kAccountManager:
      return "Only the account's owner or admins may do this, signed in (not with an API key).";
  }
  return "Not allowed.";
}

}  // namespace

bool IsTeam(const core::Principal& who) {
  return IsUser(who) && core::IsStaff(who.user.role);
}

// Visitors and channel users get nothing beyond kPublic until their features say what
// they may do (issues 11, 12): add their cases here.
bool Has(const core::Principal& who, Capability need) {
  switch (need) {
    case Capability::kPublic:
      return true;
    case Capability::kSignedIn:
      return IsUser(who);
    case Capability::kAccountMember:
      return ActsForAccount(who);
    case Capability::kStaff:
      return IsTeam(who);
    case Capability::kAdmin:
      return IsUser(who) && who.user.role == core::Role::kAdmin;
    case Capability::kAccountOrTeam:
      return ActsForAccount(who) || IsTeam(who);
    case Capability::kAccountManager:
      return ManagesAccount(who);
  }
  return false;
}

bool ManagesAccount(const core::Principal& who) {
  return IsCustomer(who) &&
         (who.team_role == core::TeamRole::kOwner || who.team_role == core::TeamRole::kAdmin);
}

bool OwnsAccount(const core::Principal& who) {
  return IsCustomer(who) && who.team_role == core::TeamRole::kOwner;
}

core::Principal AccountReader(const core::Account& account) {
  core::Principal p;
  p.kind = core::PrincipalKind::kApiKey;
  p.account = account;
  p.api_key = core::ApiKeyGrant{0, "read"};
  return p;
}

core::Status Require(const core::Principal& who, Capability need) {
  if (Has(who, need)) return core::OkStatus();
  if (who.kind == core::PrincipalKind::kAnonymous) {
    return core::Error::Unauthenticated(std::string(RefusalOf(Capability::kSignedIn)));
  }
  if (IsKey(who) && need == Capability::kSignedIn) {
    return core::Error::Forbidden("API keys cannot use this route: it is for a person signed in.");
  }
  return core::Error::Forbidden(std::string(RefusalOf(need)));
}

core::Status Require(const core::Principal& who, Capability need, Intent intent) {
  if (auto s = Require(who, need); !s) return s;
  if (intent == Intent::kWrite && IsKey(who) && who.api_key->scope != "read_write") {
    return core::Error::Forbidden("This API key may only read: create a read and write key.");
  }
  return core::OkStatus();
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
  return ActsForAccount(who) && who.account->id == account;
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
