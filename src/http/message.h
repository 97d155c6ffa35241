#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/ports/file_store.h"

namespace textura::http {

// Plain request/response structs: handlers never see Boost.Beast (it stays in the
// transport files behind http/transport.h, which are expensive to compile).

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };
std::string_view MethodName(Method m);
Method ParseMethod(std::string_view name);
// POST, PUT, PATCH, DELETE: the methods that change state and need CSRF protection.
bool IsUnsafe(Method m);

using Fields = std::vector<std::pair<std::string, std::string>>;

struct Request {
  Method method = Method::kGet;
  std::string target;  // as received: path and query
  std::string path;    // percent-decoded path
  Fields query;        // decoded query parameters, in order
  Fields headers;      // names as received
  std::string body;
  std::optional<std::uint64_t> content_length;  // as announced; nullopt when chunked
  std::string remote_ip;
  bool keep_alive = true;

  // Case-insensitive; empty when absent.
  std::string_view Header(std::string_view name) const;
  std::optional<std::string_view> QueryParam(std::string_view name) const;
};

// A body the transport reads from a file while it sends it (downloads), so a large
// file never sits whole in memory.
struct FileBody {
  std::unique_ptr<core::FileReader> reader;
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
};

struct Response {
  int status = 200;
  std::string content_type;
  Fields headers;
  std::string body;
  // Static files share one immutable copy instead of `body`.
  std::shared_ptr<const std::string> shared_body;
  // Downloads: bytes read from a file instead of `body`.
  std::shared_ptr<FileBody> file_body;

  std::string_view Body() const { return shared_body ? *shared_body : body; }
  std::uint64_t BodySize() const { return file_body ? file_body->length : Body().size(); }
  void SetHeader(std::string name, std::string value);
};

// Fills path and query from target; false when the target is not a valid origin-form URL.
bool ParseTarget(Request& req);

// What is wrong with how the request frames its body, or nullopt (RFC 9112 §6.1, §6.3):
// a Transfer-Encoding must be exactly `chunked` (once, in any case), and never sent
// with a Content-Length. The transport answers anything else 400 and closes the
// connection, so a body is never read as the next request (request smuggling).
std::optional<std::string> BodyFramingProblem(const Request& req);

// Whether the announced Content-Length is over `limit`: such a body is refused (413)
// before a byte of it is read, and nothing is allocated for it.
inline bool AnnouncedBodyExceeds(const Request& req, std::size_t limit) {
  return req.content_length && *req.content_length > limit;
}

}  // namespace textura::http
