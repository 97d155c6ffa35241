#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "http/message.h"

namespace textura::http {

// What a handler receives: the request and the values of the route's {params}.
struct RouteMatch {
  std::vector<std::pair<std::string_view, std::string_view>> params;
  std::string_view Param(std::string_view name) const;
};

using Handler = std::function<Response(Request&, const RouteMatch&)>;

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
};

// Maps method + path to a handler. Patterns are literal segments and {name}
// segments matching one non-empty segment. Immutable after setup; thread-safe reads.
class Router {
 public:
  void Add(Method method, std::string pattern, Execution execution, Handler handler);
  // A route whose body is streamed to a sink (see BodyMode); its handlers run on
  // the worker pool.
  void AddStreaming(Method method, std::string pattern, std::size_t body_limit,
                    StreamHandler stream);

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
  std::vector<Route> routes_;
};

}  // namespace textura::http
