#include "http/handlers/route_helpers.h"

namespace textura::http {

namespace json = boost::json;

std::optional<std::string> Query(const Request& req, std::string_view name) {
  if (auto v = req.QueryParam(name)) return std::string(*v);
  return std::nullopt;
}

json::object Items(json::array items) {
  return {{"items", std::move(items)}};
}

json::object Page(json::array items, const std::optional<std::string>& next) {
  return {{"items", std::move(items)},
          {"next_cursor", next ? json::value(*next) : json::value(nullptr)}};
}

Response NoSuch(std::string_view noun, const RouteMatch& m, std::string_view param) {
  return ErrorResponse(core::ErrorCode::kNotFound,
                       std::string(noun) + " " + std::string(m.Param(param)) + " was not found.");
}

}  // namespace textura::http
