// The HTTP transport: the only file (with websocket code later) that sees Boost.Beast.
// Handlers get plain Request/Response structs from http/message.h.
#include "http/server.h"

#include <spdlog/spdlog.h>

#include <array>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <condition_variable>
#include <functional>
#include <list>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "http/access_log.h"
#include "http/headers.h"
#include "http/json.h"
#include "http/read_deadline.h"
#include "http/websocket_session.h"

namespace textura::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;

namespace {

constexpr auto kAsTuple = asio::as_tuple(asio::use_awaitable);
constexpr std::size_t kFirstReadBytes = 4096;
// Streamed request bodies (uploads) and file responses (downloads) move through a
// buffer of this size, so memory per connection stays flat however large the file.
constexpr std::size_t kStreamChunkBytes = std::size_t{64} * 1024;
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

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

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, Api& a)
      : options(std::move(o)),
        api(a),
        pool(options.worker_threads),
        access_log(options.access_log) {}

  ServerOptions options;
  Api& api;
  asio::thread_pool pool;
  std::vector<std::unique_ptr<Worker>> workers;
  std::uint16_t bound_port = 0;
  AccessLog access_log;

  void Listen();
  void Run();
  void BeginShutdown();
  asio::awaitable<void> Accept(Worker& w);
  asio::awaitable<void> Serve(Worker& w, tcp::socket socket);
  // Runs a streaming route (BodyMode::kStreamed) once its header is in: returns
  // whether the connection may serve another request.
  asio::awaitable<bool> ServeStream(Worker& w, Connection& conn, beast::tcp_stream& stream,
                                    beast::flat_buffer& buffer,
                                    bhttp::request_parser<bhttp::empty_body>& header, Request& req,
                                    const Api::Plan& plan, std::size_t limit,
                                    ReadDeadline& deadline,
                                    std::chrono::steady_clock::time_point start);
  asio::awaitable<void> WriteResponse(beast::tcp_stream& stream, const Request& req, Response& res,
                                      bool keep_alive);
  asio::awaitable<void> WriteFileBody(beast::tcp_stream& stream, FileBody& body);
  asio::awaitable<void> WriteError(beast::tcp_stream& stream, core::ErrorCode code,
                                   std::string message);
  asio::awaitable<void> LingeringClose(beast::tcp_stream& stream);
  void LogAccess(const Request& req, const Response& res,
                 std::chrono::steady_clock::time_point start) const;
};

void Server::Impl::Listen() {
  const auto address = asio::ip::make_address(options.host);
  const int n = std::max(1, options.io_threads);
  for (int i = 0; i < n; ++i) {
    auto w = std::make_unique<Worker>();
    tcp::endpoint ep(address, i == 0 ? options.port : bound_port);
    tcp::acceptor acc(w->ioc);
    error_code ec;
    acc.open(ep.protocol(), ec);
    if (!ec) acc.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) {
      // Each thread accepts on its own socket; the kernel spreads connections.
      int one = 1;
      if (::setsockopt(acc.native_handle(), SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) != 0) {
        ec = error_code(errno, boost::system::system_category());
      }
    }
    if (!ec) acc.bind(ep, ec);
    if (!ec) acc.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      throw std::runtime_error("cannot listen on " + options.host + ":" +
                               std::to_string(ep.port()) + ": " + ec.message());
    }
    if (i == 0) bound_port = acc.local_endpoint().port();
    w->acceptor.emplace(std::move(acc));
    workers.push_back(std::move(w));
  }
}

asio::awaitable<void> Server::Impl::Accept(Worker& w) {
  for (;;) {
    auto [ec, socket] = co_await w.acceptor->async_accept(kAsTuple);
    if (ec) {
      if (w.stopping || ec == asio::error::operation_aborted) co_return;
      // Out of file descriptors and the like: back off instead of spinning.
      spdlog::warn("accept failed: {}", ec.message());
      asio::steady_timer t(w.ioc, std::chrono::milliseconds(50));
      co_await t.async_wait(kAsTuple);
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    asio::co_spawn(w.ioc, Serve(w, std::move(socket)), asio::detached);
  }
}

asio::awaitable<void> Server::Impl::WriteResponse(beast::tcp_stream& stream, const Request& req,
                                                  Response& res, bool keep_alive) {
  const bool no_body = res.status == 204 || res.status == 304;
  const bool send_body = req.method != Method::kHead && !no_body;
  const auto fill_header = [&](auto& out) {
    out.version(11);
    out.result(static_cast<unsigned>(res.status));
    if (!res.content_type.empty()) out.set(bhttp::field::content_type, res.content_type);
    for (const auto& [name, value] : res.headers) out.insert(name, value);
    if (!no_body) out.content_length(res.BodySize());
    out.keep_alive(keep_alive);
  };
  stream.expires_after(options.write_timeout);
  if (res.file_body) {
    bhttp::response<bhttp::empty_body> out;
    fill_header(out);
    bhttp::response_serializer<bhttp::empty_body> serializer(out);
    auto [ec, n] = co_await bhttp::async_write_header(stream, serializer, kAsTuple);
    if (!ec && send_body) co_await WriteFileBody(stream, *res.file_body);
    co_return;
  }
  bhttp::response<bhttp::span_body<const char>> out;
  fill_header(out);
  const std::string_view body = res.Body();
  if (send_body) out.body() = beast::span<const char>(body.data(), body.size());
  co_await bhttp::async_write(stream, out, kAsTuple);
}

// Sends body.length bytes of the file from body.offset, a chunk at a time; the write
// timeout applies to each chunk, so a large download on a slow link is not cut.
// A read error midway closes the connection: the client sees a short body, never
// bytes that are not the file's.
asio::awaitable<void> Server::Impl::WriteFileBody(beast::tcp_stream& stream, FileBody& body) {
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
    stream.expires_after(options.write_timeout);
    auto [ec, written] =
        co_await asio::async_write(stream, asio::buffer(chunk.data(), *n), kAsTuple);
    if (ec) co_return;
    offset += *n;
    left -= *n;
  }
}

asio::awaitable<void> Server::Impl::WriteError(beast::tcp_stream& stream, core::ErrorCode code,
                                               std::string message) {
  Request req;
  Response res = ErrorResponse(code, std::move(message));
  ApplyCommonHeaders(res, true);
  co_await WriteResponse(stream, req, res, false);
  co_await LingeringClose(stream);
}

// Closing a socket with unread input makes the kernel send a reset, which can
// destroy the error response before the client reads it. So: stop sending, read and
// drop what is still coming for a moment, then close.
asio::awaitable<void> Server::Impl::LingeringClose(beast::tcp_stream& stream) {
  constexpr auto kLinger = std::chrono::seconds(2);
  constexpr std::size_t kMaxDrain = 1 << 20;
  error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.expires_after(kLinger);
  std::array<char, 4096> sink;
  std::size_t drained = 0;
  while (drained < kMaxDrain) {
    auto [read_ec, n] = co_await stream.async_read_some(asio::buffer(sink), kAsTuple);
    if (read_ec) break;
    drained += n;
  }
}

void Server::Impl::LogAccess(const Request& req, const Response& res,
                             std::chrono::steady_clock::time_point start) const {
  access_log.Record(MethodName(req.method), req.path, res.status, res.BodySize(),
                    std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::steady_clock::now() - start),
                    req.remote_ip);
}

// Writes each I/O thread's buffered access log lines every 250 ms.
asio::awaitable<void> FlushAccessLog(Worker& w, const AccessLog& log) {
  asio::steady_timer timer(w.ioc);
  while (!w.stopping) {
    timer.expires_after(std::chrono::milliseconds(250));
    auto [ec] = co_await timer.async_wait(kAsTuple);
    log.Flush();
    if (ec) break;
  }
}

asio::awaitable<void> Server::Impl::Serve(Worker& w, tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  Connection conn{[&stream] {
                    error_code ignored;
                    stream.socket().cancel(ignored);
                  },
                  Connection::State::kIdle};
  const auto registered = w.connections.insert(w.connections.end(), &conn);
  struct Unregister {
    Worker& w;
    std::list<Connection*>::iterator it;
    ~Unregister() { w.connections.erase(it); }
  } unregister{w, registered};

  error_code ec;
  const auto remote = stream.socket().remote_endpoint(ec);
  const std::string remote_ip = ec ? std::string() : remote.address().to_string();
  beast::flat_buffer buffer;
  ReadDeadline deadline(w.ioc.get_executor(), stream);
  struct DisarmOnExit {
    ReadDeadline& d;
    ~DisarmOnExit() { d.Disarm(); }
  } disarm{deadline};
  bool first_request = true;

  while (!w.stopping) {
    // Wait for the next request's first byte: a new connection gets the read
    // timeout, a kept-alive one the idle timeout. Silence is closed without an answer.
    if (buffer.size() == 0) {
      stream.expires_never();
      deadline.Arm(first_request ? options.read_timeout : options.idle_timeout);
      auto [read_ec, n] =
          co_await stream.async_read_some(buffer.prepare(kFirstReadBytes), kAsTuple);
      deadline.Disarm();
      if (read_ec) break;
      buffer.commit(n);
    }
    first_request = false;
    conn.state = Connection::State::kReading;
    const auto start = std::chrono::steady_clock::now();

    // The whole request (header and body) must arrive within one read timeout, so
    // a client trickling bytes cannot hold the connection.
    stream.expires_never();
    deadline.Arm(options.read_timeout);
    // The header first; the body's parser (buffered or streamed) depends on the route.
    bhttp::request_parser<bhttp::empty_body> header;
    header.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
    header.body_limit(boost::none);  // checked below, once the route is known
    auto [header_ec, header_n] =
        co_await bhttp::async_read_header(stream, buffer, header, kAsTuple);
    if (header_ec) {
      deadline.Disarm();
      if (deadline.expired() && !w.stopping) {
        co_await WriteError(stream, core::ErrorCode::kRequestTimeout,
                            "The request did not arrive in time.");
      } else if (header_ec == bhttp::error::header_limit) {
        co_await WriteError(stream, core::ErrorCode::kHeadersTooLarge,
                            "The request headers are larger than " +
                                std::to_string(options.max_header_bytes) + " bytes.");
      } else if (header_ec != bhttp::error::end_of_stream && header_ec != asio::error::eof &&
                 header_ec != asio::error::connection_reset &&
                 header_ec != asio::error::operation_aborted &&
                 header_ec != bhttp::error::partial_message) {
        co_await WriteError(stream, core::ErrorCode::kInvalidRequest,
                            "Malformed HTTP request: " + header_ec.message() + ".");
      }
      break;
    }

    const auto& head = header.get();
    Request req;
    req.method = ParseMethod(head.method_string());
    req.target = std::string(head.target());
    req.remote_ip = remote_ip;
    req.keep_alive = head.keep_alive();
    req.headers.reserve(16);
    for (const auto& field : head) {
      req.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    if (const auto length = header.content_length()) req.content_length = *length;
    if (!ParseTarget(req)) {
      deadline.Disarm();
      co_await WriteError(stream, core::ErrorCode::kInvalidRequest,
                          "The request target is not a valid path.");
      break;
    }
    if (auto problem = BodyFramingProblem(req)) {
      deadline.Disarm();
      co_await WriteError(stream, core::ErrorCode::kInvalidRequest, std::move(*problem));
      break;
    }

    const Api::Plan plan = api.Prepare(req);
    const std::size_t limit = api.BodyLimit(plan);
    if (req.content_length && *req.content_length > limit) {
      deadline.Disarm();
      // Refuse before reading a byte of the body; the connection cannot be reused.
      co_await WriteError(stream, core::ErrorCode::kTooLarge,
                          "The body is larger than " + std::to_string(limit) + " bytes.");
      break;
    }
    if (Api::Streams(plan)) {
      deadline.Disarm();
      const bool again =
          co_await ServeStream(w, conn, stream, buffer, header, req, plan, limit, deadline, start);
      conn.state = Connection::State::kIdle;
      if (!again) break;
      continue;
    }
    bhttp::request_parser<bhttp::string_body> parser(std::move(header));
    parser.body_limit(limit);
    if (!parser.is_done()) {
      auto [body_ec, body_n] = co_await bhttp::async_read(stream, buffer, parser, kAsTuple);
      if (body_ec) {
        deadline.Disarm();
        if (deadline.expired() && !w.stopping) {
          co_await WriteError(stream, core::ErrorCode::kRequestTimeout,
                              "The request body did not arrive in time.");
        } else if (body_ec == bhttp::error::body_limit) {
          co_await WriteError(stream, core::ErrorCode::kTooLarge,
                              "The body is larger than " + std::to_string(limit) + " bytes.");
        } else if (body_ec != bhttp::error::end_of_stream && body_ec != asio::error::eof &&
                   body_ec != asio::error::connection_reset &&
                   body_ec != bhttp::error::partial_message) {
          co_await WriteError(stream, core::ErrorCode::kInvalidRequest,
                              "Malformed HTTP request body: " + body_ec.message() + ".");
        }
        break;
      }
    }
    deadline.Disarm();
    conn.state = Connection::State::kHandling;
    req.body = std::move(parser.get().body());

    if (Api::IsEventsPath(req.path) && beast::websocket::is_upgrade(parser.get())) {
      auto admitted = api.AdmitEvents(req);
      if (!admitted) {
        Response res = ErrorResponse(admitted.error());
        ApplyCommonHeaders(res, true);
        co_await WriteResponse(stream, req, res, false);
        LogAccess(req, res, start);
        break;
      }
      Response upgraded;
      upgraded.status = 101;
      LogAccess(req, upgraded, start);
      auto session = std::make_shared<WebSocketSession>(
          std::move(stream), std::move(admitted->principal), std::move(admitted->slot),
          api.socket_limits().max_message_bytes, api.events());
      conn.cancel = [weak = std::weak_ptr<WebSocketSession>(session)] {
        if (auto s = weak.lock()) s->Cancel();
      };
      conn.state = Connection::State::kIdle;
      co_await session->Run(parser.release());
      co_return;  // the stream now belongs to the session
    }

    Response res;
    if (plan.execution == Execution::kInline) {
      res = api.Handle(req, plan);
    } else {
      // Off the I/O thread: the handler may hash a password or wait for a commit.
      res = co_await asio::co_spawn(
          pool, [&]() -> asio::awaitable<Response> { co_return api.Handle(req, plan); },
          asio::use_awaitable);
    }
    const bool keep_alive = req.keep_alive && !w.stopping;
    co_await WriteResponse(stream, req, res, keep_alive);
    LogAccess(req, res, start);
    conn.state = Connection::State::kIdle;
    if (!keep_alive) break;
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.socket().close(ec);
}

asio::awaitable<bool> Server::Impl::ServeStream(
    Worker& w, Connection& conn, beast::tcp_stream& stream, beast::flat_buffer& buffer,
    bhttp::request_parser<bhttp::empty_body>& header, Request& req, const Api::Plan& plan,
    std::size_t limit, ReadDeadline& deadline, std::chrono::steady_clock::time_point start) {
  // The route decides (authentication, quota) before a byte of the body is read.
  conn.state = Connection::State::kHandling;
  StreamStart started = co_await asio::co_spawn(
      pool, [&]() -> asio::awaitable<StreamStart> { co_return api.BeginStream(req, plan); },
      asio::use_awaitable);
  if (!started.sink) {
    // The unread body makes the connection unusable, unless there is none.
    const bool again = header.is_done() && req.keep_alive && !w.stopping;
    co_await WriteResponse(stream, req, started.rejection, again);
    LogAccess(req, started.rejection, start);
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
  bhttp::request_parser<bhttp::buffer_body> parser(std::move(header));
  parser.body_limit(limit);
  std::vector<char> chunk(kStreamChunkBytes);
  while (!parser.is_done()) {
    parser.get().body().data = chunk.data();
    parser.get().body().size = chunk.size();
    deadline.Arm(options.read_timeout);
    // read_some: whatever has arrived goes to the sink now, so a limit or quota is
    // enforced as soon as it is passed, not once 64 KiB have gathered.
    auto [ec, n] = co_await bhttp::async_read_some(stream, buffer, parser, kAsTuple);
    deadline.Disarm();
    if (ec == bhttp::error::need_buffer) ec = {};
    const std::size_t got = chunk.size() - parser.get().body().size;
    if (!ec && got > 0) {
      if (auto s = started.sink->Append(std::span<const char>(chunk.data(), got)); !s) {
        Response res = ErrorResponse(s.error());
        ApplyCommonHeaders(res, true);
        co_await WriteResponse(stream, req, res, false);
        LogAccess(req, res, start);
        co_await LingeringClose(stream);
        co_return false;
      }
    }
    if (!ec) continue;
    if (deadline.expired() && !w.stopping) {
      co_await WriteError(stream, core::ErrorCode::kRequestTimeout,
                          "The request body stopped arriving.");
    } else if (ec == bhttp::error::body_limit) {
      co_await WriteError(stream, core::ErrorCode::kTooLarge,
                          "The body is larger than " + std::to_string(limit) + " bytes.");
    } else if (ec != bhttp::error::end_of_stream && ec != asio::error::eof &&
               ec != asio::error::connection_reset && ec != asio::error::operation_aborted &&
               ec != bhttp::error::partial_message) {
      co_await WriteError(stream, core::ErrorCode::kInvalidRequest,
                          "Malformed HTTP request body: " + ec.message() + ".");
    }
    co_return false;
  }

  conn.state = Connection::State::kHandling;
  Response res = co_await asio::co_spawn(
      pool,
      [&]() -> asio::awaitable<Response> {
        Response r = api.FinishStream(req, *started.sink);
        started.sink.reset();  // closes the file here, off the I/O thread
        co_return r;
      },
      asio::use_awaitable);
  const bool keep_alive = req.keep_alive && !w.stopping;
  co_await WriteResponse(stream, req, res, keep_alive);
  LogAccess(req, res, start);
  co_return keep_alive;
}

void Server::Impl::BeginShutdown() {
  for (auto& w : workers) {
    asio::post(w->ioc, [&w = *w] {
      w.stopping = true;
      error_code ec;
      w.acceptor->close(ec);
      // Idle connections and requests still arriving go now; requests being
      // handled finish and close after their response.
      for (Connection* c : w.connections) {
        if (c->state != Connection::State::kHandling) c->cancel();
      }
    });
  }
}

void Server::Impl::Run() {
  // Signals are handled on this thread's own context, apart from the workers, and
  // registered before any request is served.
  asio::io_context control;
  asio::signal_set signals(control, SIGINT, SIGTERM);
  signals.async_wait([&](const error_code& ec, int signo) {
    if (ec) return;
    spdlog::info(R"({{"event":"shutdown","signal":{}}})", signo);
    BeginShutdown();
  });
  for (auto& w : workers) {
    asio::co_spawn(w->ioc, Accept(*w), asio::detached);
    if (access_log.enabled())
      asio::co_spawn(w->ioc, FlushAccessLog(*w, access_log), asio::detached);
  }
  std::vector<std::thread> threads;
  for (auto& w : workers) {
    threads.emplace_back([&w = *w, this] {
      w.ioc.run();
      access_log.Flush();
    });
  }
  control.run();

  // Give in-flight requests the grace period, then cut whatever is left.
  std::mutex m;
  std::condition_variable cv;
  bool done = false;
  std::thread watchdog([&] {
    std::unique_lock lock(m);
    if (!cv.wait_for(lock, options.shutdown_grace, [&] { return done; })) {
      spdlog::warn("shutdown grace period over: closing remaining connections");
      for (auto& w : workers) w->ioc.stop();
    }
  });
  for (auto& t : threads) t.join();
  {
    std::lock_guard lock(m);
    done = true;
  }
  cv.notify_one();
  watchdog.join();
  pool.join();
}

Server::Server(ServerOptions options, Api& api)
    : impl_(std::make_unique<Impl>(std::move(options), api)) {}
Server::~Server() = default;
void Server::Listen() {
  impl_->Listen();
}
std::uint16_t Server::port() const {
  return impl_->bound_port;
}
void Server::Run() {
  impl_->Run();
}

}  // namespace textura::http
