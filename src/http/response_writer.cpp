// The response writer: status, headers and a body from memory or, for downloads, from
// a file a chunk at a time; and the error answers that end a connection.
#include <array>
#include <boost/asio/write.hpp>
#include <boost/beast/http/span_body.hpp>
#include <boost/beast/http/write.hpp>
#include <vector>

#include "http/headers.h"
#include "http/json.h"
#include "http/transport.h"

namespace textura::http::transport {

namespace {

// After an error answer: how long to keep reading (and dropping) what the client
// still sends, and how much of it at most.
constexpr auto kLingerTime = std::chrono::seconds(2);
constexpr std::size_t kMaxLingerBytes = std::size_t{1} << 20;
constexpr std::size_t kLingerReadBytes = 4096;
constexpr unsigned kHttp11 = 11;

// Sends body.length bytes of the file from body.offset, a chunk at a time; the write
// timeout applies to each chunk, so a large download on a slow link is not cut.
// A read error midway closes the connection: the client sees a short body, never
// bytes that are not the file's.
asio::awaitable<void> WriteFileBody(beast::tcp_stream& stream, FileBody& body,
                                    std::chrono::seconds write_timeout) {
  std::vector<char> chunk(kStreamChunkBytes);
  std::uint64_t offset = body.offset;
  std::uint64_t left = body.length;
  while (left > 0) {
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(left, chunk.size()));
    auto n = body.reader->ReadAt(offset, std::span<char>(chunk.data(), want));
    if (!n || *n == 0) {
      error_code ignored;
      stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
      co_return;
    }
    stream.expires_after(write_timeout);
    auto [ec, written] =
        co_await asio::async_write(stream, asio::buffer(chunk.data(), *n), kAsTuple);
    if (ec) co_return;
    offset += *n;
    left -= *n;
  }
}

}  // namespace

asio::awaitable<void> WriteResponse(beast::tcp_stream& stream, const Request& req, Response& res,
                                    bool keep_alive, std::chrono::seconds write_timeout) {
  const bool no_body = res.status == 204 || res.status == 304;
  const bool send_body = req.method != Method::kHead && !no_body;
  const auto fill_header = [&](auto& out) {
    out.version(kHttp11);
    out.result(static_cast<unsigned>(res.status));
    if (!res.content_type.empty()) out.set(bhttp::field::content_type, res.content_type);
    for (const auto& [name, value] : res.headers) out.insert(name, value);
    if (!no_body) out.content_length(res.BodySize());
    out.keep_alive(keep_alive);
  };
  stream.expires_after(write_timeout);
  if (res.file_body) {
    bhttp::response<bhttp::empty_body> out;
    fill_header(out);
    bhttp::response_serializer<bhttp::empty_body> serializer(out);
    auto [ec, n] = co_await bhttp::async_write_header(stream, serializer, kAsTuple);
    if (!ec && send_body) co_await WriteFileBody(stream, *res.file_body, write_timeout);
    co_return;
  }
  bhttp::response<bhttp::span_body<const char>> out;
  fill_header(out);
  const std::string_view body = res.Body();
  if (send_body) out.body() = beast::span<const char>(body.data(), body.size());
  co_await bhttp::async_write(stream, out, kAsTuple);
}

asio::awaitable<void> WriteError(beast::tcp_stream& stream, const core::Error& error,
                                 std::chrono::seconds write_timeout) {
  Request req;
  Response res = ErrorResponse(error);
  ApplyCommonHeaders(res, true);
  co_await WriteResponse(stream, req, res, false, write_timeout);
  co_await LingeringClose(stream);
}

// Closing a socket with unread input makes the kernel send a reset, which can
// destroy the error response before the client reads it. So: stop sending, read and
// drop what is still coming for a moment, then close.
asio::awaitable<void> LingeringClose(beast::tcp_stream& stream) {
  error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.expires_after(kLingerTime);
  std::array<char, kLingerReadBytes> sink;
  std::size_t drained = 0;
  while (drained < kMaxLingerBytes) {
    auto [read_ec, n] = co_await stream.async_read_some(asio::buffer(sink), kAsTuple);
    if (read_ec) break;
    drained += n;
  }
}

}  // namespace textura::http::transport
