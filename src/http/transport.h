#pragma once

// Internal to the HTTP transport (it pulls in Beast): shared by the files that each
// hold one of its roles — listener.cpp (sockets, threads, shutdown), session.cpp
// (one connection's request loop), request_reader.cpp (header and buffered body,
// and the one classifier of read errors), upload_stream.cpp (streamed bodies) and
// response_writer.cpp. Handlers never see this: they get http/message.h.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <list>
#include <optional>
#include <string>

#include "core/error.h"
#include "http/access_log.h"
#include "http/api.h"
#include "http/message.h"
#include "http/read_deadline.h"
#include "http/request_head.h"
#include "http/server.h"

namespace textura::http::transport {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;
using Clock = std::chrono::steady_clock;

inline constexpr auto kAsTuple = asio::as_tuple(asio::use_awaitable);
// Streamed request bodies (uploads) and file responses (downloads) move through a
// buffer of this size, so memory per connection stays flat however large the file.
inline constexpr std::size_t kStreamChunkBytes = std::size_t{64} * 1024;

// Per-connection state the shutdown code needs; lives on its thread's list.
struct Connection {
  enum class State { kIdle, kReading, kHandling };
  std::function<void()> cancel;  // ends whatever the connection is waiting for
  State state = State::kIdle;
};

// One thread's share of the server.
struct Worker {
  std::list<Connection*> connections;  // touched only on this worker's thread
  bool stopping = false;               // likewise
  asio::io_context ioc{1};
  std::optional<tcp::acceptor> acceptor;

  // Connections cut at the end of the shutdown grace still have coroutine frames in
  // `ioc`; destroying it runs their cleanup, which touches `connections`, so the
  // context must go first (members die in reverse order: it is declared after them).
  ~Worker() { acceptor.reset(); }
};

// What every connection of the server shares.
struct Context {
  const ServerOptions& options;
  Api& api;
  asio::thread_pool& pool;
  const AccessLog& access_log;

  void LogAccess(const Request& req, const Response& res, Clock::time_point start) const;
};

// --- session.cpp: one connection, request after request, until it closes.
asio::awaitable<void> Serve(const Context& ctx, Worker& w, tcp::socket socket);

// --- request_reader.cpp
enum class ReadPhase { kHeader, kBody, kStreamedBody };
// The answer to a failed read: 408 when the read deadline passed, 431 / 413 over the
// header / body limit, 400 for malformed bytes; nullopt (close without a word) when
// the peer went away or the server is shutting down. The one place that decides.
std::optional<core::Error> ClassifyReadError(error_code ec, ReadPhase phase, bool timed_out,
                                             bool stopping, std::size_t header_limit,
                                             std::size_t body_limit);
// Reads the request header into `header` (the body is left to the route's reader).
asio::awaitable<error_code> ReadHeader(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                       HeaderParser& header, std::size_t header_limit);
// Reads the whole body (at most `limit` bytes) into `message`, which also keeps the
// header (a WebSocket upgrade hands it to the session).
asio::awaitable<error_code> ReadBufferedBody(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                             HeaderParser& header, std::size_t limit,
                                             bhttp::request<bhttp::string_body>& message);

// --- upload_stream.cpp: a route with BodyMode::kStreamed, once its header is in.
// Returns whether the connection may serve another request.
struct StreamedRequest {
  HeaderParser& header;
  Request& req;
  const Api::Plan& plan;
  std::size_t limit;
  Clock::time_point start;
};
asio::awaitable<bool> ServeStream(const Context& ctx, Worker& w, Connection& conn,
                                  beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                  ReadDeadline& deadline, StreamedRequest request);

// --- response_writer.cpp
asio::awaitable<void> WriteResponse(beast::tcp_stream& stream, const Request& req, Response& res,
                                    bool keep_alive, std::chrono::seconds write_timeout);
// A JSON error answer (with the common headers), then a lingering close.
asio::awaitable<void> WriteError(beast::tcp_stream& stream, const core::Error& error,
                                 std::chrono::seconds write_timeout);
// Stops sending, drains what the client still sends for a moment, so the kernel does
// not reset the connection before the client read the answer.
asio::awaitable<void> LingeringClose(beast::tcp_stream& stream);

}  // namespace textura::http::transport
