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

  // One factory per code callers raise, so an error reads as what it is.
  static Error Of(ErrorCode code, std::string message, std::string field = {}) {
    return {code, std::move(message), std::move(field), 0};
  }
  static Error Validation(std::string field, std::string message) {
    return Of(ErrorCode::kValidationFailed, std::move(message), std::move(field));
  }
  // Malformed input (wrong type, unknown field); `field` when one is to blame.
  static Error Invalid(std::string message, std::string field = {}) {
    return Of(ErrorCode::kInvalidRequest, std::move(message), std::move(field));
  }
  static Error NotFound(std::string message) {
    return Of(ErrorCode::kNotFound, std::move(message));
  }
  static Error Unauthenticated(std::string message) {
    return Of(ErrorCode::kUnauthenticated, std::move(message));
  }
  static Error Forbidden(std::string message) {
    return Of(ErrorCode::kForbidden, std::move(message));
  }
  static Error Conflict(std::string message) {
    return Of(ErrorCode::kConflict, std::move(message));
  }
  static Error TooLarge(std::string message) {
    return Of(ErrorCode::kTooLarge, std::move(message));
  }
  static Error RateLimited(std::string message, int retry_after_seconds) {
    return {ErrorCode::kRateLimited, std::move(message), {}, retry_after_seconds};
  }
  static Error Unavailable(std::string message) {
    return Of(ErrorCode::kUnavailable, std::move(message));
  }
  static Error Internal(std::string message) {
    return Of(ErrorCode::kInternal, std::move(message));
  }
};

}  // namespace textura::core
