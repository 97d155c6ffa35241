#include "http/request_head.h"

namespace textura::http::transport {

namespace {

constexpr std::size_t kRequestHeaderFields = 16;  // room reserved for a typical request

}  // namespace

Request RequestFromHead(const HeaderParser& header, const std::string& remote_ip) {
  const auto& head = header.get();
  Request req;
  req.method = ParseMethod(head.method_string());
  req.target = std::string(head.target());
  req.remote_ip = remote_ip;
  req.keep_alive = head.keep_alive();
  req.headers.reserve(kRequestHeaderFields);
  for (const auto& field : head) {
    req.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  if (const auto length = header.content_length()) req.content_length = *length;
  return req;
}

}  // namespace textura::http::transport
