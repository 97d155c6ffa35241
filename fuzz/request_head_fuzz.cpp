// Fuzz target: bytes from a client, as the transport reads them (session.cpp): the
// header with the server's limit, the plain Request built from it, the target and the
// body framing rules, the Accept-Encoding choice of the static files, then the body with the JSON
// body limit. Invariants: no crash, no sanitizer report, and a request whose framing is accepted
// never uses a Transfer-Encoding other than one final chunked.
#include <strings.h>

#include <boost/beast/core/buffers_prefix.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "http/content_coding.h"
#include "http/message.h"
#include "http/request_head.h"

namespace bhttp = boost::beast::http;

namespace {

constexpr std::size_t kHeaderLimit = 16 * 1024;  // ServerOptions::max_header_bytes
constexpr std::size_t kBodyLimit = 1 << 20;      // ApiOptions::max_body_bytes

// Feeds `bytes` to the parser as the socket would, until `enough(parser)` (the header
// alone, as async_read_header stops there, or the whole message); returns what was
// consumed.
template <class Parser, class Enough>
std::size_t Feed(Parser& parser, std::string_view bytes, boost::system::error_code& ec,
                 Enough enough) {
  std::size_t used = 0;
  while (used < bytes.size() && !enough(parser)) {
    const std::size_t n =
        parser.put(boost::asio::const_buffer(bytes.data() + used, bytes.size() - used), ec);
    if (ec == bhttp::error::need_more) ec = {};
    if (ec || n == 0) break;
    used += n;
  }
  return used;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  textura::http::transport::HeaderParser header;
  header.header_limit(kHeaderLimit);
  header.body_limit(boost::none);
  header.eager(false);
  boost::system::error_code ec;
  const std::size_t used =
      Feed(header, bytes, ec, [](const auto& p) { return p.is_header_done(); });
  if (ec || !header.is_header_done()) return 0;

  textura::http::Request req = textura::http::transport::RequestFromHead(header, "127.0.0.1");
  if (!textura::http::ParseTarget(req)) return 0;
  if (textura::http::BodyFramingProblem(req)) return 0;
  // Accepted framing: at most one Transfer-Encoding value, and it is chunked.
  for (const auto& [name, value] : req.headers) {
    if (name.size() == 17 && strncasecmp(name.c_str(), "transfer-encoding", 17) == 0 &&
        req.content_length) {
      std::abort();  // both framings were accepted
    }
  }
  // The session refuses an announced body over the limit before reading it (413).
  if (textura::http::AnnouncedBodyExceeds(req, kBodyLimit)) return 0;
  (void)req.Header("Content-Type");
  (void)textura::http::ChooseCoding(req.Header("Accept-Encoding"), true, true);
  (void)req.QueryParam("cursor");

  bhttp::request_parser<bhttp::string_body> body(std::move(header));
  body.body_limit(kBodyLimit);
  Feed(body, bytes.substr(used), ec, [](const auto& p) { return p.is_done(); });
  if (!ec && body.is_done()) {
    const auto& message = body.get();
    if (message.body().size() > kBodyLimit) std::abort();
  }
  return 0;
}
