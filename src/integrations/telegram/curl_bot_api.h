#pragma once

#include <chrono>
#include <string>

#include "core/ports/bot_api.h"

namespace textura::integrations {

struct BotApiConfig {
  // https://api.telegram.org, a self-hosted Bot API server, or the tests' fake.
  std::string base_url = "https://api.telegram.org";
  std::chrono::milliseconds connect_timeout{10'000};
  // Every call but getUpdates; a long poll gets its own timeout plus this.
  std::chrono::milliseconds request_timeout{30'000};
  // Larger answers are cut (a Bot API answer is a few KB; getUpdates at most 100 updates).
  std::size_t max_response_bytes = 8 * 1024 * 1024;
};

// core::telegram::BotApi over libcurl: one easy handle per call, POST with a JSON
// body to {base_url}/bot<token>/<method>. The token is part of the URL Telegram
// defines, so the URL is never logged and errors carry curl's message (which does not
// include it). Thread-safe: calls run in parallel.
class CurlBotApi final : public core::telegram::BotApi {
 public:
  explicit CurlBotApi(BotApiConfig config);

  core::telegram::CallOutcome GetMe(std::string_view token, core::telegram::BotInfo& out) override;
  core::telegram::UpdateBatch GetUpdates(std::string_view token, std::int64_t offset,
                                         int timeout_seconds,
                                         const std::atomic<bool>* cancel) override;
  core::telegram::CallOutcome SendMessage(std::string_view token, std::int64_t chat_id,
                                          std::string_view html) override;
  core::telegram::CallOutcome SendChatAction(std::string_view token, std::int64_t chat_id,
                                             std::string_view action) override;
  core::telegram::CallOutcome SetWebhook(std::string_view token, std::string_view url,
                                         std::string_view secret_token) override;
  core::telegram::CallOutcome DeleteWebhook(std::string_view token) override;
  core::telegram::CallOutcome GetWebhookInfo(std::string_view token,
                                             core::telegram::WebhookInfo& out) override;
  std::optional<core::telegram::Update> ParseUpdate(std::string_view json) const override;

 private:
  struct Answer {
    int status = 0;  // 0: no HTTP answer
    std::string body;
    std::string error;  // curl's message when status is 0
  };
  Answer Call(std::string_view token, std::string_view method, const std::string& json_body,
              std::chrono::milliseconds timeout, const std::atomic<bool>* cancel = nullptr) const;
  core::telegram::CallOutcome Simple(std::string_view token, std::string_view method,
                                     const std::string& json_body, std::string* result) const;

  BotApiConfig config_;
};

}  // namespace textura::integrations
