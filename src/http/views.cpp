#include "http/views.h"

namespace textura::http {

namespace json = boost::json;

json::object UserView(const core::User& u) {
  return {{"id", u.id},
          {"email", u.email},
          {"name", u.name},
          {"role", core::RoleName(u.role)},
          {"theme", core::ThemeName(u.theme)},
          {"locale", core::LocaleName(u.locale)},
          {"time_zone", u.time_zone}};
}

json::value AccountView(const std::optional<core::Account>& a) {
  if (!a) return nullptr;
  return json::object{{"id", a->id}, {"name", a->name}};
}

json::object SessionView(const core::Principal& p) {
  return {{"user", UserView(p.user)},
          {"account", AccountView(p.account)},
          {"csrf_token", p.session.csrf_token}};
}

}  // namespace textura::http
