#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/attachments/attachment.h"
#include "core/ports/clock.h"
#include "core/ports/event_sink.h"
#include "core/ports/store.h"
#include "core/result.h"
#include "core/support/business_calendar.h"
#include "core/support/console.h"
#include "core/support/sla_policy.h"
#include "core/user.h"
#include "services/access.h"

namespace textura::services {

struct NewTicketInput {
  std::string title;
  std::string body;
  std::string category;
  std::optional<std::int64_t> employee_id;
  std::optional<std::string> chat_url;
  std::vector<std::int64_t> attachment_ids;
  std::optional<std::int64_t> follow_up_of;
};

// Query parameters as received; the service validates them. (The `{}` let callers
// name only some members without -Wmissing-field-initializers.)
struct ListTicketsInput {
  std::optional<std::string> status{};  // all | on_customer | done
  std::optional<std::string> q{};
  std::optional<std::string> limit{};
  std::optional<std::string> cursor{};
  std::optional<std::string> account_id{};  // staff only
  std::optional<std::string> awaiting{};    // staff only: team | customer
  std::optional<std::string> category{};    // staff only
};

struct PostMessageInput {
  std::string body;
  std::vector<std::int64_t> attachment_ids;
};

// A message as one reader sees it: `references` are the #ids in its body that the
// reader may open.
struct MessageView {
  core::support::SupportMessage message;
  std::vector<core::TicketId> references;
  std::vector<core::Attachment> attachments;
};

struct TicketPage {
  std::vector<core::TicketView> items;
  std::optional<std::string> next_cursor;
};

struct MessagePage {
  std::vector<MessageView> items;
  std::optional<std::string> next_cursor;
};

struct TicketSummary {
  int unread_total = 0;
  core::TicketCounts counts;
};

struct CreatedTicket {
  core::TicketView ticket;
  MessageView message;
};

// Support tickets: the customer's side and the team's. Authorization is decided here:
// customers see and write only their account's tickets (others answer kNotFound);
// staff see every account's and write on the team side. A message may carry up to
// kMaxAttachmentsPerMessage of the writer's own unused uploads (attachment_ids).
// Thread-safe.
class TicketService {
 public:
  TicketService(core::Store& store, const core::Clock& clock, core::EventSink& events,
                core::support::BusinessCalendar calendar);

  core::Result<CreatedTicket> Create(const core::Principal& who, const NewTicketInput& input);
  core::Result<TicketPage> List(const core::Principal& who, const ListTicketsInput& input);
  core::Result<TicketSummary> Summary(const core::Principal& who);
  core::Result<core::TicketView> Get(const core::Principal& who, core::TicketId id);
  core::Result<MessagePage> Messages(const core::Principal& who, core::TicketId id,
                                     const std::optional<std::string>& after_id,
                                     const std::optional<std::string>& limit);
  core::Result<MessageView> Post(const core::Principal& who, core::TicketId id,
                                 const PostMessageInput& input);
  // Marks every message of the ticket read for `who`; returns the ticket's unread count (0).
  core::Result<int> MarkRead(const core::Principal& who, core::TicketId id);
  // Done is final; closing a Done ticket again changes nothing. Staff closing a ticket
  // is recorded in the audit log (ticket.closed).
  core::Result<core::TicketView> Close(const core::Principal& who, core::TicketId id);
  // One message as `who` sees it (for live events); kNotFound when not visible.
  core::Result<MessageView> GetMessage(const core::Principal& who, core::TicketId ticket,
                                       core::MessageId id);

  // The file's calendar as configured at start. Due times use policy() instead.
  const core::support::BusinessCalendar& calendar() const { return calendar_; }
  // The reply clock of `ticket` as staff see it now (nullopt when nothing is owed).
  std::optional<core::support::SlaSnapshot> SlaNow(const core::support::Ticket& ticket) const;

  // Where the SLA policy in force comes from (admins edit it; see
  // SupportSettingsService). Set once during wiring; until then the built-in targets
  // over `calendar` apply.
  using PolicySource = std::function<std::shared_ptr<const core::support::SlaPolicy>()>;
  void SetPolicySource(PolicySource source) { policy_source_ = std::move(source); }
  std::shared_ptr<const core::support::SlaPolicy> policy() const;

 private:
  MessageView ViewOf(core::Repositories& repos, const core::Principal& who,
                     core::support::SupportMessage message);
  std::vector<MessageView> ViewsOf(core::Repositories& repos, const core::Principal& who,
                                   std::vector<core::support::SupportMessage> messages);

  core::Store& store_;
  const core::Clock& clock_;
  core::EventSink& events_;
  const core::support::BusinessCalendar calendar_;
  const std::shared_ptr<const core::support::SlaPolicy> default_policy_;
  PolicySource policy_source_;
};

}  // namespace textura::services
