#pragma once

#include <memory>

#include "app/config.h"
#include "app/periodic_task.h"
#include "core/support/business_calendar.h"
#include "http/api.h"
#include "http/event_hub.h"
#include "integrations/crypto/sodium_crypto.h"
#include "integrations/files/fs_file_store.h"
#include "integrations/files/magic_sniffer.h"
#include "integrations/files/vips_thumbnailer.h"
#include "integrations/system/system_clock.h"
#include "services/attachment_service.h"
#include "services/auth_service.h"
#include "services/support_console.h"
#include "services/ticket_service.h"
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
  // Built on first use (only `serve` needs them): the file store, libmagic's
  // database and libvips.
  services::AttachmentService& attachments();
  // Built on first use (only `serve` needs it): loads the web app into memory.
  http::Api& api();
  // Starts the background jobs of `serve`: collecting expired uploads and
  // unreferenced files, and recording breached reply targets (and expiring
  // presence). They stop when the Runtime is destroyed.
  void StartBackgroundJobs();

 private:
  const Config config_;
  integrations::SystemClock clock_;
  integrations::SodiumTokenSource tokens_;
  std::unique_ptr<integrations::SodiumPasswordHasher> hasher_;
  std::unique_ptr<storage::Database> database_;
  std::unique_ptr<services::AuthService> auth_;
  http::EventHub events_;
  // With PostgreSQL, events travel through LISTEN/NOTIFY so every instance's hub
  // hears every change; with SQLite (one process) they go to the hub directly.
  std::unique_ptr<storage::PgEventBus> bus_;
  std::unique_ptr<services::TicketService> tickets_;
  std::unique_ptr<services::SupportConsole> console_;
  std::unique_ptr<integrations::FsFileStore> files_;
  std::unique_ptr<integrations::MagicSniffer> sniffer_;
  std::unique_ptr<integrations::VipsThumbnailer> thumbnailer_;
  std::unique_ptr<services::AttachmentService> attachments_;
  std::unique_ptr<http::Api> api_;
  std::unique_ptr<PeriodicTask> sla_monitor_;
  std::unique_ptr<PeriodicTask> collector_;  // last: stops first
};

// The calendar in `path`, or the built-in one when empty. Throws with the file's
// line number when it does not parse.
core::support::BusinessCalendar LoadCalendar(const std::string& path);

// Sets up logging: human-readable lines on stderr, the access log as JSON lines on stdout.
void SetUpLogging(const std::string& level);

}  // namespace textura::app
