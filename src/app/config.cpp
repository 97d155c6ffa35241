#include "app/config.h"

#include <toml++/toml.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/numbers.h"

namespace textura::app {
namespace {

long long ParseInt(const std::string& name, const std::string& v, long long min, long long max) {
  const auto parsed = core::ParseInt64(v);
  const long long out = parsed.value_or(0);
  if (!parsed || out < min || out > max) {
    throw std::runtime_error(name + " must be an integer from " + std::to_string(min) + " to " +
                             std::to_string(max) + ", got \"" + v + "\"");
  }
  return out;
}

bool ParseBool(const std::string& name, const std::string& v) {
  if (v == "true" || v == "1" || v == "yes" || v == "on") return true;
  if (v == "false" || v == "0" || v == "no" || v == "off") return false;
  throw std::runtime_error(name + " must be true or false, got \"" + v + "\"");
}

// A positive factor (webhooks.retry_scale): 0.000001 to 1000.
double ParseScale(const std::string& name, const std::string& v) {
  std::size_t used = 0;
  double out = 0;
  try {
    out = std::stod(v, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != v.size() || !(out >= 0.000001 && out <= 1000)) {
    throw std::runtime_error(name + " must be a number from 0.000001 to 1000, got \"" + v + "\"");
  }
  return out;
}

void ParseListen(const std::string& name, const std::string& v, http::ServerOptions& s) {
  const auto colon = v.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    throw std::runtime_error(name + " must be host:port, got \"" + v + "\"");
  }
  std::string host = v.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  s.host = host;
  s.port = static_cast<std::uint16_t>(ParseInt(name, v.substr(colon + 1), 0, 65535));
}

std::string ParseBaseUrl(const std::string& name, const std::string& v) {
  if (!v.empty() && !v.starts_with("http://") && !v.starts_with("https://")) {
    throw std::runtime_error(name + " must be an http:// or https:// URL, got \"" + v + "\"");
  }
  return v;
}

struct Setting {
  const char* toml_key;
  const char* env;
  const char* help;
  std::function<void(Config&, const std::string& name, const std::string& value)> apply;
};

std::chrono::seconds Seconds(const std::string& n, const std::string& v) {
  return std::chrono::seconds(ParseInt(n, v, 1, 86400));
}

const std::vector<Setting>& Settings() {
  static const std::vector<Setting> kSettings = {
      {"server.listen", "TEXTURA_LISTEN", "address to serve on, host:port (127.0.0.1:8080)",
       [](Config& c, auto& n, auto& v) { ParseListen(n, v, c.server); }},
      {"server.io_threads", "TEXTURA_THREADS", "I/O threads (number of cores)",
       [](Config& c, auto& n, auto& v) { c.server.io_threads = ParseInt(n, v, 1, 256); }},
      {"server.worker_threads", "TEXTURA_WORKER_THREADS", "threads for blocking work (32)",
       [](Config& c, auto& n, auto& v) { c.server.worker_threads = ParseInt(n, v, 1, 1024); }},
      {"server.web_dir", "TEXTURA_WEB_DIR", "the built web app (web/dist)",
       [](Config& c, auto&, auto& v) { c.web_dir = v; }},
      {"server.idle_timeout_seconds", "TEXTURA_IDLE_TIMEOUT_SECONDS",
       "close keep-alive connections idle this long (60)",
       [](Config& c, auto& n, auto& v) { c.server.idle_timeout = Seconds(n, v); }},
      {"server.read_timeout_seconds", "TEXTURA_READ_TIMEOUT_SECONDS",
       "a request must arrive whole within this time of its first byte (30)",
       [](Config& c, auto& n, auto& v) { c.server.read_timeout = Seconds(n, v); }},
      {"server.write_timeout_seconds", "TEXTURA_WRITE_TIMEOUT_SECONDS", "response write limit (30)",
       [](Config& c, auto& n, auto& v) { c.server.write_timeout = Seconds(n, v); }},
      {"server.shutdown_grace_seconds", "TEXTURA_SHUTDOWN_GRACE_SECONDS",
       "time in-flight requests get on SIGTERM (10)",
       [](Config& c, auto& n, auto& v) { c.server.shutdown_grace = Seconds(n, v); }},
      {"server.max_header_bytes", "TEXTURA_MAX_HEADER_BYTES", "request header limit (16384)",
       [](Config& c, auto& n, auto& v) {
         c.server.max_header_bytes = ParseInt(n, v, 1024, 1 << 20);
       }},
      {"server.max_body_bytes", "TEXTURA_MAX_BODY_BYTES", "JSON request body limit (1048576)",
       [](Config& c, auto& n, auto& v) { c.max_body_bytes = ParseInt(n, v, 1024, 1LL << 30); }},
      {"events.max_sockets_per_session", "TEXTURA_EVENTS_MAX_SOCKETS_PER_SESSION",
       "open live sockets one session may hold (16)",
       [](Config& c, auto& n, auto& v) { c.sockets.max_per_session = ParseInt(n, v, 1, 100000); }},
      {"events.max_sockets_per_user", "TEXTURA_EVENTS_MAX_SOCKETS_PER_USER",
       "open live sockets one user may hold over all sessions (32)",
       [](Config& c, auto& n, auto& v) { c.sockets.max_per_user = ParseInt(n, v, 1, 100000); }},
      {"events.upgrades_per_minute", "TEXTURA_EVENTS_UPGRADES_PER_MINUTE",
       "live socket upgrades one client address may attempt per minute (600)",
       [](Config& c, auto& n, auto& v) {
         c.sockets.upgrades_per_minute = ParseInt(n, v, 1, 1000000);
       }},
      {"server.access_log", "TEXTURA_ACCESS_LOG", "log every request as JSON (true)",
       [](Config& c, auto& n, auto& v) { c.server.access_log = ParseBool(n, v); }},
      {"server.secure_cookies", "TEXTURA_SECURE_COOKIES", "mark cookies Secure, behind TLS (false)",
       [](Config& c, auto& n, auto& v) { c.secure_cookies = ParseBool(n, v); }},
      {"log.level", "TEXTURA_LOG_LEVEL", "trace, debug, info, warn, error (info)",
       [](Config& c, auto&, auto& v) { c.log_level = v; }},
      {"storage.data_dir", "TEXTURA_DATA_DIR", "where data lives (./var)",
       [](Config& c, auto&, auto& v) { c.data_dir = v; }},
      {"storage.database_url", "TEXTURA_DATABASE_URL",
       "sqlite:///abs/path.db or postgresql://… (sqlite in the data dir)",
       [](Config& c, auto&, auto& v) { c.database_url = v; }},
      {"auth.login_max_failures_per_email", "TEXTURA_LOGIN_MAX_FAILURES_PER_EMAIL",
       "failed sign-ins per email per window before 429 (5)",
       [](Config& c, auto& n, auto& v) {
         c.auth.max_failures_per_email = ParseInt(n, v, 1, 100000);
       }},
      {"auth.login_max_attempts_per_ip", "TEXTURA_LOGIN_MAX_ATTEMPTS_PER_IP",
       "sign-in and sign-up attempts per IP per window before 429 (30)",
       [](Config& c, auto& n, auto& v) {
         c.auth.max_attempts_per_ip = ParseInt(n, v, 1, 1000000);
       }},
      {"auth.login_window_seconds", "TEXTURA_LOGIN_WINDOW_SECONDS", "rate-limit window (900)",
       [](Config& c, auto& n, auto& v) { c.auth.window = Seconds(n, v); }},
      {"auth.session_ttl_days", "TEXTURA_SESSION_TTL_DAYS", "session lifetime (30)",
       [](Config& c, auto& n, auto& v) {
         c.auth.session_ttl = std::chrono::hours(24 * ParseInt(n, v, 1, 365));
       }},
      {"attachments.max_upload_bytes", "TEXTURA_MAX_UPLOAD_BYTES",
       "largest file one upload may carry (20971520)",
       [](Config& c, auto& n, auto& v) {
         c.attachments.max_upload_bytes = ParseInt(n, v, 1, 1LL << 40);
       }},
      {"attachments.account_quota_bytes", "TEXTURA_ACCOUNT_QUOTA_BYTES",
       "storage all uploads of one account may take (1073741824)",
       [](Config& c, auto& n, auto& v) {
         c.attachments.account_quota_bytes = ParseInt(n, v, 0, 1LL << 50);
       }},
      {"attachments.upload_ttl_seconds", "TEXTURA_UPLOAD_TTL_SECONDS",
       "uploads no message uses are deleted after this long (86400)",
       [](Config& c, auto& n, auto& v) {
         c.attachments.unused_ttl = std::chrono::seconds(ParseInt(n, v, 1, 365LL * 86400));
       }},
      {"attachments.gc_interval_seconds", "TEXTURA_ATTACHMENT_GC_INTERVAL_SECONDS",
       "how often expired uploads and unreferenced files are collected (300)",
       [](Config& c, auto& n, auto& v) { c.attachment_gc_interval = Seconds(n, v); }},
      {"support.sla_check_interval_seconds", "TEXTURA_SLA_CHECK_INTERVAL_SECONDS",
       "how often passed reply targets are recorded as breaches (30)",
       [](Config& c, auto& n, auto& v) { c.sla_check_interval = Seconds(n, v); }},
      {"support.calendar_file", "TEXTURA_CALENDAR_FILE",
       "business calendar file for reply targets (built-in: Moscow, Russian holidays)",
       [](Config& c, auto&, auto& v) { c.calendar_file = v; }},
      {"llm.base_url", "TEXTURA_LLM_BASE_URL",
       "OpenAI-compatible API base URL, e.g. https://api.openai.com/v1 (none: the offline "
       "knowledge responder)",
       [](Config& c, auto& n, auto& v) { c.llm_base_url = ParseBaseUrl(n, v); }},
      {"llm.api_key", "TEXTURA_LLM_API_KEY", "API key for the LLM (none)",
       [](Config& c, auto&, auto& v) { c.llm_api_key = v; }},
      {"llm.model", "TEXTURA_LLM_MODEL", "default model (none)",
       [](Config& c, auto&, auto& v) { c.llm_model = v; }},
      {"llm.connect_timeout_seconds", "TEXTURA_LLM_CONNECT_TIMEOUT_SECONDS",
       "give up connecting to the LLM after (10)",
       [](Config& c, auto& n, auto& v) { c.llm_connect_timeout = Seconds(n, v); }},
      {"llm.timeout_seconds", "TEXTURA_LLM_TIMEOUT_SECONDS",
       "the LLM must start answering within (30)",
       [](Config& c, auto& n, auto& v) { c.llm_timeout = Seconds(n, v); }},
      {"llm.idle_timeout_seconds", "TEXTURA_LLM_IDLE_TIMEOUT_SECONDS",
       "a reply stream silent this long is abandoned (30)",
       [](Config& c, auto& n, auto& v) { c.llm_idle_timeout = Seconds(n, v); }},
      {"llm.total_timeout_seconds", "TEXTURA_LLM_TOTAL_TIMEOUT_SECONDS",
       "one reply, retries included, at most (120)",
       [](Config& c, auto& n, auto& v) { c.llm_total_timeout = Seconds(n, v); }},
      {"llm.max_retries", "TEXTURA_LLM_MAX_RETRIES",
       "extra attempts before the first token on timeouts, 429 and 5xx (2)",
       [](Config& c, auto& n, auto& v) { c.llm_max_retries = ParseInt(n, v, 0, 10); }},
      {"ai.models", "TEXTURA_MODELS",
       "model catalog: id=Name:kopecks_per_1000_words,… (textura-knowledge 50 RUB, gpt-4o-mini, "
       "gpt-4o)",
       [](Config& c, auto&, auto& v) { c.models = v; }},
      {"ai.knowledge_min_score_percent", "TEXTURA_KNOWLEDGE_MIN_SCORE_PERCENT",
       "share of a question's search terms a passage must hold to be the answer (50)",
       [](Config& c, auto& n, auto& v) { c.knowledge_min_score_percent = ParseInt(n, v, 0, 100); }},
      {"ai.chat_max_messages_per_minute", "TEXTURA_CHAT_MAX_MESSAGES_PER_MINUTE",
       "client messages per chat per minute before 429 (20)",
       [](Config& c, auto& n, auto& v) {
         c.chats.max_client_messages_per_minute = ParseInt(n, v, 1, 100000);
       }},
      {"ai.reply_threads", "TEXTURA_REPLY_THREADS", "AI replies written at once (2)",
       [](Config& c, auto& n, auto& v) { c.replies.threads = ParseInt(n, v, 1, 256); }},
      {"billing.reply_ceiling_words", "TEXTURA_REPLY_CEILING_WORDS",
       "words a reply reserves when its employee has no reply-length limit (1000)",
       [](Config& c, auto& n, auto& v) {
         c.replies.reply_ceiling_words = ParseInt(n, v, 1, 1'000'000);
       }},
      {"billing.signup_credit_minor", "TEXTURA_SIGNUP_CREDIT_MINOR",
       "a new account's credit in kopecks (10000 = 100.00 RUB; 0: none)",
       [](Config& c, auto& n, auto& v) {
         c.auth.signup_credit_minor = ParseInt(n, v, 0, 1'000'000'000);
       }},
      {"telegram.api_base_url", "TEXTURA_TELEGRAM_API_BASE_URL",
       "Telegram Bot API base URL (https://api.telegram.org)",
       [](Config& c, auto&, auto& v) { c.telegram_api_base_url = v; }},
      {"telegram.poll_timeout_seconds", "TEXTURA_TELEGRAM_POLL_TIMEOUT_SECONDS",
       "getUpdates long-poll timeout (25); a dead instance's bots are taken over after it + 15 s",
       [](Config& c, auto& n, auto& v) {
         c.telegram_poll_timeout_seconds = static_cast<int>(ParseInt(n, v, 1, 50));
       }},
      {"public_url", "TEXTURA_PUBLIC_URL",
       "the server's public https:// URL; with it Telegram bots use a webhook, else long polling",
       [](Config& c, auto& n, auto& v) { c.public_url = ParseBaseUrl(n, v); }},
      {"channels.key", "TEXTURA_CHANNEL_KEY",
       "32-byte key (hex or base64) sealing bot tokens at rest; default <data_dir>/channel.key",
       [](Config& c, auto&, auto& v) { c.channel_key = v; }},
      {"channels.previous_key", "TEXTURA_CHANNEL_PREVIOUS_KEY",
       "the key before a rotation: tokens sealed with it still open and are re-sealed",
       [](Config& c, auto&, auto& v) { c.channel_previous_key = v; }},
      {"integrations.api_key_hash_key", "TEXTURA_API_KEY_HASH_KEY",
       "32-byte key (hex or base64) of the keyed digest of API keys; default "
       "<data_dir>/api_key_hash.key (every instance needs the same)",
       [](Config& c, auto&, auto& v) { c.api_key_hash_key = v; }},
      {"webhooks.allow_private_networks", "TEXTURA_WEBHOOK_ALLOW_PRIVATE_NETWORKS",
       "deliver webhooks to private and loopback addresses, and plain http:// to loopback "
       "(false: public https:// only)",
       [](Config& c, auto& n, auto& v) { c.webhooks.policy.allow_private = ParseBool(n, v); }},
      {"webhooks.workers", "TEXTURA_WEBHOOK_WORKERS", "webhook delivery threads (4)",
       [](Config& c, auto& n, auto& v) {
         c.webhooks.workers = static_cast<int>(ParseInt(n, v, 1, 64));
       }},
      {"webhooks.poll_ms", "TEXTURA_WEBHOOK_POLL_MS",
       "how often idle delivery threads look for due deliveries (1000)",
       [](Config& c, auto& n, auto& v) {
         c.webhooks.poll = std::chrono::milliseconds(ParseInt(n, v, 10, 60000));
       }},
      {"webhooks.retry_scale", "TEXTURA_WEBHOOK_RETRY_SCALE",
       "multiplies the retry schedule's waits (1; tests use 0.001)",
       [](Config& c, auto& n, auto& v) { c.webhooks.retry_scale = ParseScale(n, v); }},
  };
  return kSettings;
}

std::optional<std::string> TomlValue(const toml::table& root, const std::string& dotted) {
  const toml::node_view<const toml::node> node = root.at_path(dotted);
  if (!node) return std::nullopt;
  if (auto s = node.value<std::string>()) return *s;
  if (auto b = node.value_exact<bool>()) return *b ? "true" : "false";
  if (auto i = node.value_exact<std::int64_t>()) return std::to_string(*i);
  throw std::runtime_error(dotted + " must be a string, integer or boolean");
}

}  // namespace

std::optional<std::string> ProcessEnv(const std::string& name) {
  if (const char* v = std::getenv(name.c_str())) return std::string(v);
  return std::nullopt;
}

Config LoadConfig(const std::string& toml_path, const EnvLookup& env) {
  Config c;
  c.server.io_threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  toml::table root;
  if (!toml_path.empty()) {
    try {
      root = toml::parse_file(toml_path);
    } catch (const toml::parse_error& e) {
      std::ostringstream msg;
      msg << "cannot read config " << toml_path << ": " << e.description() << " (line "
          << e.source().begin.line << ")";
      throw std::runtime_error(msg.str());
    }
  }
  for (const Setting& s : Settings()) {
    if (auto v = TomlValue(root, s.toml_key)) s.apply(c, s.toml_key, *v);
  }
  for (const Setting& s : Settings()) {
    if (auto v = env(s.env)) s.apply(c, s.env, *v);
  }
  (void)ModelsOf(c);  // fail at start, naming the setting, not at the first reply
  if (c.database_url.empty()) {
    const auto abs = std::filesystem::absolute(c.data_dir).lexically_normal();
    c.database_url = "sqlite://" + (abs / "textura.db").string();
  }
  return c;
}

integrations::LlmConfig LlmClientConfig(const Config& c) {
  integrations::LlmConfig llm;
  llm.base_url = c.llm_base_url;
  llm.api_key = c.llm_api_key;
  llm.default_model = c.llm_model;
  llm.connect_timeout = c.llm_connect_timeout;
  llm.first_byte_timeout = c.llm_timeout;
  llm.idle_timeout = c.llm_idle_timeout;
  llm.total_timeout = c.llm_total_timeout;
  llm.max_retries = c.llm_max_retries;
  return llm;
}

core::ModelCatalog ModelsOf(const Config& c) {
  const std::string default_id = !c.llm_base_url.empty() ? c.llm_model : std::string();
  auto catalog = core::ParseModelCatalog(c.models, default_id);
  if (!catalog) throw std::runtime_error("TEXTURA_MODELS: " + catalog.error().message);
  return std::move(*catalog);
}

std::string ConfigHelp() {
  std::ostringstream out;
  out << "Settings (TOML key / environment variable: meaning (default)); the environment wins:\n";
  for (const Setting& s : Settings()) {
    out << "  " << s.toml_key << " / " << s.env << "\n      " << s.help << "\n";
  }
  return out.str();
}

}  // namespace textura::app
