#include "http/json.h"

#include <algorithm>
#include <cctype>

namespace textura::http {

using core::Error;
using core::ErrorCode;
namespace json = boost::json;

namespace {

bool IsJsonContentType(std::string_view ct) {
  const size_t semi = ct.find(';');
  std::string_view type = ct.substr(0, semi);
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  std::string lower(type);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == "application/json";
}

}  // namespace

core::Result<json::object> ParseJsonBody(const Request& req) {
  if (req.body.empty()) return json::object();
  if (!IsJsonContentType(req.Header("Content-Type"))) {
    return Error::Of(ErrorCode::kUnsupportedMediaType,
                     "Send the body as JSON with Content-Type: application/json.");
  }
  json::parse_options options;
  options.max_depth = kMaxJsonDepth;
  boost::system::error_code ec;
  json::value value = json::parse(req.body, ec, json::storage_ptr(), options);
  if (ec) {
    std::string why = ec == json::error::too_deep
                          ? "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"
                          : ec.message();
    return Error::Invalid("The body is not valid JSON: " + why + ".");
  }
  if (!value.is_object()) {
    return Error::Invalid("The body must be a JSON object.");
  }
  return std::move(value.as_object());
}

const json::value* JsonFields::Take(std::string_view name, Null null, std::string_view type) {
  known_.push_back(name);
  const json::value* v = object_.if_contains(name);
  if (!v || !v->is_null()) return v;
  if (null == Null::kRejected) WrongType(name, type);
  return nullptr;
}

void JsonFields::Fail(Error error) {
  if (!error_) error_ = std::move(error);
}

void JsonFields::WrongType(std::string_view name, std::string_view type) {
  Fail({ErrorCode::kInvalidRequest, std::string(name) + " must be " + std::string(type),
        std::string(name), 0});
}

std::string JsonFields::RequiredString(std::string_view name) {
  constexpr std::string_view kType = "a string";
  const json::value* v = Take(name, Null::kRejected, kType);
  if (!v) {
    if (!IsNull(name)) Fail(Error::Validation(std::string(name), "is required"));
    return {};
  }
  if (!v->is_string()) {
    WrongType(name, kType);
    return {};
  }
  return std::string(v->as_string());
}

std::optional<std::string> JsonFields::OptionalString(std::string_view name, Null null) {
  constexpr std::string_view kType = "a string";
  const json::value* v = Take(name, null, kType);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    WrongType(name, kType);
    return std::nullopt;
  }
  return std::string(v->as_string());
}

std::optional<double> JsonFields::OptionalNumber(std::string_view name, Null null) {
  constexpr std::string_view kType = "a number";
  const json::value* v = Take(name, null, kType);
  if (!v) return std::nullopt;
  if (v->is_number()) return v->to_number<double>();
  WrongType(name, kType);
  return std::nullopt;
}

bool JsonFields::IsNull(std::string_view name) const {
  const json::value* v = object_.if_contains(name);
  return v && v->is_null();
}

std::optional<std::int64_t> JsonFields::OptionalInt(std::string_view name, Null null) {
  constexpr std::string_view kType = "an integer";
  const json::value* v = Take(name, null, kType);
  if (!v) return std::nullopt;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(v->as_uint64());
  }
  WrongType(name, kType);
  return std::nullopt;
}

std::optional<bool> JsonFields::OptionalBool(std::string_view name, Null null) {
  constexpr std::string_view kType = "true or false";
  const json::value* v = Take(name, null, kType);
  if (!v) return std::nullopt;
  if (v->is_bool()) return v->as_bool();
  WrongType(name, kType);
  return std::nullopt;
}

std::optional<std::vector<std::int64_t>> JsonFields::OptionalIntArray(std::string_view name,
                                                                      Null null) {
  constexpr std::string_view kType = "an array of integers";
  const json::value* v = Take(name, null, kType);
  if (!v) return std::nullopt;
  const auto bad = [&] {
    WrongType(name, kType);
    return std::nullopt;
  };
  if (!v->is_array()) return bad();
  std::vector<std::int64_t> out;
  for (const json::value& item : v->as_array()) {
    if (!item.is_int64()) return bad();
    out.push_back(item.as_int64());
  }
  return out;
}

const json::array* JsonFields::OptionalArray(std::string_view name, Null null) {
  constexpr std::string_view kType = "an array";
  const json::value* v = Take(name, null, kType);
  if (!v) return nullptr;
  if (!v->is_array()) {
    WrongType(name, kType);
    return nullptr;
  }
  return &v->as_array();
}

const json::object* JsonFields::OptionalObject(std::string_view name, Null null) {
  constexpr std::string_view kType = "an object";
  const json::value* v = Take(name, null, kType);
  if (!v) return nullptr;
  if (!v->is_object()) {
    WrongType(name, kType);
    return nullptr;
  }
  return &v->as_object();
}

std::optional<Error> JsonFields::Finish() {
  for (const auto& [key, value] : object_) {
    if (std::find(known_.begin(), known_.end(), std::string_view(key)) == known_.end()) {
      Fail({ErrorCode::kInvalidRequest, "Unknown field: " + std::string(key), std::string(key), 0});
      break;
    }
  }
  return error_;
}

int StatusOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidRequest:
    case ErrorCode::kValidationFailed:
      return 400;
    case ErrorCode::kUnauthenticated:
    case ErrorCode::kInvalidCredentials:
      return 401;
    case ErrorCode::kForbidden:
    case ErrorCode::kCsrfFailed:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kMethodNotAllowed:
      return 405;
    case ErrorCode::kRequestTimeout:
      return 408;
    case ErrorCode::kConflict:
    case ErrorCode::kEmailTaken:
    case ErrorCode::kTicketClosed:
      return 409;
    case ErrorCode::kTooLarge:
      return 413;
    case ErrorCode::kUnsupportedMediaType:
      return 415;
    case ErrorCode::kRangeNotSatisfiable:
      return 416;
    case ErrorCode::kRateLimited:
      return 429;
    case ErrorCode::kHeadersTooLarge:
      return 431;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

Response JsonResponse(int status, const json::value& body) {
  Response r;
  r.status = status;
  r.content_type = "application/json";
  r.body = json::serialize(body);
  return r;
}

Response ErrorResponse(const Error& error) {
  json::object e;
  e["code"] = core::ErrorCodeName(error.code);
  e["message"] = error.message;
  if (!error.field.empty()) e["field"] = error.field;
  Response r = JsonResponse(StatusOf(error.code), json::object{{"error", std::move(e)}});
  if (error.code == ErrorCode::kRateLimited) {
    r.SetHeader("Retry-After", std::to_string(std::max(1, error.retry_after_seconds)));
  }
  return r;
}

Response ErrorResponse(ErrorCode code, std::string message, std::string field) {
  return ErrorResponse(Error::Of(code, std::move(message), std::move(field)));
}

Response NoContent() {
  Response r;
  r.status = 204;
  return r;
}

}  // namespace textura::http
