#include "http/headers.h"

namespace textura::http {
namespace {

constexpr const char* kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

bool Has(const Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return true;
  }
  return false;
}

}  // namespace

void ApplyCommonHeaders(Response& r, bool api) {
  if (!Has(r, "Content-Security-Policy")) r.headers.emplace_back("Content-Security-Policy", kCsp);
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("X-Frame-Options", "DENY");
  r.headers.emplace_back("Referrer-Policy", "same-origin");
  if (api && !Has(r, "Cache-Control")) r.headers.emplace_back("Cache-Control", "no-store");
}

}  // namespace textura::http
