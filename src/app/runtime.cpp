#include "app/runtime.h"

#include <sodium.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <variant>

#include "core/support/calendar_file.h"
#include "services/llm_responder.h"
#include "services/routing_responder.h"

namespace textura::embedded {
extern const std::string_view kDefaultCalendar;
}

namespace textura::app {

core::support::BusinessCalendar LoadCalendar(const std::string& path) {
  std::string text;
  if (path.empty()) {
    text = embedded::kDefaultCalendar;
  } else {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read the calendar file " + path);
    std::ostringstream buf;
    buf << in.rdbuf();
    text = buf.str();
  }
  auto parsed = core::support::ParseCalendarFile(text);
  if (auto* err = std::get_if<core::support::CalendarError>(&parsed)) {
    throw std::runtime_error("calendar " + (path.empty() ? std::string("(built-in)") : path) +
                             ": " + err->ToString());
  }
  return std::get<core::support::BusinessCalendar>(std::move(parsed));
}

namespace {

std::unique_ptr<integrations::SodiumSecretBox> MakeSecretBox(const Config& config) {
  using Box = integrations::SodiumSecretBox;
  const auto parse = [](const std::string& text, const char* what) {
    auto key = Box::ParseKey(text);
    if (!key) throw std::runtime_error(std::string(what) + " must be 32 bytes in hex or base64");
    return *key;
  };
  const Box::Key current =
      config.channel_key.empty()
          ? Box::LoadOrCreateKeyFile(
                (std::filesystem::path(config.data_dir) / "channel.key").string())
          : parse(config.channel_key, "TEXTURA_CHANNEL_KEY");
  std::vector<Box::Key> previous;
  if (!config.channel_previous_key.empty()) {
    previous.push_back(parse(config.channel_previous_key, "TEXTURA_CHANNEL_PREVIOUS_KEY"));
  }
  return std::make_unique<Box>(current, std::move(previous));
}

std::string InstanceId() {
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  unsigned char nonce[6];
  randombytes_buf(nonce, sizeof nonce);
  char hex[13];
  sodium_bin2hex(hex, sizeof hex, nonce, sizeof nonce);
  return std::string(host) + "-" + std::to_string(::getpid()) + "-" + hex;
}

}  // namespace

void SetUpLogging(const std::string& level) {
  auto err = spdlog::stderr_logger_mt("textura");
  err->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  spdlog::set_default_logger(err);
  spdlog::set_level(spdlog::level::from_str(level));
  // The access log (JSON lines on stdout) is written by http::AccessLog.
}

Runtime::Runtime(const Config& config) : config_(config) {
  integrations::InitSodium();
  std::filesystem::create_directories(config_.data_dir);
  hasher_ = std::make_unique<integrations::SodiumPasswordHasher>(
      static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  database_ = storage::Database::Open(config_.database_url);
  if (int n = database_->Migrate(); n > 0) spdlog::info("applied {} migration(s)", n);
  auth_ =
      std::make_unique<services::AuthService>(*database_, *hasher_, tokens_, clock_, config_.auth);
  {
    using Box = integrations::SodiumSecretBox;
    Box::Key key;
    if (config_.api_key_hash_key.empty()) {
      key = Box::LoadOrCreateKeyFile(
          (std::filesystem::path(config_.data_dir) / "api_key_hash.key").string());
    } else if (auto parsed = Box::ParseKey(config_.api_key_hash_key)) {
      key = *parsed;
    } else {
      throw std::runtime_error("TEXTURA_API_KEY_HASH_KEY must be 32 bytes in hex or base64");
    }
    key_digests_ = std::make_unique<integrations::SodiumKeyedHasher>(key);
  }
  api_keys_ = std::make_unique<services::ApiKeyService>(*database_, *hasher_, *key_digests_,
                                                        tokens_, clock_);
  core::EventSink* sink = &events_;
  if (!database_->embedded()) {
    bus_ = std::make_unique<storage::PgEventBus>(config_.database_url, events_);
    sink = bus_.get();
  }
  secret_box_ = MakeSecretBox(config_);
  integrations::WebhookSenderOptions sender_options;
  sender_options.policy = config_.webhooks.policy;
  webhook_sender_ = std::make_unique<integrations::CurlWebhookSender>(sender_options);
  webhooks_ = std::make_unique<services::WebhookService>(*database_, clock_, *secret_box_, tokens_,
                                                         webhook_signer_, *webhook_sender_,
                                                         config_.webhooks);
  webhook_sink_ = std::make_unique<http::WebhookEventSink>(*sink, *webhooks_);
  sink = webhook_sink_.get();
  core::support::BusinessCalendar calendar = LoadCalendar(config_.calendar_file);
  support_settings_ =
      std::make_unique<services::SupportSettingsService>(*database_, clock_, calendar);
  if (auto s = support_settings_->Reload(); !s) {
    // The built-in targets stay in force; the next save replaces the bad row.
    spdlog::error("loading the SLA settings failed: {}", s.error().message);
  }
  tickets_ =
      std::make_unique<services::TicketService>(*database_, clock_, *sink, std::move(calendar));
  tickets_->SetPolicySource([settings = support_settings_.get()] { return settings->Current(); });
  staff_ = std::make_unique<services::StaffService>(*database_, *auth_, clock_);
  audit_ = std::make_unique<services::AuditService>(*database_);
  reports_ = std::make_unique<services::ReportService>(*database_, clock_, *support_settings_);
  events_.Attach(*tickets_);
  console_ = std::make_unique<services::SupportConsole>(
      *database_, clock_, *sink, events_,
      [settings = support_settings_.get()] { return settings->Current(); });
  events_.Attach(*console_);
  auth_->SetEventSink(*sink);

  models_ = ModelsOf(config_);
  knowledge_responder_ = std::make_unique<core::KnowledgeResponder>(
      core::KnowledgeResponderOptions{config_.knowledge_min_score_percent / 100.0, 3});
  llm_client_ = integrations::MakeLlmClient(LlmClientConfig(config_));
  if (llm_client_) {
    llm_responder_ = std::make_unique<services::LlmResponder>(*llm_client_, config_.llm_model);
  }
  responder_ =
      std::make_unique<services::RoutingResponder>(*knowledge_responder_, llm_responder_.get());
  employees_ = std::make_unique<services::EmployeeService>(*database_, clock_, models_);
  billing_ = std::make_unique<services::BillingService>(*database_, clock_);
  finance_ = std::make_unique<services::FinanceService>(*database_, clock_, models_);
  outbox_sink_ = std::make_unique<services::OutboxWakeSink>(*sink);
  replies_ = std::make_unique<services::ReplyEngine>(
      *database_, clock_, *outbox_sink_, word_counter_, *responder_, models_, config_.replies);
  chats_ = std::make_unique<services::ChatService>(*database_, clock_, *outbox_sink_, word_counter_,
                                                   *replies_, config_.chats);
  events_.Attach(*chats_);
  webhook_sink_->Attach(*tickets_);
  webhook_sink_->Attach(*chats_);

  integrations::BotApiConfig bot_config;
  bot_config.base_url = config_.telegram_api_base_url;
  bot_api_ = std::make_unique<integrations::CurlBotApi>(bot_config);
  channels_ = std::make_unique<services::ChannelService>(
      *database_, clock_, *outbox_sink_, *bot_api_, *secret_box_, tokens_, *chats_,
      services::ChannelOptions{config_.public_url});
}

services::AttachmentService& Runtime::attachments() {
  if (attachments_) return *attachments_;
  files_ = std::make_unique<integrations::FsFileStore>(
      (std::filesystem::path(config_.data_dir) / "files").string());
  sniffer_ = std::make_unique<integrations::MagicSniffer>();
  thumbnailer_ = std::make_unique<integrations::VipsThumbnailer>();
  attachments_ = std::make_unique<services::AttachmentService>(
      *database_, *files_, *sniffer_, *thumbnailer_, clock_, config_.attachments);
  return *attachments_;
}

void Runtime::StartBackgroundJobs() {
  if (collector_) return;
  services::TelegramWorkerOptions telegram;
  telegram.poll_timeout_seconds = config_.telegram_poll_timeout_seconds;
  telegram.instance_id = InstanceId();
  telegram_ = std::make_unique<services::TelegramWorker>(*database_, clock_, *bot_api_, *channels_,
                                                         telegram);
  outbox_sink_->SetListener([worker = telegram_.get()](std::int64_t chat) { worker->Wake(chat); });
  telegram_->Start();
  webhooks_->Start();
  // Processed update ids older than Telegram keeps updates (24 h) are forgotten.
  services::ChannelService& channel_service = *channels_;
  update_pruner_ = std::make_unique<PeriodicTask>(std::chrono::hours(1), [&channel_service](long) {
    try {
      channel_service.PruneProcessedUpdates();
    } catch (const std::exception& e) {
      spdlog::error("pruning processed Telegram updates failed: {}", e.what());
    }
  });
  if (!database_->embedded()) {
    // Another instance may have saved SLA settings: a one-row version check every few
    // seconds (the saving instance swaps its own policy at once).
    services::SupportSettingsService& settings = *support_settings_;
    settings_reloader_ = std::make_unique<PeriodicTask>(std::chrono::seconds(5), [&settings](long) {
      if (auto s = settings.Reload(); !s) {
        spdlog::error("reloading the SLA settings failed: {}", s.error().message);
      }
    });
  }
  // When API keys were last used: written once a minute, never on a request's path.
  services::ApiKeyService& keys = *api_keys_;
  key_use_flusher_ = std::make_unique<PeriodicTask>(std::chrono::minutes(1), [&keys](long) {
    try {
      keys.FlushLastUsed();
    } catch (const std::exception& e) {
      spdlog::error("recording when API keys were last used failed: {}", e.what());
    }
  });
  services::AttachmentService& service = attachments();
  // Expired uploads every interval; every stored file (orphans of crashes) at start
  // and about hourly, since that walks the whole store.
  const long full_every =
      std::max<long>(1, static_cast<long>(std::chrono::hours(1) / config_.attachment_gc_interval));
  collector_ = std::make_unique<PeriodicTask>(
      config_.attachment_gc_interval, [&service, full_every](long run) {
        using Sweep = services::AttachmentService::Sweep;
        try {
          const auto done =
              service.CollectGarbage(run % full_every == 0 ? Sweep::kEverything : Sweep::kExpired);
          if (done.uploads > 0 || done.files > 0) {
            spdlog::info(R"({{"event":"attachments_collected","uploads":{},"files":{}}})",
                         done.uploads, done.files);
          }
        } catch (const std::exception& e) {
          spdlog::error("collecting attachments failed: {}", e.what());
        }
      });
  // Reply targets that passed unanswered: recorded once per breach in the database,
  // so several instances running this job agree. Presence entries expire here too.
  services::SupportConsole& console = *console_;
  sla_monitor_ = std::make_unique<PeriodicTask>(config_.sla_check_interval, [&console](long) {
    try {
      if (const int n = console.queue().CheckBreaches(); n > 0) {
        spdlog::info(R"({{"event":"sla_breaches_recorded","count":{}}})", n);
      }
      console.presence().Expire();
    } catch (const std::exception& e) {
      spdlog::error("checking reply targets failed: {}", e.what());
    }
  });
}

http::Api& Runtime::api() {
  if (api_) return *api_;
  http::ApiOptions api_options;
  api_options.web_dir = config_.web_dir;
  api_options.max_body_bytes = config_.max_body_bytes;
  api_options.sockets = config_.sockets;
  api_options.secure_cookies = config_.secure_cookies;
  api_options.session_max_age_seconds = static_cast<int>(
      std::chrono::duration_cast<std::chrono::seconds>(config_.auth.session_ttl).count());
  api_options.inline_reads = database_->embedded();
  api_ = std::make_unique<http::Api>(
      api_options,
      http::ServiceSet{*auth_, *tickets_, attachments(), events_, *staff_, *audit_,
                       *support_settings_, *reports_, *employees_, *chats_, *billing_, *console_,
                       *finance_, channels_.get(), api_keys_.get(), webhooks_.get()});
  return *api_;
}

Runtime::~Runtime() {
  // The pollers (which schedule replies) stop first; then replies in flight finish
  // (and publish) before the services they use go away.
  telegram_.reset();
  replies_.reset();
  // Webhooks: the events already received are queued, then the workers stop (they
  // use the secret box, which goes before them).
  if (webhook_sink_) webhook_sink_->Drain();
  if (webhooks_) webhooks_->Stop();
  key_use_flusher_.reset();
  try {
    if (api_keys_) api_keys_->FlushLastUsed();
  } catch (const std::exception& e) {
    spdlog::error("recording when API keys were last used failed: {}", e.what());
  }
}

}  // namespace textura::app
