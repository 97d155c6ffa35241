// Who may see and do what: the one home of the rules (DESIGN.md "Callers and
// channels"). Routes declare the Capability they need and the router checks it with
// Require before the handler runs; services check the same way before acting, scope
// what they read with AccountScope/CanSeeAccount, and the live feeds ask InAudience.
// Nothing outside this file tests roles or principal kinds.
//
// API keys (kApiKey) act for their account with their creator's role or lower: they hold
// kAccountMember and kAccountOrTeam (not kSignedIn, which is a person's session:
// profile, sign-out, security), and a read-only key only reads.
//
// Adding a kind of caller (a widget visitor, a channel user): give it a
// PrincipalKind and its grant in core/user.h, build its Principal where it arrives
// (http/auth.cpp for a header, the channel adapter for a bot update), and teach the
// functions below what it may do — Require first. Every route and service then
// follows without another edit. See docs/architecture.md "Access".
#pragma once

#include <optional>
#include <string_view>

#include "core/attachments/attachment.h"
#include "core/ports/event_sink.h"
#include "core/ports/store.h"
#include "core/result.h"
#include "core/support/ticket.h"
#include "core/user.h"

namespace textura::services {

// What a route or a use case needs from its caller.
enum class Capability {
  kPublic,         // anyone, signed in or not: sign-up, sign-in, health
  kSignedIn,       // any signed-in user (a browser session); the service scopes what they see
  kAccountMember,  // a customer, or the account's API key, acting within its own account
  kStaff,          // the support team: staff or admin
  kAdmin,          // administrators: staff management, SLA settings, auto-assignment
  // Routes the team and the account's own callers share, API keys included (tickets,
  // attachments, chats, channels, finance reads); the service scopes what each sees.
  kAccountOrTeam,
  // The account's owner or admin in a browser session, never an API key: API keys,
  // webhooks, the LLM provider, export and deletion (docs/integrations.md).
  kAccountManager,
};

// OK when `who` has `need`; otherwise kUnauthenticated (anonymous) or kForbidden with
// the capability's one message ("This is for the support team." …).
core::Status Require(const core::Principal& who, Capability need);
bool Has(const core::Principal& who, Capability need);

// Whether a request only reads (GET, HEAD) or may change something. The router admits
// with Require(who, need, intent): an API key with the read scope is refused writes
// (kForbidden). Services check capabilities only (the two-argument Require).
enum class Intent { kRead, kWrite };
core::Status Require(const core::Principal& who, Capability need, Intent intent);

// The account's team roles (issue 14 brings them; until then every customer user is
// the owner): who manages the account's integrations and data (owner, admin), and who
// may delete it (the owner alone). Browser sessions only.
bool ManagesAccount(const core::Principal& who);
bool OwnsAccount(const core::Principal& who);

// The principal that renders an account's events for its webhooks: reads exactly what
// the account's read-only API key could.
core::Principal AccountReader(const core::Account& account);

// The support team (staff or admin) sees every account.
bool IsTeam(const core::Principal& who);

// The caller's own account for kAccountMember actions, or Require's error.
core::Result<core::AccountId> OwnAccount(const core::Principal& who);

// The account a read is limited to: nullopt for the team (every account), the
// customer's own account otherwise, or kNotFound ("No account.") for a principal
// without one.
core::Result<std::optional<core::AccountId>> AccountScope(const core::Principal& who);

// Whether `who` may see rows of `account`. A row of another account is answered as
// not found (404), never forbidden, so its existence does not leak.
bool CanSeeAccount(const core::Principal& who, core::AccountId account);

// The side a message written by `who` is on: the team's or the customer's.
core::support::Side SideOf(const core::Principal& who);

// Uploads: whom a new upload belongs to (the customer's account, or the uploader
// alone for the team) and whether `who` owns an attachment not yet in a ticket.
core::UploadOwner UploadOwnerOf(const core::Principal& who);
bool OwnsUpload(const core::Principal& who, const core::Attachment& attachment);

// Lookups that answer only what `who` may see: a ticket of an account they cannot see
// is kNotFound ("Ticket #<id> was not found."), exactly as a missing one.
core::Error TicketNotFound(core::TicketId id);
core::Result<core::support::Ticket> FindVisibleTicket(core::Repositories& repos,
                                                      const core::Principal& who,
                                                      core::TicketId id);
// The ticket as `who` reads it (their unread count, their side).
core::Result<core::TicketView> FindVisibleTicketView(core::Repositories& repos,
                                                     const core::Principal& who, core::TicketId id);

// Live feeds: whether `who` is in the audience of an event (before it is rendered
// for them). Ticket events reach whoever can see the ticket's account (staff-only
// kinds the team alone, a read its reader alone); chat events and reply pieces reach
// the account's own users.
bool InAudience(const core::Principal& who, const core::TicketEvent& event);
bool InAudience(const core::Principal& who, const core::ChatEvent& event);
bool InAudience(const core::Principal& who, const core::ReplyDelta& delta);

}  // namespace textura::services
