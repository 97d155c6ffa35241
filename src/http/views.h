#pragma once

#include <boost/json.hpp>

#include "core/attachments/attachment.h"
#include "core/ports/ticket_repository.h"
#include "core/user.h"
#include "services/presence_service.h"
#include "services/ticket_service.h"

namespace textura::http {

// JSON shapes of the API's resources (API.md).
boost::json::object UserView(const core::User& user);
boost::json::value AccountView(const std::optional<core::Account>& account);
// {"user","account","csrf_token"}: the answer of signup, login and /me.
boost::json::object SessionView(const core::Principal& principal);
boost::json::object TicketJson(const core::TicketView& view);
// The ticket as the support team sees it: TicketJson plus assignee, account, sla and
// note_count. Never for customers.
boost::json::object StaffTicketJson(const core::TicketView& view,
                                    const std::optional<core::support::SlaSnapshot>& sla);
// StaffTicketJson for staff callers, TicketJson for everyone else.
boost::json::object TicketJsonFor(const core::Principal& who, const core::TicketView& view,
                                  const services::TicketService& tickets);
boost::json::object NoteJson(const core::support::Note& note);
boost::json::object HistoryJson(const core::support::HistoryEntry& entry);
boost::json::object CannedReplyJson(const core::support::CannedReply& reply);
boost::json::array ViewersJson(const std::vector<services::Viewer>& viewers);
boost::json::object MessageJson(const services::MessageView& view);
// {"id","filename","content_type","size","is_image","url","thumbnail_url"}
boost::json::object AttachmentJson(const core::Attachment& attachment);

}  // namespace textura::http
