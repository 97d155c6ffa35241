#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "http/api.h"

namespace textura::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  int io_threads = 2;                     // one io_context and one SO_REUSEPORT acceptor each
  int worker_threads = 32;                // for offloaded handlers (they may block on the database)
  std::chrono::seconds idle_timeout{60};  // keep-alive: waiting for a request's first byte
  std::chrono::seconds read_timeout{30};  // receiving one whole request once it began
  std::chrono::seconds write_timeout{30};
  std::chrono::seconds shutdown_grace{10};  // in-flight requests get this long to finish
  std::size_t max_header_bytes = 16 * 1024;
  bool access_log = true;
};

// The HTTP/1.1 server (Boost.Beast over Asio with C++20 coroutines).
class Server {
 public:
  Server(ServerOptions options, Api& api);
  ~Server();

  // Binds the listening sockets; throws std::runtime_error when it cannot.
  void Listen();
  // The bound port (useful when options.port was 0).
  std::uint16_t port() const;
  // Serves until SIGINT or SIGTERM, then stops accepting, lets in-flight requests
  // finish (up to shutdown_grace) and returns.
  void Run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace textura::http
