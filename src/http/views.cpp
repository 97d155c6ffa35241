#include "http/views.h"

#include "services/access.h"

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

json::object StaffTicketJson(const core::TicketView& v,
                             const std::optional<core::support::SlaSnapshot>& sla) {
  json::object o = TicketJson(v);
  o["assignee"] = v.assignee_id
                      ? json::value(json::object{{"id", *v.assignee_id}, {"name", v.assignee_name}})
                      : json::value(nullptr);
  o["account"] = json::object{{"id", v.ticket.account_id}, {"name", v.account_name}};
  if (sla) {
    o["sla"] = json::object{{"state", core::support::ToString(sla->state)},
                            {"due_at", core::FormatRfc3339(sla->due_at)},
                            {"business_seconds_left", sla->business_seconds_left}};
  } else {
    o["sla"] = nullptr;
  }
  o["note_count"] = v.note_count;
  return o;
}

json::object TicketJsonFor(const core::Principal& who, const core::TicketView& v,
                           const services::TicketService& tickets) {
  if (!services::IsTeam(who)) return TicketJson(v);
  return StaffTicketJson(v, tickets.SlaNow(v.ticket));
}

json::object NoteJson(const core::support::Note& n) {
  return {{"id", n.id},
          {"ticket_id", n.ticket_id},
          {"body", n.body},
          {"author", {{"id", n.author_id}, {"name", n.author_name}}},
          {"created_at", core::FormatRfc3339(n.created_at)},
          {"attachments", json::array()}};
}

json::object HistoryJson(const core::support::HistoryEntry& h) {
  json::object details;
  for (const auto& [k, v] : h.details) details[k] = v;
  json::value actor = nullptr;
  if (h.actor_id) actor = json::object{{"id", *h.actor_id}, {"name", h.actor_name}};
  return {{"id", h.id},
          {"ticket_id", h.ticket_id},
          {"kind", core::support::ToString(h.kind)},
          {"actor", std::move(actor)},
          {"details", std::move(details)},
          {"created_at", core::FormatRfc3339(h.created_at)}};
}

json::object CannedReplyJson(const core::support::CannedReply& c) {
  return {{"id", c.id},
          {"title", c.title},
          {"body", c.body},
          {"shortcut", c.shortcut ? json::value(*c.shortcut) : json::value(nullptr)},
          {"shared", c.shared},
          {"owner", {{"id", c.owner_id}, {"name", c.owner_name}}},
          {"created_at", core::FormatRfc3339(c.created_at)},
          {"updated_at", core::FormatRfc3339(c.updated_at)}};
}

json::array ViewersJson(const std::vector<services::Viewer>& viewers) {
  json::array out;
  for (const auto& v : viewers) {
    out.push_back(json::object{{"id", v.id}, {"name", v.name}, {"typing", v.typing}});
  }
  return out;
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
