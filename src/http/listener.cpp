// The listener: Server's sockets, threads and shutdown. One io_context per I/O thread,
// each with its own SO_REUSEPORT acceptor (TOOLCHAIN.md: fastest here); every accepted
// connection runs transport::Serve (session.cpp) on its thread.
#include <spdlog/spdlog.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "http/server.h"
#include "http/transport.h"

namespace textura::http {

using namespace transport;  // NOLINT(google-build-using-namespace): this file is its user

namespace {

// A failed accept (out of file descriptors and the like) waits this long before the
// next, instead of spinning.
constexpr auto kAcceptBackoff = std::chrono::milliseconds(50);
// How often each I/O thread writes its buffered access log lines.
constexpr auto kAccessLogFlushInterval = std::chrono::milliseconds(250);

asio::awaitable<void> FlushAccessLog(Worker& w, const AccessLog& log) {
  asio::steady_timer timer(w.ioc);
  while (!w.stopping) {
    timer.expires_after(kAccessLogFlushInterval);
    auto [ec] = co_await timer.async_wait(kAsTuple);
    log.Flush();
    if (ec) break;
  }
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, Api& a)
      : options(std::move(o)),
        api(a),
        pool(options.worker_threads),
        access_log(options.access_log),
        context{options, api, pool, access_log} {}

  ServerOptions options;
  Api& api;
  asio::thread_pool pool;
  AccessLog access_log;
  const Context context;
  std::vector<std::unique_ptr<Worker>> workers;
  std::uint16_t bound_port = 0;

  void Listen();
  void Run();
  void BeginShutdown();
  void WaitForThreads(std::vector<std::thread>& threads);
  asio::awaitable<void> Accept(Worker& w);
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
      spdlog::warn("accept failed: {}", ec.message());
      asio::steady_timer t(w.ioc, kAcceptBackoff);
      co_await t.async_wait(kAsTuple);
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    asio::co_spawn(w.ioc, Serve(context, w, std::move(socket)), asio::detached);
  }
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
  WaitForThreads(threads);
  pool.join();
}

// Gives in-flight requests the grace period, then cuts whatever is left.
void Server::Impl::WaitForThreads(std::vector<std::thread>& threads) {
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
