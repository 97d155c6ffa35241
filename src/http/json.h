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

// Whether a field may be sent as JSON null: only where openapi.json declares it
// nullable (`"type": ["integer", "null"]`), and then null reads as absent (the
// handler tells null from a missing field with IsNull). Everywhere else a null is
// the wrong type: invalid_request naming the field, never "not sent".
enum class Null { kRejected, kAbsent };

// Reads typed fields from a request object, remembering the first problem:
// a missing required field is validation_failed, a wrong type (null included, unless
// the field is Null::kAbsent) is invalid_request, and Finish() reports any field that
// was never asked for as invalid_request.
class JsonFields {
 public:
  explicit JsonFields(const boost::json::object& object) : object_(object) {}

  std::string RequiredString(std::string_view name);
  std::optional<std::string> OptionalString(std::string_view name, Null null = Null::kRejected);
  std::optional<std::int64_t> OptionalInt(std::string_view name, Null null = Null::kRejected);
  std::optional<bool> OptionalBool(std::string_view name, Null null = Null::kRejected);
  std::optional<std::vector<std::int64_t>> OptionalIntArray(std::string_view name,
                                                            Null null = Null::kRejected);
  // Nested values; nullptr when absent (or of the wrong type, which is remembered).
  const boost::json::array* OptionalArray(std::string_view name, Null null = Null::kRejected);
  const boost::json::object* OptionalObject(std::string_view name, Null null = Null::kRejected);
  // A finite JSON number (integer or not).
  std::optional<double> OptionalNumber(std::string_view name, Null null = Null::kRejected);
  // Whether the field is present with the value null (e.g. "remove the avatar"); read
  // such a field with Null::kAbsent.
  bool IsNull(std::string_view name) const;

  // The first problem met, including unknown fields; nullopt when all is well.
  std::optional<core::Error> Finish();

 private:
  // The field's value; nullptr when absent, or null and allowed to be.
  const boost::json::value* Take(std::string_view name, Null null, std::string_view type);
  void Fail(core::Error error);
  void WrongType(std::string_view name, std::string_view type);

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
