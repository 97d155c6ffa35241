#include "core/integrations/api_key.h"

namespace textura::core {

std::string_view ToString(ApiKeyScope scope) {
  return scope == ApiKeyScope::kReadWrite ? "read_write" : "read";
}

std::optional<ApiKeyScope> ParseApiKeyScope(std::string_view name) {
  if (name == "read") return ApiKeyScope::kRead;
  if (name == "read_write") return ApiKeyScope::kReadWrite;
  return std::nullopt;
}

namespace {

bool IsUrlSafeBase64(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

bool IsApiKeyForm(std::string_view key) {
  if (key.size() != kApiKeyLength || !key.starts_with(kApiKeyPrefix)) return false;
  for (char c : key.substr(kApiKeyPrefix.size())) {
    if (!IsUrlSafeBase64(c)) return false;
  }
  return true;
}

std::optional<std::string_view> BearerApiKey(std::string_view header) {
  constexpr std::string_view kScheme = "bearer";
  if (header.size() <= kScheme.size()) return std::nullopt;
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if (Lower(header[i]) != kScheme[i]) return std::nullopt;
  }
  std::string_view rest = header.substr(kScheme.size());
  if (rest.front() != ' ') return std::nullopt;
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  // Trailing whitespace is trimmed by the header parser (RFC 9110 §5.5); be strict here.
  if (!IsApiKeyForm(rest)) return std::nullopt;
  return rest;
}

bool IsAllowedApiKeyLifetime(std::optional<std::int64_t> days) {
  return !days || *days == 30 || *days == 90 || *days == 365;
}

ApiKeyState StateOf(const ApiKey& key, Time now) {
  if (key.revoked_at) return ApiKeyState::kRevoked;
  if (key.expires_at && *key.expires_at <= now) return ApiKeyState::kExpired;
  return ApiKeyState::kActive;
}

std::string_view ToString(ApiKeyState state) {
  switch (state) {
    case ApiKeyState::kActive:
      return "active";
    case ApiKeyState::kExpired:
      return "expired";
    case ApiKeyState::kRevoked:
      return "revoked";
  }
  return "active";
}

}  // namespace textura::core
