#include "http/websocket_session.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

namespace textura::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

WebSocketSession::WebSocketSession(beast::tcp_stream&& stream, core::Principal principal,
                                   std::unique_ptr<SocketQuota::Slot> slot,
                                   std::size_t max_message_bytes, EventHub& hub)
    : ws_(std::move(stream)),
      principal_(std::move(principal)),
      slot_(std::move(slot)),
      max_message_bytes_(max_message_bytes),
      hub_(hub) {}

void WebSocketSession::Send(std::shared_ptr<const std::string> frame) {
  asio::post(ws_.get_executor(), [self = shared_from_this(), frame = std::move(frame)]() mutable {
    self->Enqueue(std::move(frame));
  });
}

void WebSocketSession::Close() {
  asio::post(ws_.get_executor(), [self = shared_from_this()] { self->Cancel(); });
}

void WebSocketSession::Enqueue(std::shared_ptr<const std::string> frame) {
  if (queue_.size() >= kMaxQueuedFrames) {
    Cancel();
    return;
  }
  queue_.push_back(std::move(frame));
  if (open_ && !writing_) {
    writing_ = true;
    asio::co_spawn(
        ws_.get_executor(), [self = shared_from_this()] { return self->WriteLoop(); },
        asio::detached);
  }
}

asio::awaitable<void> WebSocketSession::WriteLoop() {
  while (open_ && !queue_.empty()) {
    auto frame = queue_.front();
    auto [ec, n] =
        co_await ws_.async_write(asio::buffer(*frame), asio::as_tuple(asio::use_awaitable));
    if (ec) {
      open_ = false;
      break;
    }
    queue_.pop_front();
  }
  writing_ = false;
}

void WebSocketSession::Cancel() {
  open_ = false;
  queue_.clear();
  beast::error_code ec;
  beast::get_lowest_layer(ws_).socket().cancel(ec);
}

asio::awaitable<void> WebSocketSession::Run(
    beast::http::request<beast::http::string_body> upgrade) {
  ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
  ws_.text(true);
  // Checked against each frame header's announced length, so an oversized message is
  // refused (close 1009) before its payload is buffered.
  ws_.read_message_max(max_message_bytes_);
  beast::get_lowest_layer(ws_).expires_never();
  hub_.Add(shared_from_this());
  auto [accept_ec] = co_await ws_.async_accept(upgrade, asio::as_tuple(asio::use_awaitable));
  if (!accept_ec) {
    open_ = true;
    if (!queue_.empty() && !writing_) {
      writing_ = true;
      asio::co_spawn(
          ws_.get_executor(), [self = shared_from_this()] { return self->WriteLoop(); },
          asio::detached);
    }
    beast::flat_buffer buffer(max_message_bytes_);
    for (;;) {
      auto [ec, n] = co_await ws_.async_read(buffer, asio::as_tuple(asio::use_awaitable));
      if (ec) break;
      buffer.consume(buffer.size());  // clients have nothing to say yet
    }
  }
  open_ = false;
  queue_.clear();
  hub_.Remove(this);
}

}  // namespace textura::http
