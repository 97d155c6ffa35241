#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/numbers.h"
#include "core/result.h"
#include "core/user.h"
#include "http/message.h"
#include "services/access.h"

namespace textura::http {

// What a handler receives: the request and the values of the route's {params}.
struct RouteMatch {
  std::vector<std::pair<std::string_view, std::string_view>> params;
  std::string_view Param(std::string_view name) const;
  // The {name} parameter as an id (a positive integer), else nullopt.
  std::optional<std::int64_t> Id(std::string_view name = "id") const {
    return core::ParseId(Param(name));
  }
};

// A public route's handler, and the form every other route uses: the principal the
// router admitted (authenticated, and holding the route's Capability) comes with it.
using Handler = std::function<Response(Request&, const RouteMatch&)>;
using PrincipalHandler =
    std::function<Response(Request&, const RouteMatch&, const core::Principal&)>;

// Admits a request to a route that needs `need`: the caller's principal (from the
// session cookie; later an API key or a visitor token) once services::Require
// passes, else the error to answer (401, 403, CSRF).
using Admission =
    std::function<core::Result<core::Principal>(const Request&, services::Capability need)>;

// Where a route's handler runs. kInline: on the I/O thread (short reads of the
// embedded database). kOffload: on the worker pool (writes, password hashing,
// anything that waits).
enum class Execution { kInline, kOffload };

// Receives a request body piece by piece as it arrives (uploads), instead of the
// transport buffering it whole. Destroying a sink before Finish() abandons the
// request and must undo whatever the sink did.
class BodySink {
 public:
  virtual ~BodySink() = default;
  // Runs on the I/O thread for each piece: must be quick. An error ends the request
  // with that error (e.g. kTooLarge).
  virtual core::Status Append(std::span<const char> bytes) = 0;
  // Runs on the worker pool once the whole body has arrived; may block.
  virtual Response Finish() = 0;
};

// What a streaming route answers once the header is in: a sink for the body, or a
// response (an error) sent without reading the body.
struct StreamStart {
  std::unique_ptr<BodySink> sink;
  Response rejection;
};
using StreamHandler = std::function<StreamStart(Request&, const RouteMatch&)>;
using PrincipalStreamHandler =
    std::function<StreamStart(Request&, const RouteMatch&, const core::Principal&)>;

// kBuffered: the transport reads the whole body (up to the JSON body limit) into
// Request::body before the handler runs. kStreamed: the route's StreamHandler runs
// after the header, and the body (up to the route's own limit) goes to its sink.
enum class BodyMode { kBuffered, kStreamed };

struct Route {
  Method method;
  std::string pattern;  // "/api/v1/tickets/{id}/messages"
  Execution execution;
  Handler handler;  // kBuffered
  BodyMode body = BodyMode::kBuffered;
  StreamHandler stream{};      // kStreamed
  std::size_t body_limit = 0;  // kStreamed: bytes
  // Who the route serves; the router admits the caller before the handler runs.
  services::Capability access = services::Capability::kPublic;
};

// Maps method + path to a handler. Patterns are literal segments and {name}
// segments matching one non-empty segment. Immutable after setup; thread-safe reads.
class Router {
 public:
  Router() = default;
  // `admission` admits callers of the routes that declare a Capability.
  explicit Router(Admission admission)
      : admission_(std::make_shared<const Admission>(std::move(admission))) {}

  // A public route (Capability::kPublic): anyone may call it.
  void Add(Method method, std::string pattern, Execution execution, Handler handler);
  // A route for callers with `access`: admitted before `handler` runs, so handlers
  // never authenticate or test roles (services/access.h).
  void Add(Method method, std::string pattern, services::Capability access, Execution execution,
           PrincipalHandler handler);
  // A route whose body is streamed to a sink (see BodyMode); its handlers run on
  // the worker pool. The caller is admitted after the header, before a byte of the
  // body is read.
  void AddStreaming(Method method, std::string pattern, std::size_t body_limit,
                    StreamHandler stream);
  void AddStreaming(Method method, std::string pattern, services::Capability access,
                    std::size_t body_limit, PrincipalStreamHandler stream);

  enum class Outcome { kFound, kNotFound, kMethodNotAllowed };
  struct Lookup {
    Outcome outcome = Outcome::kNotFound;
    const Route* route = nullptr;
    RouteMatch match;
    std::string allow;  // for kMethodNotAllowed: "GET, POST"
  };
  Lookup Find(Method method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  static bool Matches(std::string_view pattern, std::string_view path, RouteMatch& match);
  std::shared_ptr<const Admission> admission_;  // shared by the routes' handlers
  std::vector<Route> routes_;
};

}  // namespace textura::http
