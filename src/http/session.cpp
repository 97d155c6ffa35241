// One connection's request loop: wait for a request, read its header, check it, read
// its body the way its route wants, answer (on the I/O thread or the worker pool),
// and again while the connection is kept alive. A WebSocket upgrade hands the
// connection to a WebSocketSession.
#include <boost/asio/co_spawn.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include "http/headers.h"
#include "http/json.h"
#include "http/transport.h"
#include "http/websocket_session.h"

namespace textura::http::transport {

namespace {

// The first read of a request takes what has arrived, up to this much.
constexpr std::size_t kFirstReadBytes = 4096;
constexpr int kSwitchingProtocols = 101;

class Session {
 public:
  Session(const Context& ctx, Worker& w, tcp::socket socket)
      : ctx_(ctx),
        w_(w),
        stream_(std::move(socket)),
        conn_{[this] {
                error_code ignored;
                stream_.socket().cancel(ignored);
              },
              Connection::State::kIdle},
        registered_(w.connections.insert(w.connections.end(), &conn_)),
        deadline_(w.ioc.get_executor(), stream_) {
    error_code ec;
    const auto remote = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ip_ = remote.address().to_string();
  }
  ~Session() {
    deadline_.Disarm();
    w_.connections.erase(registered_);
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  asio::awaitable<void> Run() {
    Next next = Next::kAgain;
    while (next == Next::kAgain && !w_.stopping) {
      if (!co_await WaitForRequest()) break;
      next = co_await ServeOne();
      conn_.state = Connection::State::kIdle;
    }
    if (next == Next::kHandedOff) co_return;  // the stream belongs to the WebSocket now
    error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
  }

 private:
  enum class Next { kAgain, kClose, kHandedOff };

  // Waits for the next request's first byte: a new connection gets the read timeout,
  // a kept-alive one the idle timeout. Silence is closed without an answer.
  asio::awaitable<bool> WaitForRequest() {
    const bool first = first_request_;
    first_request_ = false;
    if (buffer_.size() > 0) co_return true;  // pipelined: the next request is here
    stream_.expires_never();
    deadline_.Arm(first ? ctx_.options.read_timeout : ctx_.options.idle_timeout);
    auto [ec, n] = co_await stream_.async_read_some(buffer_.prepare(kFirstReadBytes), kAsTuple);
    deadline_.Disarm();
    if (ec) co_return false;
    buffer_.commit(n);
    co_return true;
  }

  // Answers a failed read (or closes silently) and ends the connection.
  asio::awaitable<Next> ReadFailed(error_code ec, ReadPhase phase, std::size_t body_limit) {
    deadline_.Disarm();
    if (auto error = ClassifyReadError(ec, phase, deadline_.expired(), w_.stopping,
                                       ctx_.options.max_header_bytes, body_limit)) {
      co_await WriteError(stream_, *error, ctx_.options.write_timeout);
    }
    co_return Next::kClose;
  }

  asio::awaitable<Next> Refuse(core::Error error) {
    deadline_.Disarm();
    co_await WriteError(stream_, error, ctx_.options.write_timeout);
    co_return Next::kClose;
  }

  // What is wrong with a request's target and framing, if anything; fills its path.
  static std::optional<core::Error> CheckHead(Request& req) {
    if (!ParseTarget(req)) return core::Error::Invalid("The request target is not a valid path.");
    if (auto problem = BodyFramingProblem(req)) return core::Error::Invalid(std::move(*problem));
    return std::nullopt;
  }

  static std::optional<core::Error> CheckLength(const Request& req, std::size_t limit) {
    if (AnnouncedBodyExceeds(req, limit)) {
      // Refused before a byte of the body is read; the connection cannot be reused.
      return core::Error::TooLarge("The body is larger than " + std::to_string(limit) + " bytes.");
    }
    return std::nullopt;
  }

  asio::awaitable<Next> ServeOne() {
    conn_.state = Connection::State::kReading;
    const auto start = Clock::now();
    // The whole request (header and body) must arrive within one read timeout, so a
    // client trickling bytes cannot hold the connection.
    stream_.expires_never();
    deadline_.Arm(ctx_.options.read_timeout);
    HeaderParser header;
    if (auto ec = co_await ReadHeader(stream_, buffer_, header, ctx_.options.max_header_bytes)) {
      co_return co_await ReadFailed(ec, ReadPhase::kHeader, 0);
    }
    Request req = RequestFromHead(header, remote_ip_);
    if (auto problem = CheckHead(req)) co_return co_await Refuse(std::move(*problem));
    const Api::Plan plan = ctx_.api.Prepare(req);
    const std::size_t limit = ctx_.api.BodyLimit(plan);
    if (auto problem = CheckLength(req, limit)) co_return co_await Refuse(std::move(*problem));
    if (Api::Streams(plan)) {
      deadline_.Disarm();
      const bool again = co_await ServeStream(ctx_, w_, conn_, stream_, buffer_, deadline_,
                                              {header, req, plan, limit, start});
      co_return again ? Next::kAgain : Next::kClose;
    }
    bhttp::request<bhttp::string_body> message;
    if (auto ec = co_await ReadBufferedBody(stream_, buffer_, header, limit, message)) {
      co_return co_await ReadFailed(ec, ReadPhase::kBody, limit);
    }
    deadline_.Disarm();
    conn_.state = Connection::State::kHandling;
    if (Api::IsEventsPath(req.path) && beast::websocket::is_upgrade(message)) {
      co_return co_await Upgrade(req, std::move(message), start);
    }
    req.body = std::move(message.body());
    co_return co_await Respond(req, plan, start);
  }

  asio::awaitable<Next> Respond(Request& req, const Api::Plan& plan, Clock::time_point start) {
    Response res;
    if (plan.execution == Execution::kInline) {
      res = ctx_.api.Handle(req, plan);
    } else {
      // Off the I/O thread: the handler may hash a password or wait for a commit.
      res = co_await asio::co_spawn(
          ctx_.pool, [&]() -> asio::awaitable<Response> { co_return ctx_.api.Handle(req, plan); },
          asio::use_awaitable);
    }
    const bool keep_alive = req.keep_alive && !w_.stopping;
    co_await WriteResponse(stream_, req, res, keep_alive, ctx_.options.write_timeout);
    ctx_.LogAccess(req, res, start);
    co_return keep_alive ? Next::kAgain : Next::kClose;
  }

  asio::awaitable<Next> Upgrade(const Request& req, bhttp::request<bhttp::string_body> message,
                                Clock::time_point start) {
    auto admitted = ctx_.api.AdmitEvents(req);
    if (!admitted) {
      Response res = ErrorResponse(admitted.error());
      ApplyCommonHeaders(res, true);
      co_await WriteResponse(stream_, req, res, false, ctx_.options.write_timeout);
      ctx_.LogAccess(req, res, start);
      co_return Next::kClose;
    }
    Response upgraded;
    upgraded.status = kSwitchingProtocols;
    ctx_.LogAccess(req, upgraded, start);
    auto session = std::make_shared<WebSocketSession>(
        std::move(stream_), std::move(admitted->principal), std::move(admitted->slot),
        ctx_.api.socket_limits().max_message_bytes, ctx_.api.events());
    conn_.cancel = [weak = std::weak_ptr<WebSocketSession>(session)] {
      if (auto s = weak.lock()) s->Cancel();
    };
    conn_.state = Connection::State::kIdle;
    co_await session->Run(std::move(message));
    co_return Next::kHandedOff;
  }

  const Context& ctx_;
  Worker& w_;
  beast::tcp_stream stream_;
  Connection conn_;
  const std::list<Connection*>::iterator registered_;
  ReadDeadline deadline_;
  beast::flat_buffer buffer_;
  std::string remote_ip_;
  bool first_request_ = true;
};

}  // namespace

asio::awaitable<void> Serve(const Context& ctx, Worker& w, tcp::socket socket) {
  Session session(ctx, w, std::move(socket));
  co_await session.Run();
}

void Context::LogAccess(const Request& req, const Response& res, Clock::time_point start) const {
  access_log.Record(MethodName(req.method), req.path, res.status, res.BodySize(),
                    std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start),
                    req.remote_ip);
}

}  // namespace textura::http::transport
