#include "http/router.h"

#include "http/json.h"

namespace textura::http {

std::string_view RouteMatch::Param(std::string_view name) const {
  for (const auto& [k, v] : params) {
    if (k == name) return v;
  }
  return {};
}

void Router::Add(Method method, std::string pattern, Execution execution, Handler handler) {
  routes_.push_back({method, std::move(pattern), execution, std::move(handler)});
}

void Router::AddStreaming(Method method, std::string pattern, std::size_t body_limit,
                          StreamHandler stream) {
  Route r{method, std::move(pattern), Execution::kOffload, {}};
  r.body = BodyMode::kStreamed;
  r.stream = std::move(stream);
  r.body_limit = body_limit;
  routes_.push_back(std::move(r));
}

void Router::Add(Method method, std::string pattern, services::Capability access,
                 Execution execution, PrincipalHandler handler) {
  Add(method, std::move(pattern), execution,
      [admission = admission_, access, handler = std::move(handler)](Request& req,
                                                                     const RouteMatch& m) {
        auto who = (*admission)(req, access);
        if (!who) return ErrorResponse(who.error());
        return handler(req, m, *who);
      });
  routes_.back().access = access;
}

void Router::AddStreaming(Method method, std::string pattern, services::Capability access,
                          std::size_t body_limit, PrincipalStreamHandler stream) {
  AddStreaming(method, std::move(pattern), body_limit,
               [admission = admission_, access, stream = std::move(stream)](Request& req,
                                                                            const RouteMatch& m) {
                 auto who = (*admission)(req, access);
                 if (!who) {
                   StreamStart refused;
                   refused.rejection = ErrorResponse(who.error());
                   return refused;
                 }
                 return stream(req, m, *who);
               });
  routes_.back().access = access;
}

bool Router::Matches(std::string_view pattern, std::string_view path, RouteMatch& match) {
  match.params.clear();
  size_t pi = 0, si = 0;
  while (pi < pattern.size() && si < path.size()) {
    if (pattern[pi] == '{') {
      const size_t close = pattern.find('}', pi);
      const std::string_view name = pattern.substr(pi + 1, close - pi - 1);
      size_t end = path.find('/', si);
      if (end == std::string_view::npos) end = path.size();
      if (end == si) return false;
      match.params.emplace_back(name, path.substr(si, end - si));
      pi = close + 1;
      si = end;
      continue;
    }
    if (pattern[pi] != path[si]) return false;
    ++pi;
    ++si;
  }
  return pi == pattern.size() && si == path.size();
}

Router::Lookup Router::Find(Method method, std::string_view path) const {
  Lookup out;
  RouteMatch match;
  // HEAD is answered by the GET handler (the body is dropped by the transport).
  const Method wanted = method == Method::kHead ? Method::kGet : method;
  for (const Route& r : routes_) {
    if (!Matches(r.pattern, path, match)) continue;
    if (r.method == wanted) {
      out.outcome = Outcome::kFound;
      out.route = &r;
      out.match = std::move(match);
      return out;
    }
    out.outcome = Outcome::kMethodNotAllowed;
    if (!out.allow.empty()) out.allow += ", ";
    out.allow += MethodName(r.method);
  }
  return out;
}

}  // namespace textura::http
