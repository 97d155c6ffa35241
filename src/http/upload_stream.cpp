// The upload stream: a route registered with BodyMode::kStreamed (attachments) sees
// the header first, then gets the body a chunk at a time (docs/attachments.md).
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <vector>

#include "http/headers.h"
#include "http/json.h"
#include "http/transport.h"

namespace textura::http::transport {

namespace {

constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

// Refuses the upload after part of its body was read: the connection cannot be reused.
asio::awaitable<void> Refuse(const Context& ctx, beast::tcp_stream& stream, const Request& req,
                             const core::Error& error, Clock::time_point start) {
  Response res = ErrorResponse(error);
  ApplyCommonHeaders(res, true);
  co_await WriteResponse(stream, req, res, false, ctx.options.write_timeout);
  ctx.LogAccess(req, res, start);
  co_await LingeringClose(stream);
}

}  // namespace

asio::awaitable<bool> ServeStream(const Context& ctx, Worker& w, Connection& conn,
                                  beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                  ReadDeadline& deadline, StreamedRequest request) {
  Request& req = request.req;
  // The route decides (authentication, quota) before a byte of the body is read.
  conn.state = Connection::State::kHandling;
  StreamStart started = co_await asio::co_spawn(
      ctx.pool,
      [&]() -> asio::awaitable<StreamStart> { co_return ctx.api.BeginStream(req, request.plan); },
      asio::use_awaitable);
  if (!started.sink) {
    // The unread body makes the connection unusable, unless there is none.
    const bool again = request.header.is_done() && req.keep_alive && !w.stopping;
    co_await WriteResponse(stream, req, started.rejection, again, ctx.options.write_timeout);
    ctx.LogAccess(req, started.rejection, request.start);
    if (!again) co_await LingeringClose(stream);
    co_return again;
  }
  if (beast::iequals(req.Header("Expect"), "100-continue")) {
    co_await asio::async_write(stream, asio::buffer(kContinue.data(), kContinue.size()), kAsTuple);
  }

  // The body goes to the sink a chunk at a time. Unlike buffered bodies, each chunk
  // (not the whole body) must arrive within the read timeout: a large upload on a
  // slow link is fine, a stalled one is cut. Only authenticated callers get here.
  // On any failure `started.sink` is destroyed, which removes what it wrote.
  conn.state = Connection::State::kReading;
  bhttp::request_parser<bhttp::buffer_body> parser(std::move(request.header));
  parser.body_limit(request.limit);
  std::vector<char> chunk(kStreamChunkBytes);
  while (!parser.is_done()) {
    parser.get().body().data = chunk.data();
    parser.get().body().size = chunk.size();
    deadline.Arm(ctx.options.read_timeout);
    // read_some: whatever has arrived goes to the sink now, so a limit or quota is
    // enforced as soon as it is passed, not once 64 KiB have gathered.
    auto [ec, n] = co_await bhttp::async_read_some(stream, buffer, parser, kAsTuple);
    deadline.Disarm();
    if (ec == bhttp::error::need_buffer) ec = {};
    const std::size_t got = chunk.size() - parser.get().body().size;
    if (!ec && got > 0) {
      if (auto s = started.sink->Append(std::span<const char>(chunk.data(), got)); !s) {
        co_await Refuse(ctx, stream, req, s.error(), request.start);
        co_return false;
      }
    }
    if (!ec) continue;
    if (auto error = ClassifyReadError(ec, ReadPhase::kStreamedBody, deadline.expired(), w.stopping,
                                       ctx.options.max_header_bytes, request.limit)) {
      co_await WriteError(stream, *error, ctx.options.write_timeout);
    }
    co_return false;
  }

  conn.state = Connection::State::kHandling;
  Response res = co_await asio::co_spawn(
      ctx.pool,
      [&]() -> asio::awaitable<Response> {
        Response r = ctx.api.FinishStream(req, *started.sink);
        started.sink.reset();  // closes the file here, off the I/O thread
        co_return r;
      },
      asio::use_awaitable);
  const bool keep_alive = req.keep_alive && !w.stopping;
  co_await WriteResponse(stream, req, res, keep_alive, ctx.options.write_timeout);
  ctx.LogAccess(req, res, request.start);
  co_return keep_alive;
}

}  // namespace textura::http::transport
