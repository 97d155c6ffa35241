#pragma once

#include <memory>
#include <string>

#include "http/message.h"
#include "http/router.h"
#include "http/socket_quota.h"
#include "http/static_files.h"
#include "services/api_key_service.h"
#include "services/attachment_service.h"
#include "services/audit_service.h"
#include "services/auth_service.h"
#include "services/billing_service.h"
#include "services/channel_service.h"
#include "services/chat_service.h"
#include "services/employee_service.h"
#include "services/finance_service.h"
#include "services/report_service.h"
#include "services/staff_service.h"
#include "services/support_console.h"
#include "services/support_settings_service.h"
#include "services/ticket_service.h"
#include "services/webhook_service.h"

namespace textura::http {

struct ApiOptions {
  std::string web_dir = "web/dist";
  std::size_t max_body_bytes = 1 << 20;
  bool secure_cookies = false;
  int session_max_age_seconds = 30 * 24 * 3600;
  // Whether GET handlers may run on the I/O threads: true for the embedded
  // database, whose reads take microseconds; false for a networked one.
  bool inline_reads = true;
  // Live sockets (/api/v1/events): message size, sockets per session and user,
  // upgrades per address.
  SocketLimits sockets;
};

// The services the handlers call. Not owned.
class EventHub;

struct ServiceSet {
  services::AuthService& auth;
  services::TicketService& tickets;
  services::AttachmentService& attachments;
  EventHub& events;
  services::StaffService& staff;
  services::AuditService& audit;
  services::SupportSettingsService& support_settings;
  services::ReportService& reports;
  services::EmployeeService& employees;
  services::ChatService& chats;
  services::BillingService& billing;
  services::SupportConsole& console;
  services::FinanceService& finance;
  services::ChannelService* channels = nullptr;  // null: no channel routes (tools, tests)
  // Integrations (docs/integrations.md); null: no routes, and Bearer keys are refused.
  services::ApiKeyService* api_keys = nullptr;
  services::WebhookService* webhooks = nullptr;
};

// Everything the server answers, independent of the transport: routes the API,
// serves /healthz and the web app, and adds the common headers. Thread-safe.
class Api {
 public:
  Api(ApiOptions options, ServiceSet services);

  // A request's route, looked up once: where to run it and what answers it.
  struct Plan {
    Execution execution = Execution::kInline;
    Router::Lookup lookup;
  };
  Plan Prepare(const Request& req) const;
  // Answers a prepared request. Never throws: a bug becomes a logged 500 JSON error.
  Response Handle(Request& req, const Plan& plan) const;
  // The most body bytes the request may carry: its route's own limit for streamed
  // bodies, else the JSON body limit.
  std::size_t BodyLimit(const Plan& plan) const;

  // Streamed bodies (BodyMode::kStreamed): whether the plan's route streams, then
  // the route's start once the header is in (after which the transport feeds the
  // sink), and the answer once the body is complete. Never throw; every response
  // gets the common headers.
  static bool Streams(const Plan& plan);
  StreamStart BeginStream(Request& req, const Plan& plan) const;
  Response FinishStream(const Request& req, BodySink& sink) const;

  // Whether `req` asks for the events WebSocket, and whether it may open one: under
  // the upgrade rate of its address, a valid session cookie, an Origin (when sent) of
  // this same host, so other sites cannot open a socket with the user's cookie, and
  // under the socket caps of its session and user (the slot holds its place).
  static bool IsEventsPath(std::string_view path) { return path == "/api/v1/events"; }
  struct EventsAdmission {
    core::Principal principal;
    std::unique_ptr<SocketQuota::Slot> slot;
  };
  core::Result<EventsAdmission> AdmitEvents(const Request& req) const;
  const SocketLimits& socket_limits() const { return options_.sockets; }
  EventHub& events() const { return services_.events; }

  const Router& router() const { return router_; }
  const ApiOptions& options() const { return options_; }
  ServiceSet& services() { return services_; }

 private:
  Response Dispatch(Request& req, const Plan& plan) const;

  ApiOptions options_;
  ServiceSet services_;
  Router router_;
  StaticFiles static_files_;
  std::unique_ptr<SocketQuota> sockets_;
};

}  // namespace textura::http
