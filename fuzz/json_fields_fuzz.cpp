// Fuzz target: a JSON request body and its mapping by JsonFields, the way the handlers
// read it. The first byte picks the reading (which fields, which types, nullable or
// not); the rest is the body. Invariants: no crash, no sanitizer report; a body that
// is not an object never maps; Finish() names a field when it fails on one.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "http/json.h"

using textura::http::JsonFields;
using textura::http::Null;

namespace {

void Read(JsonFields& f, unsigned pick, int depth) {
  const Null null = (pick & 1) != 0 ? Null::kAbsent : Null::kRejected;
  (void)f.RequiredString("title");
  (void)f.OptionalString("body", null);
  (void)f.OptionalInt("employee_id", null);
  (void)f.OptionalBool("shared", null);
  (void)f.OptionalNumber("temperature", null);
  (void)f.OptionalIntArray("attachment_ids", null);
  (void)f.IsNull("avatar_attachment_id");
  if (const auto* items = f.OptionalArray("items", null); items && depth < 4) {
    for (const auto& item : *items) {
      if (!item.is_object()) continue;
      JsonFields nested(item.as_object());
      Read(nested, pick >> 1, depth + 1);
      (void)nested.Finish();
    }
  }
  if (const auto* object = f.OptionalObject("settings", null); object && depth < 4) {
    JsonFields nested(*object);
    Read(nested, pick >> 1, depth + 1);
    (void)nested.Finish();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  textura::http::Request req;
  req.method = textura::http::Method::kPost;
  req.headers.emplace_back("Content-Type", (data[0] & 0x80) != 0 ? "application/json; charset=utf-8"
                                                                 : "application/json");
  req.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto body = textura::http::ParseJsonBody(req);
  if (!body) {
    if (body.error().message.empty()) std::abort();
    return 0;
  }
  JsonFields f(*body);
  Read(f, data[0], 0);
  if (auto err = f.Finish()) {
    if (err->message.empty()) std::abort();
    (void)textura::http::ErrorResponse(*err);
  }
  return 0;
}
