#include "integrations/telegram/bot_api_wire.h"

#include <boost/json.hpp>

namespace textura::integrations::telegram {

namespace json = boost::json;
using core::telegram::CallOutcome;
using core::telegram::Update;

namespace {

std::optional<json::value> Parse(std::string_view text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) return std::nullopt;
  return v;
}

std::int64_t IntOr(const json::object& o, std::string_view key, std::int64_t fallback = 0) {
  const json::value* v = o.if_contains(key);
  if (!v) return fallback;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(v->as_uint64());
  }
  return fallback;
}

std::string StringOr(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (!v || !v->is_string()) return {};
  return std::string(v->as_string());
}

const json::object* ObjectAt(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_object() ? &v->as_object() : nullptr;
}

core::telegram::User UserFrom(const json::object& o) {
  return {IntOr(o, "id"), StringOr(o, "first_name"), StringOr(o, "last_name"),
          StringOr(o, "username"), StringOr(o, "language_code")};
}

void FillMessage(const json::object& m, Update& u) {
  if (const json::object* chat = ObjectAt(m, "chat")) {
    u.chat_id = IntOr(*chat, "id");
    u.private_chat = StringOr(*chat, "type") == "private";
  }
  u.message_id = IntOr(m, "message_id");
  if (const json::object* from = ObjectAt(m, "from")) u.from = UserFrom(*from);
  u.text = StringOr(m, "text");
  if (u.text.empty()) u.text = StringOr(m, "caption");
  if (const json::value* photo = m.if_contains("photo"); photo && photo->is_array()) {
    // Sizes come smallest first: the last is the original.
    const json::array& sizes = photo->as_array();
    if (!sizes.empty() && sizes.back().is_object()) {
      const json::object& p = sizes.back().as_object();
      core::telegram::File f;
      f.file_id = StringOr(p, "file_id");
      f.file_size = IntOr(p, "file_size");
      f.is_photo = true;
      f.file_name = "photo.jpg";
      f.mime_type = "image/jpeg";
      if (!f.file_id.empty()) u.file = std::move(f);
    }
  } else if (const json::object* doc = ObjectAt(m, "document")) {
    core::telegram::File f;
    f.file_id = StringOr(*doc, "file_id");
    f.file_name = StringOr(*doc, "file_name");
    f.mime_type = StringOr(*doc, "mime_type");
    f.file_size = IntOr(*doc, "file_size");
    if (!f.file_id.empty()) u.file = std::move(f);
  }
}

std::optional<Update> UpdateFrom(const json::value& v) {
  if (!v.is_object()) return std::nullopt;
  const json::object& o = v.as_object();
  const std::int64_t id = IntOr(o, "update_id", -1);
  if (id < 0) return std::nullopt;
  Update u;
  u.update_id = id;
  if (const json::object* m = ObjectAt(o, "message")) {
    u.kind = Update::Kind::kMessage;
    FillMessage(*m, u);
  } else if (const json::object* e = ObjectAt(o, "edited_message")) {
    u.kind = Update::Kind::kEditedMessage;
    FillMessage(*e, u);
  } else if (const json::object* member = ObjectAt(o, "my_chat_member")) {
    if (const json::object* chat = ObjectAt(*member, "chat")) {
      u.chat_id = IntOr(*chat, "id");
      u.private_chat = StringOr(*chat, "type") == "private";
    }
    if (const json::object* from = ObjectAt(*member, "from")) u.from = UserFrom(*from);
    const json::object* now = ObjectAt(*member, "new_chat_member");
    const std::string status = now ? StringOr(*now, "status") : "";
    if (status == "kicked" || status == "left")
      u.kind = Update::Kind::kBlocked;
    else if (status == "member")
      u.kind = Update::Kind::kUnblocked;
  }
  if (u.kind != Update::Kind::kOther && u.chat_id == 0) u.kind = Update::Kind::kOther;
  return u;
}

}  // namespace

std::optional<Update> ParseUpdate(std::string_view text) {
  auto v = Parse(text);
  if (!v) return std::nullopt;
  return UpdateFrom(*v);
}

Envelope ParseEnvelope(int http_status, std::string_view body) {
  Envelope e;
  e.outcome.status = http_status;
  auto v = Parse(body);
  if (!v || !v->is_object()) {
    e.outcome.kind = CallOutcome::Kind::kTransient;
    e.outcome.description =
        http_status == 0
            ? "no answer from Telegram"
            : "Telegram answered HTTP " + std::to_string(http_status) + " that is not Bot API JSON";
    return e;
  }
  const json::object& o = v->as_object();
  const json::value* ok = o.if_contains("ok");
  if (ok && ok->is_bool() && ok->as_bool()) {
    if (const json::value* r = o.if_contains("result")) e.result = json::serialize(*r);
    e.outcome.kind = CallOutcome::Kind::kOk;
    return e;
  }
  const int code = static_cast<int>(IntOr(o, "error_code", http_status));
  e.outcome.status = code;
  e.outcome.kind = core::telegram::ClassifyStatus(code);
  if (e.outcome.kind == CallOutcome::Kind::kOk) e.outcome.kind = CallOutcome::Kind::kTransient;
  e.outcome.description = StringOr(o, "description");
  if (e.outcome.description.empty())
    e.outcome.description = "Telegram error " + std::to_string(code);
  if (const json::object* p = ObjectAt(o, "parameters")) {
    e.outcome.retry_after_seconds = static_cast<int>(IntOr(*p, "retry_after"));
  }
  if (e.outcome.kind == CallOutcome::Kind::kRetryAfter && e.outcome.retry_after_seconds <= 0) {
    e.outcome.retry_after_seconds = 1;
  }
  return e;
}

std::optional<core::telegram::BotInfo> ParseBotInfo(std::string_view result) {
  auto v = Parse(result);
  if (!v || !v->is_object()) return std::nullopt;
  const json::object& o = v->as_object();
  core::telegram::BotInfo b{IntOr(o, "id"), StringOr(o, "username"), StringOr(o, "first_name")};
  if (b.id == 0 || b.username.empty()) return std::nullopt;
  return b;
}

std::optional<core::telegram::WebhookInfo> ParseWebhookInfo(std::string_view result) {
  auto v = Parse(result);
  if (!v || !v->is_object()) return std::nullopt;
  const json::object& o = v->as_object();
  return core::telegram::WebhookInfo{
      StringOr(o, "url"), static_cast<int>(IntOr(o, "pending_update_count")),
      StringOr(o, "last_error_message"), IntOr(o, "last_error_date")};
}

core::telegram::UpdateBatch ParseUpdates(std::string_view result) {
  core::telegram::UpdateBatch batch;
  auto v = Parse(result);
  if (!v || !v->is_array()) {
    batch.outcome.kind = CallOutcome::Kind::kTransient;
    batch.outcome.description = "getUpdates returned something that is not a list";
    return batch;
  }
  for (const json::value& item : v->as_array()) {
    auto u = UpdateFrom(item);
    if (!u) {
      ++batch.malformed;
      continue;
    }
    batch.last_update_id = std::max(batch.last_update_id, u->update_id);
    batch.updates.push_back(std::move(*u));
  }
  return batch;
}

}  // namespace textura::integrations::telegram
