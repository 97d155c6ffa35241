#pragma once

// Internal to the transport (it pulls in Beast's parser, not its I/O): turning a
// parsed request header into the plain Request the handlers see. Apart from the
// reader so the fuzz target for the request head (fuzz/) can use it alone.
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <string>

#include "http/message.h"

namespace textura::http::transport {

using HeaderParser = boost::beast::http::request_parser<boost::beast::http::empty_body>;

// The plain request for the handlers, from a parsed header (target not yet parsed:
// ParseTarget, then BodyFramingProblem, decide whether it is acceptable).
Request RequestFromHead(const HeaderParser& header, const std::string& remote_ip);

}  // namespace textura::http::transport
