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

namespace {
json::value TimeOrNull(const std::optional<core::Time>& t) {
  if (!t) return nullptr;
  return json::string(core::FormatRfc3339(*t));
}
}  // namespace

json::object TicketJson(const core::TicketView& v) {
  const auto& t = v.ticket;
  json::object o{{"id", t.id},
                 {"title", t.title},
                 {"status", core::support::ToString(t.status)},
                 {"category", core::support::ToString(t.category)},
                 {"account_id", t.account_id},
                 {"account_name", v.account_name},
                 {"created_at", core::FormatRfc3339(t.created_at)},
                 {"updated_at", core::FormatRfc3339(t.updated_at)},
                 {"closed_at", TimeOrNull(t.closed_at)},
                 {"last_message_at", core::FormatRfc3339(t.last_message_at)},
                 {"message_count", t.message_count},
                 {"unread_count", v.unread_count},
                 {"reply_due_at", TimeOrNull(t.reply_due_at)}};
  o["employee_id"] = t.employee_id ? json::value(*t.employee_id) : json::value(nullptr);
  o["chat_url"] = t.chat_url ? json::value(*t.chat_url) : json::value(nullptr);
  o["follow_up_of"] = t.follow_up_of ? json::value(*t.follow_up_of) : json::value(nullptr);
  o["awaiting"] =
      t.awaiting ? json::value(core::support::ToString(*t.awaiting)) : json::value(nullptr);
  return o;
}

json::object AttachmentJson(const core::Attachment& a) {
  const std::string url = "/api/v1/attachments/" + std::to_string(a.id);
  return {{"id", a.id},
          {"filename", a.filename},
          {"content_type", a.content_type},
          {"size", a.size},
          {"is_image", a.is_image},
          {"url", url},
          {"thumbnail_url", a.is_image ? json::value(url + "/thumbnail") : json::value(nullptr)}};
}

json::object MessageJson(const services::MessageView& v) {
  const auto& m = v.message;
  json::array refs;
  for (core::TicketId id : v.references) refs.push_back(id);
  json::array attachments;
  for (const auto& a : v.attachments) attachments.push_back(AttachmentJson(a));
  return {
      {"id", m.id},
      {"ticket_id", m.ticket_id},
      {"body", m.body},
      {"created_at", core::FormatRfc3339(m.created_at)},
      {"author",
       {{"id", m.author_id}, {"name", m.author_name}, {"side", core::support::ToString(m.side)}}},
      {"attachments", std::move(attachments)},
      {"references", std::move(refs)}};
}

}  // namespace textura::http
