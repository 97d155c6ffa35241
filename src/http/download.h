#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "http/message.h"
#include "services/attachment_service.h"

namespace textura::http {

// How a browser should treat a downloaded file: show it (safe images only) or save it.
enum class Disposition { kInline, kAttachment };

// A Content-Disposition value naming `filename` twice: an ASCII fallback
// (filename="…", other bytes as '_') and the exact UTF-8 name (RFC 5987 filename*).
std::string ContentDisposition(Disposition disposition, std::string_view filename);

// A Range header applied to a body of `size` bytes. Only single ranges are served;
// an absent, malformed or multi-range header means the whole body (RFC 9110 lets a
// server ignore Range).
struct RangeRequest {
  enum class Kind { kWhole, kPartial, kUnsatisfiable };
  Kind kind = Kind::kWhole;
  std::uint64_t first = 0;  // kPartial: inclusive bounds
  std::uint64_t last = 0;
};
RangeRequest ParseRange(std::string_view header, std::uint64_t size);

// Whether an If-None-Match header lists `etag` (a quoted entity tag; weak comparison,
// "*" matches anything).
bool IfNoneMatch(std::string_view header, std::string_view etag);

// Answers a GET or HEAD for stored bytes: 200 with the whole file, 206 for a
// satisfiable Range (unless If-Range names another version), 304 when If-None-Match
// matches, 416 range_not_satisfiable with Content-Range: bytes */size. Every answer
// carries the ETag (the content key), Accept-Ranges, a private Cache-Control, the
// disposition and a sandboxing Content-Security-Policy, so even a file the browser
// opens cannot run script with this site's rights.
Response DownloadResponse(const Request& req, services::AttachmentContent content,
                          Disposition disposition, const std::string& filename);

}  // namespace textura::http
