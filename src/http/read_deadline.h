#pragma once

// Internal to the transport (transport.h; it pulls in Beast).
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <chrono>
#include <memory>

namespace textura::http {

// Cancels a connection's pending read when a deadline passes. Unlike tcp_stream's own
// timeout, which closes the socket, this leaves it open so a 408 can still be sent.
// The timer's handler may run after the connection is gone, so what it touches is
// shared and cleared on destruction.
class ReadDeadline {
 public:
  ReadDeadline(boost::asio::any_io_executor ex, boost::beast::tcp_stream& stream)
      : timer_(ex), shared_(std::make_shared<Shared>(Shared{&stream, false, 0})) {}
  ~ReadDeadline() { shared_->stream = nullptr; }

  void Arm(std::chrono::steady_clock::duration d) {
    shared_->expired = false;
    const unsigned generation = ++shared_->generation;
    timer_.expires_after(d);
    timer_.async_wait([shared = shared_, generation](const boost::system::error_code& ec) {
      if (ec || !shared->stream || shared->generation != generation) return;
      shared->expired = true;
      boost::system::error_code ignored;
      shared->stream->socket().cancel(ignored);
    });
  }
  void Disarm() {
    ++shared_->generation;
    timer_.cancel();
  }
  bool expired() const { return shared_->expired; }

 private:
  struct Shared {
    boost::beast::tcp_stream* stream;
    bool expired;
    unsigned generation;
  };
  boost::asio::steady_timer timer_;
  std::shared_ptr<Shared> shared_;
};

}  // namespace textura::http
