// What the route files share: path ids, query parameters, list bodies. Routes are
// registered with the Capability they need (services/access.h); the router admits
// the caller, so handlers start from the principal.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "http/json.h"
#include "http/message.h"
#include "http/router.h"

namespace textura::http {

// A query parameter as received (the service validates it); nullopt when absent.
std::optional<std::string> Query(const Request& req, std::string_view name);

// List bodies: {"items": [...]} and, for keyset pages, "next_cursor" (null on the last).
boost::json::object Items(boost::json::array items);
boost::json::object Page(boost::json::array items, const std::optional<std::string>& next);

// 404 for a path id that names nothing: "<noun> <raw> was not found."
Response NoSuch(std::string_view noun, const RouteMatch& m, std::string_view param = "id");

// A handler for routes under /<resource>/{id}: runs fn(request, match, principal, id)
// once {id} is a positive integer, else answers NoSuch(noun).
template <typename Fn>
PrincipalHandler WithId(std::string noun, Fn fn) {
  return [noun = std::move(noun), fn = std::move(fn)](Request& req, const RouteMatch& m,
                                                      const core::Principal& who) -> Response {
    const auto id = m.Id();
    if (!id) return NoSuch(noun, m);
    return fn(req, m, who, *id);
  };
}

// A JSON object body read by `read(JsonFields&)`; a malformed body or an unknown
// member is the error.
template <typename Read>
auto ReadBody(const Request& req, Read read)
    -> core::Result<decltype(read(std::declval<JsonFields&>()))> {
  auto body = ParseJsonBody(req);
  if (!body) return std::move(body).error();
  JsonFields f(*body);
  auto in = read(f);
  if (auto err = f.Finish()) return *err;
  return in;
}

// Answers a service's result: its error, or render(value) with `status`.
template <typename T, typename Render>
Response Answer(const core::Result<T>& result, int status, Render render) {
  if (!result) return ErrorResponse(result.error());
  return JsonResponse(status, render(*result));
}

}  // namespace textura::http
