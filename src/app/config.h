#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/ai/models.h"
#include "http/api.h"
#include "http/server.h"
#include "integrations/llm/curl_llm_client.h"
#include "services/attachment_service.h"
#include "services/auth_service.h"
#include "services/chat_service.h"
#include "services/reply_engine.h"
#include "services/webhook_service.h"

namespace textura::app {

// Everything configurable. Defaults serve a laptop; a TOML file (--config) and then
// TEXTURA_* environment variables override them, the environment winning.
struct Config {
  std::string data_dir = "./var";
  std::string database_url;  // default: sqlite:///<abs data_dir>/textura.db
  std::string web_dir = "web/dist";
  bool secure_cookies = false;
  std::string log_level = "info";

  std::string llm_base_url;
  std::string llm_api_key;
  std::string llm_model;
  // The LLM client's limits (docs/llm.md).
  std::chrono::seconds llm_connect_timeout{10};
  std::chrono::seconds llm_timeout{30};  // request sent → first byte of the answer
  std::chrono::seconds llm_idle_timeout{30};
  std::chrono::seconds llm_total_timeout{120};
  int llm_max_retries = 2;
  std::string telegram_api_base_url = "https://api.telegram.org";
  int telegram_poll_timeout_seconds = 25;
  std::string public_url;  // empty: Telegram bots long-poll
  // Seals channel tokens (docs/channels.md); empty: <data_dir>/channel.key.
  std::string channel_key;
  std::string channel_previous_key;
  // Keys the digest of API keys (docs/integrations.md); empty: <data_dir>/api_key_hash.key.
  std::string api_key_hash_key;
  // Outgoing webhooks (docs/integrations.md).
  services::WebhookOptions webhooks;
  // Business hours, holidays and transferred working days for reply targets
  // (docs/support-sla.md). Empty: the built-in Russian production calendar.
  std::string calendar_file;

  http::ServerOptions server;
  std::size_t max_body_bytes = 1 << 20;
  http::SocketLimits sockets;  // live sockets: caps per session, user and address
  services::AuthLimits auth;
  // Attachments live in <data_dir>/files/.
  services::AttachmentLimits attachments;
  std::chrono::seconds attachment_gc_interval{300};

  // AI employees (docs/ai-employees.md, docs/billing.md). The model catalog:
  // "id=Name:price_per_1000_words_in_kopecks,…" (core::ParseModelCatalog).
  std::string models{core::kDefaultModelCatalog};
  int knowledge_min_score_percent = 50;  // the knowledge responder's threshold
  services::ChatLimits chats;
  services::ReplyOptions replies;
  std::chrono::seconds sla_check_interval{30};
};

// The model catalog of `config`; its default is TEXTURA_LLM_MODEL when an LLM is
// configured, else the catalog's first model. Throws std::runtime_error when invalid.
core::ModelCatalog ModelsOf(const Config& config);

// Reads a variable of the environment; nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;
std::optional<std::string> ProcessEnv(const std::string& name);

// Builds the configuration: defaults, then `toml_path` (when not empty), then the
// environment. Throws std::runtime_error with a message naming the bad setting.
Config LoadConfig(const std::string& toml_path, const EnvLookup& env = ProcessEnv);

// The LLM client's settings out of the configuration; base_url empty when no LLM is
// configured (integrations::MakeLlmClient then returns nullptr).
integrations::LlmConfig LlmClientConfig(const Config& config);

// The help text listing every setting, its TOML key, variable and default.
std::string ConfigHelp();

}  // namespace textura::app
