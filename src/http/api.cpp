#include "http/api.h"

#include <spdlog/spdlog.h>

#include <exception>

#include "http/auth.h"
#include "http/handlers/handlers.h"
#include "http/headers.h"
#include "http/json.h"

namespace textura::http {

Api::Api(ApiOptions options, ServiceSet services)
    : options_(std::move(options)),
      services_(services),
      router_([&auth = services_.auth, keys = services_.api_keys](const Request& req,
                                                                  services::Capability need) {
        return Admit(auth, keys, req, need);
      }),
      static_files_(options_.web_dir),
      sockets_(std::make_unique<SocketQuota>(options_.sockets)) {
  RegisterSystemRoutes(router_, *this);
  RegisterAuthRoutes(router_, *this);
  RegisterTicketRoutes(router_, *this);
  RegisterAttachmentRoutes(router_, *this);
  RegisterAdminRoutes(router_, *this);
  RegisterSupportAdminRoutes(router_, *this);
  RegisterEmployeeRoutes(router_, *this);
  RegisterChatRoutes(router_, *this);
  RegisterFinanceRoutes(router_, *this);
  RegisterConsoleRoutes(router_, *this);
  RegisterTicketConsoleRoutes(router_, *this);
  RegisterCannedReplyRoutes(router_, *this);
  RegisterChannelRoutes(router_, *this);
  RegisterApiKeyRoutes(router_, *this);
  RegisterWebhookRoutes(router_, *this);
  if (!static_files_.has_index()) {
    spdlog::warn("no web app in {} (index.html missing): run `make build` or set TEXTURA_WEB_DIR",
                 options_.web_dir);
  }
}

namespace {
bool IsApiPath(std::string_view path) {
  return path == "/healthz" || path == "/api" || path.starts_with("/api/");
}
}  // namespace

Api::Plan Api::Prepare(const Request& req) const {
  Plan plan;
  if (!IsApiPath(req.path)) return plan;
  plan.lookup = router_.Find(req.method, req.path);
  if (plan.lookup.outcome == Router::Outcome::kFound) {
    const bool offload =
        plan.lookup.route->execution == Execution::kOffload || !options_.inline_reads;
    plan.execution = offload ? Execution::kOffload : Execution::kInline;
  }
  return plan;
}

Response Api::Dispatch(Request& req, const Plan& plan) const {
  if (IsApiPath(req.path)) {
    const auto& found = plan.lookup;
    switch (found.outcome) {
      case Router::Outcome::kFound:
        return found.route->handler(req, found.match);
      case Router::Outcome::kMethodNotAllowed: {
        Response r = ErrorResponse(core::ErrorCode::kMethodNotAllowed,
                                   std::string(MethodName(req.method)) + " is not allowed on " +
                                       req.path + "; use " + found.allow + ".");
        r.SetHeader("Allow", found.allow);
        return r;
      }
      case Router::Outcome::kNotFound:
        return ErrorResponse(core::ErrorCode::kNotFound, "No such endpoint: " + req.path);
    }
  }
  if (req.method != Method::kGet && req.method != Method::kHead) {
    Response r = ErrorResponse(core::ErrorCode::kMethodNotAllowed,
                               "Only GET and HEAD are allowed on the web app's pages.");
    r.SetHeader("Allow", "GET, HEAD");
    return r;
  }
  return static_files_.Serve(req);
}

core::Result<Api::EventsAdmission> Api::AdmitEvents(const Request& req) const {
  if (auto rate = sockets_->CheckUpgradeRate(req.remote_ip); !rate) return std::move(rate).error();
  const std::string_view origin = req.Header("Origin");
  if (!origin.empty()) {
    const size_t scheme = origin.find("://");
    const std::string_view origin_host =
        scheme == std::string_view::npos ? origin : origin.substr(scheme + 3);
    if (origin_host != req.Header("Host")) {
      return core::Error::Forbidden("Events are only available to this site's own pages.");
    }
  }
  auto who = Authenticate(services_.auth, req);
  if (!who) return std::move(who).error();
  auto slot = sockets_->Admit(
      {"session:" + std::to_string(who->session.id), "user:" + std::to_string(who->user.id)});
  if (!slot) return std::move(slot).error();
  return EventsAdmission{std::move(*who), std::move(*slot)};
}

std::size_t Api::BodyLimit(const Plan& plan) const {
  return Streams(plan) ? plan.lookup.route->body_limit : options_.max_body_bytes;
}

bool Api::Streams(const Plan& plan) {
  return plan.lookup.outcome == Router::Outcome::kFound &&
         plan.lookup.route->body == BodyMode::kStreamed;
}

StreamStart Api::BeginStream(Request& req, const Plan& plan) const {
  StreamStart start;
  try {
    start = plan.lookup.route->stream(req, plan.lookup.match);
  } catch (const std::exception& e) {
    spdlog::error("unhandled exception for {} {}: {}", MethodName(req.method), req.path, e.what());
    start.sink.reset();
    start.rejection =
        ErrorResponse(core::ErrorCode::kInternal, "Something went wrong on our side.");
  }
  if (!start.sink) ApplyCommonHeaders(start.rejection, true);
  return start;
}

Response Api::FinishStream(const Request& req, BodySink& sink) const {
  Response r;
  try {
    r = sink.Finish();
  } catch (const std::exception& e) {
    spdlog::error("unhandled exception for {} {}: {}", MethodName(req.method), req.path, e.what());
    r = ErrorResponse(core::ErrorCode::kInternal, "Something went wrong on our side.");
  }
  ApplyCommonHeaders(r, true);
  return r;
}

Response Api::Handle(Request& req, const Plan& plan) const {
  Response r;
  try {
    r = Dispatch(req, plan);
  } catch (const std::exception& e) {
    spdlog::error("unhandled exception for {} {}: {}", MethodName(req.method), req.path, e.what());
    r = ErrorResponse(core::ErrorCode::kInternal, "Something went wrong on our side.");
  }
  ApplyCommonHeaders(r, IsApiPath(req.path));
  return r;
}

}  // namespace textura::http
