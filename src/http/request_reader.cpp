// The request reader: the header first (its route decides how the body is read), a
// buffered body for JSON routes, and the one classifier of read errors shared with
// the upload stream.
#include <boost/asio/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>

#include "http/transport.h"

namespace textura::http::transport {

namespace {

// The peer closed or reset, or our own cancellation (shutdown) ended the read:
// nobody is waiting for an answer.
bool PeerGoneOrCancelled(const error_code& ec) {
  return ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
         ec == asio::error::connection_reset || ec == asio::error::operation_aborted ||
         ec == bhttp::error::partial_message;
}

}  // namespace

std::optional<core::Error> ClassifyReadError(error_code ec, ReadPhase phase, bool timed_out,
                                             bool stopping, std::size_t header_limit,
                                             std::size_t body_limit) {
  using core::ErrorCode;
  const auto error = [](ErrorCode code, std::string message) {
    return core::Error::Of(code, std::move(message));
  };
  if (timed_out && !stopping) {
    switch (phase) {
      case ReadPhase::kHeader:
        return error(ErrorCode::kRequestTimeout, "The request did not arrive in time.");
      case ReadPhase::kBody:
        return error(ErrorCode::kRequestTimeout, "The request body did not arrive in time.");
      case ReadPhase::kStreamedBody:
        return error(ErrorCode::kRequestTimeout, "The request body stopped arriving.");
    }
  }
  if (ec == bhttp::error::header_limit) {
    return error(ErrorCode::kHeadersTooLarge,
                 "The request headers are larger than " + std::to_string(header_limit) + " bytes.");
  }
  if (ec == bhttp::error::body_limit) {
    return error(ErrorCode::kTooLarge,
                 "The body is larger than " + std::to_string(body_limit) + " bytes.");
  }
  if (PeerGoneOrCancelled(ec)) return std::nullopt;
  return error(ErrorCode::kInvalidRequest,
               std::string(phase == ReadPhase::kHeader ? "Malformed HTTP request: "
                                                       : "Malformed HTTP request body: ") +
                   ec.message() + ".");
}

asio::awaitable<error_code> ReadHeader(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                       HeaderParser& header, std::size_t header_limit) {
  header.header_limit(static_cast<std::uint32_t>(header_limit));
  header.body_limit(boost::none);  // checked by the caller, once the route is known
  auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, header, kAsTuple);
  co_return ec;
}

asio::awaitable<error_code> ReadBufferedBody(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                             HeaderParser& header, std::size_t limit,
                                             bhttp::request<bhttp::string_body>& message) {
  bhttp::request_parser<bhttp::string_body> parser(std::move(header));
  parser.body_limit(limit);
  error_code ec;
  if (!parser.is_done()) {
    auto [read_ec, n] = co_await bhttp::async_read(stream, buffer, parser, kAsTuple);
    ec = read_ec;
  }
  if (!ec) message = parser.release();
  co_return ec;
}

}  // namespace textura::http::transport
