#pragma once

#include <memory>

#include "app/config.h"
#include "app/periodic_task.h"
#include "core/ai/knowledge_responder.h"
#include "core/support/business_calendar.h"
#include "http/api.h"
#include "http/event_hub.h"
#include "http/webhook_events.h"
#include "integrations/crypto/secret_box.h"
#include "integrations/crypto/sodium_crypto.h"
#include "integrations/files/fs_file_store.h"
#include "integrations/files/magic_sniffer.h"
#include "integrations/files/vips_thumbnailer.h"
#include "integrations/system/system_clock.h"
#include "integrations/telegram/curl_bot_api.h"
#include "integrations/text/icu_word_counter.h"
#include "integrations/webhooks/curl_webhook_sender.h"
#include "integrations/webhooks/standard_webhooks.h"
#include "services/api_key_service.h"
#include "services/attachment_service.h"
#include "services/audit_service.h"
#include "services/auth_service.h"
#include "services/billing_service.h"
#include "services/channel_service.h"
#include "services/chat_service.h"
#include "services/employee_service.h"
#include "services/finance_service.h"
#include "services/outbox_wake_sink.h"
#include "services/reply_engine.h"
#include "services/report_service.h"
#include "services/staff_service.h"
#include "services/support_console.h"
#include "services/support_settings_service.h"
#include "services/telegram_worker.h"
#include "services/ticket_service.h"
#include "services/webhook_service.h"
#include "storage/database.h"
#include "storage/postgres/pg_event_bus.h"

namespace textura::app {

// The composition root: builds the adapters, the services on top of them and the
// API, in dependency order. One per process.
class Runtime {
 public:
  // Opens the database and applies migrations. Throws on failure with a clear message.
  explicit Runtime(const Config& config);
  ~Runtime();

  storage::Database& database() { return *database_; }
  services::AuthService& auth() { return *auth_; }
  services::TicketService& tickets() { return *tickets_; }
  services::SupportSettingsService& support_settings() { return *support_settings_; }
  services::EmployeeService& employees() { return *employees_; }
  services::ChatService& chats() { return *chats_; }
  services::BillingService& billing() { return *billing_; }
  services::ReplyEngine& replies() { return *replies_; }
  services::ChannelService& channels() { return *channels_; }
  services::ApiKeyService& api_keys() { return *api_keys_; }
  // Built on first use (only `serve` needs them): the file store, libmagic's
  // database and libvips.
  services::AttachmentService& attachments();
  // Built on first use (only `serve` needs it): loads the web app into memory.
  http::Api& api();
  // Starts the background jobs of `serve`: collecting expired uploads and
  // unreferenced files, recording breached reply targets (and expiring presence); with
  // PostgreSQL, reloading the SLA settings other instances saved. They stop when the
  // Runtime is destroyed.
  void StartBackgroundJobs();

 private:
  const Config config_;
  integrations::SystemClock clock_;
  integrations::SodiumTokenSource tokens_;
  std::unique_ptr<integrations::SodiumPasswordHasher> hasher_;
  std::unique_ptr<storage::Database> database_;
  std::unique_ptr<services::AuthService> auth_;
  // Integrations (docs/integrations.md): API keys.
  std::unique_ptr<integrations::SodiumKeyedHasher> key_digests_;
  std::unique_ptr<services::ApiKeyService> api_keys_;
  // Outgoing webhooks: the sender, the signer, the service (queue and workers) and the
  // sink that turns events into messages (in front of the event bus).
  std::unique_ptr<integrations::CurlWebhookSender> webhook_sender_;
  integrations::StandardWebhookSigner webhook_signer_;
  std::unique_ptr<services::WebhookService> webhooks_;
  std::unique_ptr<http::WebhookEventSink> webhook_sink_;
  http::EventHub events_;
  // With PostgreSQL, events travel through LISTEN/NOTIFY so every instance's hub
  // hears every change; with SQLite (one process) they go to the hub directly.
  std::unique_ptr<storage::PgEventBus> bus_;
  std::unique_ptr<services::TicketService> tickets_;
  std::unique_ptr<services::SupportSettingsService> support_settings_;
  std::unique_ptr<services::StaffService> staff_;
  std::unique_ptr<services::AuditService> audit_;
  std::unique_ptr<services::ReportService> reports_;
  // AI employees. Replies come from the offline knowledge responder, or with an LLM
  // configured (TEXTURA_LLM_BASE_URL) from the LLM for employees on an LLM model.
  integrations::IcuWordCounter word_counter_;
  core::ModelCatalog models_;
  std::unique_ptr<core::LlmClient> llm_client_;  // null: no LLM configured
  std::unique_ptr<core::Responder> knowledge_responder_;
  std::unique_ptr<core::Responder> llm_responder_;  // null: no LLM configured
  std::unique_ptr<core::Responder> responder_;      // routes between the two
  std::unique_ptr<services::EmployeeService> employees_;
  std::unique_ptr<services::BillingService> billing_;
  // Chat events pass through it so channel outboxes send new messages at once.
  std::unique_ptr<services::OutboxWakeSink> outbox_sink_;
  std::unique_ptr<services::FinanceService> finance_;
  std::unique_ptr<services::ReplyEngine> replies_;  // before chats_: they schedule on it
  std::unique_ptr<services::ChatService> chats_;
  // Channels (docs/channels.md): the Bot API client, the key sealing tokens, the use
  // cases, and (serve only) the pollers and senders.
  std::unique_ptr<integrations::CurlBotApi> bot_api_;
  std::unique_ptr<integrations::SodiumSecretBox> secret_box_;
  std::unique_ptr<services::ChannelService> channels_;
  std::unique_ptr<services::TelegramWorker> telegram_;
  std::unique_ptr<services::SupportConsole> console_;
  std::unique_ptr<integrations::FsFileStore> files_;
  std::unique_ptr<integrations::MagicSniffer> sniffer_;
  std::unique_ptr<integrations::VipsThumbnailer> thumbnailer_;
  std::unique_ptr<services::AttachmentService> attachments_;
  std::unique_ptr<http::Api> api_;
  std::unique_ptr<PeriodicTask> sla_monitor_;
  std::unique_ptr<PeriodicTask> collector_;  // last: stops first
  std::unique_ptr<PeriodicTask> settings_reloader_;
  std::unique_ptr<PeriodicTask> update_pruner_;
  std::unique_ptr<PeriodicTask> key_use_flusher_;
};

// The calendar in `path`, or the built-in one when empty. Throws with the file's
// line number when it does not parse.
core::support::BusinessCalendar LoadCalendar(const std::string& path);

// Sets up logging: human-readable lines on stderr, the access log as JSON lines on stdout.
void SetUpLogging(const std::string& level);

}  // namespace textura::app
