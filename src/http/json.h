#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"
#include "http/message.h"

namespace textura::http {

// Nesting deeper than this is rejected as invalid_request.
inline constexpr unsigned kMaxJsonDepth = 64;

// The JSON object body of a request: 415 unless the Content-Type is JSON, 400 when
// malformed, not UTF-8, too deep, or not an object. An empty body parses as {}.
core::Result<boost::json::object> ParseJsonBody(const Request& req);

// Reads typed fields from a request object, remembering the first problem:
// a missing required field is validation_failed, a wrong type is invalid_request,
// and Finish() reports any field that was never asked for as invalid_request.
class JsonFields {
 public:
  explicit JsonFields(const boost::json::object& object) : object_(object) {}

  std::string RequiredString(std::string_view name);
  std::optional<std::string> OptionalString(std::string_view name);  // null = absent
  std::optional<std::int64_t> OptionalInt(std::string_view name);
  std::optional<bool> OptionalBool(std::string_view name);
  std::optional<std::vector<std::int64_t>> OptionalIntArray(std::string_view name);
  // Nested values; nullptr when absent (or of the wrong type, which is remembered).
  const boost::json::array* OptionalArray(std::string_view name);
  const boost::json::object* OptionalObject(std::string_view name);
  // A finite JSON number (integer or not); null = absent.
  std::optional<double> OptionalNumber(std::string_view name);
  // Whether the field is present with the value null (e.g. "remove the avatar").
  bool IsNull(std::string_view name) const;

  // The first problem met, including unknown fields; nullopt when all is well.
  std::optional<core::Error> Finish();

 private:
  const boost::json::value* Take(std::string_view name);
  void Fail(core::Error error);

  const boost::json::object& object_;
  std::vector<std::string_view> known_;
  std::optional<core::Error> error_;
};

// Responses.
Response JsonResponse(int status, const boost::json::value& body);
Response ErrorResponse(const core::Error& error);
Response ErrorResponse(core::ErrorCode code, std::string message, std::string field = {});
Response NoContent();

int StatusOf(core::ErrorCode code);

}  // namespace textura::http
