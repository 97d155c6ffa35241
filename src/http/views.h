#pragma once

#include <boost/json.hpp>

#include "core/user.h"

namespace textura::http {

// JSON shapes of the API's resources (API.md).
boost::json::object UserView(const core::User& user);
boost::json::value AccountView(const std::optional<core::Account>& account);
// {"user","account","csrf_token"}: the answer of signup, login and /me.
boost::json::object SessionView(const core::Principal& principal);

}  // namespace textura::http
