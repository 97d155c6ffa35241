// Small pieces the console's handlers share.
#pragma once

#include <boost/json.hpp>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.h"
#include "http/router.h"

namespace textura::http::console {

// A positive integer path parameter; nullopt for anything else (the caller answers 404).
inline std::optional<std::int64_t> PathId(const RouteMatch& m, std::string_view name = "id") {
  const std::string_view s = m.Param(name);
  std::int64_t id = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || p != s.data() + s.size() || id <= 0) return std::nullopt;
  return id;
}

inline std::optional<std::string> Query(const Request& req, std::string_view name) {
  if (auto v = req.QueryParam(name)) return std::string(*v);
  return std::nullopt;
}

inline boost::json::object Items(boost::json::array items) {
  return {{"items", std::move(items)}};
}

}  // namespace textura::http::console
