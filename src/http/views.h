#pragma once

#include <boost/json.hpp>

#include "core/attachments/attachment.h"
#include "core/ports/ticket_repository.h"
#include "core/user.h"
#include "services/ticket_service.h"

namespace textura::http {

// JSON shapes of the API's resources (API.md).
boost::json::object UserView(const core::User& user);
boost::json::value AccountView(const std::optional<core::Account>& account);
// {"user","account","csrf_token"}: the answer of signup, login and /me.
boost::json::object SessionView(const core::Principal& principal);
boost::json::object TicketJson(const core::TicketView& view);
boost::json::object MessageJson(const services::MessageView& view);
// {"id","filename","content_type","size","is_image","url","thumbnail_url"}
boost::json::object AttachmentJson(const core::Attachment& attachment);

}  // namespace textura::http
