#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

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

struct Route {
  Method method;
  std::string pattern;  // "/api/v1/tickets/{id}/messages"
  Execution execution;
  Handler handler;
};

// Maps method + path to a handler. Patterns are literal segments and {name}
// segments matching one non-empty segment. Immutable after setup; thread-safe reads.
class Router {
 public:
  void Add(Method method, std::string pattern, Execution execution, Handler handler);

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
