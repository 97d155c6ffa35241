#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "http/api.h"
#include "http/server.h"
#include "services/attachment_service.h"
#include "services/auth_service.h"

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
  std::string telegram_api_base_url = "https://api.telegram.org";
  // Business hours, holidays and transferred working days for reply targets
  // (docs/support-sla.md). Empty: the built-in Russian production calendar.
  std::string calendar_file;

  http::ServerOptions server;
  std::size_t max_body_bytes = 1 << 20;
  services::AuthLimits auth;
  // Attachments live in <data_dir>/files/.
  services::AttachmentLimits attachments;
  std::chrono::seconds attachment_gc_interval{300};
  std::chrono::seconds sla_check_interval{30};
};

// Reads a variable of the environment; nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;
std::optional<std::string> ProcessEnv(const std::string& name);

// Builds the configuration: defaults, then `toml_path` (when not empty), then the
// environment. Throws std::runtime_error with a message naming the bad setting.
Config LoadConfig(const std::string& toml_path, const EnvLookup& env = ProcessEnv);

// The help text listing every setting, its TOML key, variable and default.
std::string ConfigHelp();

}  // namespace textura::app
