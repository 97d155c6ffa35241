#include "core/error.h"

namespace textura::core {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidRequest:
      return "invalid_request";
    case ErrorCode::kValidationFailed:
      return "validation_failed";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kInvalidCredentials:
      return "invalid_credentials";
    case ErrorCode::kForbidden:
      return "forbidden";
    case ErrorCode::kCsrfFailed:
      return "csrf_failed";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kMethodNotAllowed:
      return "method_not_allowed";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kEmailTaken:
      return "email_taken";
    case ErrorCode::kTicketClosed:
      return "ticket_closed";
    case ErrorCode::kTooLarge:
      return "too_large";
    case ErrorCode::kHeadersTooLarge:
      return "headers_too_large";
    case ErrorCode::kUnsupportedMediaType:
      return "unsupported_media_type";
    case ErrorCode::kRangeNotSatisfiable:
      return "range_not_satisfiable";
    case ErrorCode::kRequestTimeout:
      return "request_timeout";
    case ErrorCode::kRateLimited:
      return "rate_limited";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

}  // namespace textura::core
