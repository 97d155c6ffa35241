#include "integrations/telegram/curl_bot_api.h"

#include <curl/curl.h>

#include <boost/json.hpp>
#include <mutex>

#include "integrations/telegram/bot_api_wire.h"

namespace textura::integrations {

namespace json = boost::json;
using core::telegram::CallOutcome;

namespace {

struct Sink {
  std::string body;
  std::size_t limit = 0;
};

std::size_t OnWrite(char* data, std::size_t size, std::size_t n, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t bytes = size * n;
  if (sink->body.size() + bytes > sink->limit) return 0;  // cut: curl reports a write error
  sink->body.append(data, bytes);
  return bytes;
}

int OnProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* cancel = static_cast<const std::atomic<bool>*>(user);
  return cancel && cancel->load() ? 1 : 0;
}

void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

CurlBotApi::CurlBotApi(BotApiConfig config) : config_(std::move(config)) {
  InitCurlOnce();
  while (!config_.base_url.empty() && config_.base_url.back() == '/') config_.base_url.pop_back();
}

CurlBotApi::Answer CurlBotApi::Call(std::string_view token, std::string_view method,
                                    const std::string& json_body, std::chrono::milliseconds timeout,
                                    const std::atomic<bool>* cancel) const {
  Answer answer;
  CURL* easy = curl_easy_init();
  if (!easy) {
    answer.error = "curl_easy_init failed";
    return answer;
  }
  std::string url = config_.base_url + "/bot";
  url.append(token);
  url += "/";
  url.append(method);
  Sink sink{{}, config_.max_response_bytes};
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(json_body.size()));
  curl_easy_setopt(easy, CURLOPT_POSTFIELDS, json_body.data());
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &OnWrite);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(config_.connect_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_USERAGENT, "textura");
  if (cancel) {
    curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, &OnProgress);
    curl_easy_setopt(easy, CURLOPT_XFERINFODATA, cancel);
    curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
  }
  const CURLcode rc = curl_easy_perform(easy);
  if (rc == CURLE_OK) {
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    answer.status = static_cast<int>(status);
    answer.body = std::move(sink.body);
  } else {
    answer.error = rc == CURLE_WRITE_ERROR
                       ? "the answer from Telegram was too large"
                       : std::string("cannot reach Telegram: ") + curl_easy_strerror(rc);
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(easy);
  return answer;
}

CallOutcome CurlBotApi::Simple(std::string_view token, std::string_view method,
                               const std::string& json_body, std::string* result) const {
  Answer a = Call(token, method, json_body, config_.request_timeout);
  if (a.status == 0) {
    CallOutcome out;
    out.kind = CallOutcome::Kind::kTransient;
    out.description = a.error;
    return out;
  }
  auto envelope = telegram::ParseEnvelope(a.status, a.body);
  if (result) *result = std::move(envelope.result);
  return envelope.outcome;
}

CallOutcome CurlBotApi::GetMe(std::string_view token, core::telegram::BotInfo& out) {
  std::string result;
  CallOutcome o = Simple(token, "getMe", "{}", &result);
  if (o.kind != CallOutcome::Kind::kOk) return o;
  auto info = telegram::ParseBotInfo(result);
  if (!info) {
    o.kind = CallOutcome::Kind::kTransient;
    o.description = "getMe returned no bot";
    return o;
  }
  out = std::move(*info);
  return o;
}

core::telegram::UpdateBatch CurlBotApi::GetUpdates(std::string_view token, std::int64_t offset,
                                                   int timeout_seconds,
                                                   const std::atomic<bool>* cancel) {
  json::object body{
      {"offset", offset},
      {"timeout", timeout_seconds},
      {"allowed_updates", json::array{"message", "edited_message", "my_chat_member"}}};
  Answer a = Call(token, "getUpdates", json::serialize(body),
                  std::chrono::seconds(timeout_seconds) + config_.request_timeout, cancel);
  core::telegram::UpdateBatch batch;
  if (a.status == 0) {
    batch.outcome.kind = CallOutcome::Kind::kTransient;
    batch.outcome.description = a.error;
    return batch;
  }
  auto envelope = telegram::ParseEnvelope(a.status, a.body);
  if (envelope.outcome.kind != CallOutcome::Kind::kOk) {
    batch.outcome = envelope.outcome;
    return batch;
  }
  batch = telegram::ParseUpdates(envelope.result);
  batch.outcome.status = a.status;
  return batch;
}

CallOutcome CurlBotApi::SendMessage(std::string_view token, std::int64_t chat_id,
                                    std::string_view html) {
  json::object body{{"chat_id", chat_id},
                    {"text", html},
                    {"parse_mode", "HTML"},
                    {"link_preview_options", json::object{{"is_disabled", true}}}};
  std::string result;
  CallOutcome o = Simple(token, "sendMessage", json::serialize(body), &result);
  if (o.kind == CallOutcome::Kind::kOk) {
    boost::system::error_code ec;
    json::value v = json::parse(result, ec);
    if (!ec && v.is_object()) {
      if (const json::value* id = v.as_object().if_contains("message_id"); id && id->is_int64()) {
        o.message_id = id->as_int64();
      }
    }
  }
  return o;
}

CallOutcome CurlBotApi::SendChatAction(std::string_view token, std::int64_t chat_id,
                                       std::string_view action) {
  json::object body{{"chat_id", chat_id}, {"action", action}};
  return Simple(token, "sendChatAction", json::serialize(body), nullptr);
}

CallOutcome CurlBotApi::SetWebhook(std::string_view token, std::string_view url,
                                   std::string_view secret_token) {
  json::object body{
      {"url", url},
      {"secret_token", secret_token},
      {"allowed_updates", json::array{"message", "edited_message", "my_chat_member"}}};
  return Simple(token, "setWebhook", json::serialize(body), nullptr);
}

CallOutcome CurlBotApi::DeleteWebhook(std::string_view token) {
  return Simple(token, "deleteWebhook", "{}", nullptr);
}

CallOutcome CurlBotApi::GetWebhookInfo(std::string_view token, core::telegram::WebhookInfo& out) {
  std::string result;
  CallOutcome o = Simple(token, "getWebhookInfo", "{}", &result);
  if (o.kind != CallOutcome::Kind::kOk) return o;
  if (auto info = telegram::ParseWebhookInfo(result)) out = std::move(*info);
  return o;
}

std::optional<core::telegram::Update> CurlBotApi::ParseUpdate(std::string_view json) const {
  return telegram::ParseUpdate(json);
}

}  // namespace textura::integrations
