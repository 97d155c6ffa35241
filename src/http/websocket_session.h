#pragma once

// Internal to the transport: included by session.cpp only (it pulls in Beast).
#include <boost/asio/awaitable.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <deque>
#include <memory>
#include <string>

#include "http/event_hub.h"
#include "http/socket_quota.h"

namespace textura::http {

// One /api/v1/events connection: registered with the hub before the handshake
// completes (so no event is lost), then pushes queued frames in order and drops
// whatever the client sends. A client message over SocketLimits::max_message_bytes is
// closed with 1009 before it is buffered. A client that falls kMaxQueuedFrames behind
// is disconnected; it reconnects and refetches. The session holds its quota slot
// until it ends.
class WebSocketSession final : public EventClient,
                               public std::enable_shared_from_this<WebSocketSession> {
 public:
  static constexpr std::size_t kMaxQueuedFrames = 1024;

  WebSocketSession(boost::beast::tcp_stream&& stream, core::Principal principal,
                   std::unique_ptr<SocketQuota::Slot> slot, std::size_t max_message_bytes,
                   EventHub& hub);

  const core::Principal& principal() const override { return principal_; }
  void Send(std::shared_ptr<const std::string> frame) override;
  void Close() override;

  // Completes the handshake for `upgrade` and runs until the connection ends.
  boost::asio::awaitable<void> Run(
      boost::beast::http::request<boost::beast::http::string_body> upgrade);
  // Ends the connection (shutdown). Call on the session's executor.
  void Cancel();

 private:
  void Enqueue(std::shared_ptr<const std::string> frame);
  boost::asio::awaitable<void> WriteLoop();

  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  const core::Principal principal_;
  const std::unique_ptr<SocketQuota::Slot> slot_;
  const std::size_t max_message_bytes_;
  EventHub& hub_;
  std::deque<std::shared_ptr<const std::string>> queue_;
  bool open_ = false;     // handshake done, not yet closed
  bool writing_ = false;  // a WriteLoop is running
};

}  // namespace textura::http
