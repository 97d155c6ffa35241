#include "http/message.h"

#include <algorithm>
#include <boost/url/parse.hpp>
#include <cctype>

namespace textura::http {
namespace {

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::string_view MethodName(Method m) {
  switch (m) {
    case Method::kGet:
      return "GET";
    case Method::kHead:
      return "HEAD";
    case Method::kPost:
      return "POST";
    case Method::kPut:
      return "PUT";
    case Method::kPatch:
      return "PATCH";
    case Method::kDelete:
      return "DELETE";
    case Method::kOptions:
      return "OPTIONS";
    case Method::kOther:
      return "OTHER";
  }
  return "OTHER";
}

Method ParseMethod(std::string_view name) {
  if (name == "GET") return Method::kGet;
  if (name == "HEAD") return Method::kHead;
  if (name == "POST") return Method::kPost;
  if (name == "PUT") return Method::kPut;
  if (name == "PATCH") return Method::kPatch;
  if (name == "DELETE") return Method::kDelete;
  if (name == "OPTIONS") return Method::kOptions;
  return Method::kOther;
}

bool IsUnsafe(Method m) {
  return m == Method::kPost || m == Method::kPut || m == Method::kPatch || m == Method::kDelete;
}

std::string_view Request::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (IEquals(k, name)) return v;
  }
  return {};
}

std::optional<std::string_view> Request::QueryParam(std::string_view name) const {
  for (const auto& [k, v] : query) {
    if (k == name) return std::string_view(v);
  }
  return std::nullopt;
}

void Response::SetHeader(std::string name, std::string value) {
  for (auto& [k, v] : headers) {
    if (IEquals(k, name)) {
      v = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

bool ParseTarget(Request& req) {
  auto url = boost::urls::parse_origin_form(req.target);
  if (!url) return false;
  req.path = url->path();
  if (req.path.empty() || req.path.front() != '/') return false;
  req.query.clear();
  for (auto param : url->params()) {
    req.query.emplace_back(param.key, param.has_value ? param.value : std::string());
  }
  return true;
}

std::optional<std::string> BodyFramingProblem(const Request& req) {
  bool transfer_encoding = false;
  std::size_t codings = 0;
  bool chunked_last = false;
  bool content_length = false;
  for (const auto& [name, value] : req.headers) {
    if (IEquals(name, "Content-Length")) content_length = true;
    if (!IEquals(name, "Transfer-Encoding")) continue;
    transfer_encoding = true;
    std::string_view rest = value;
    while (!rest.empty()) {
      const std::size_t comma = rest.find(',');
      std::string_view coding = rest.substr(0, comma);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      while (!coding.empty() && (coding.front() == ' ' || coding.front() == '\t')) {
        coding.remove_prefix(1);
      }
      while (!coding.empty() && (coding.back() == ' ' || coding.back() == '\t')) {
        coding.remove_suffix(1);
      }
      if (coding.empty()) continue;  // empty list elements are allowed (RFC 9110 §5.6.1)
      ++codings;
      chunked_last = IEquals(coding, "chunked");
    }
  }
  if (!transfer_encoding) return std::nullopt;
  if (content_length) return "A request may not carry both Transfer-Encoding and Content-Length.";
  if (codings != 1 || !chunked_last) {
    return "The only Transfer-Encoding accepted is chunked (no other coding, once).";
  }
  return std::nullopt;
}

}  // namespace textura::http
