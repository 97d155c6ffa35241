#pragma once

#include <string>
#include <string_view>

namespace textura::core {

// Protocol-neutral error codes. Only src/http maps them to HTTP statuses; the
// snake_case names below are part of the API contract (API.md).
enum class ErrorCode {
  kInvalidRequest,    // malformed input: bad JSON, wrong types, unknown fields
  kValidationFailed,  // well-formed input that breaks a rule (always names a field)
  kUnauthenticated,
  kInvalidCredentials,
  kForbidden,
  kCsrfFailed,
  kNotFound,
  kMethodNotAllowed,
  kConflict,
  kEmailTaken,
  kTicketClosed,
  kTooLarge,
  kHeadersTooLarge,
  kUnsupportedMediaType,
  kRangeNotSatisfiable,
  kRequestTimeout,
  kRateLimited,
  kUnavailable,  // the server is shutting down or a dependency is down
  kInternal,     // a bug: never expected by a caller
};

// The wire name of a code, e.g. "validation_failed".
std::string_view ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string field;            // the offending input field, empty when none
  int retry_after_seconds = 0;  // for kRateLimited

  static Error Validation(std::string field, std::string message) {
    return {ErrorCode::kValidationFailed, std::move(message), std::move(field), 0};
  }
  static Error NotFound(std::string message) {
    return {ErrorCode::kNotFound, std::move(message), {}, 0};
  }
};

}  // namespace textura::core
