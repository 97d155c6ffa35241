// Fuzz target: the Authorization header value as a client sends it, read the way the
// server admits API keys (core::BearerApiKey). Invariants beyond no crash and no
// sanitizer report: an accepted key always has the key form (prefix, length,
// alphabet), lies inside the header and ends it; a refusal never depends on the key's
// existence (nothing here looks anything up).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/integrations/api_key.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view header(reinterpret_cast<const char*>(data), size);
  const auto key = textura::core::BearerApiKey(header);
  if (!key) return 0;
  if (!textura::core::IsApiKeyForm(*key)) std::abort();
  if (key->size() != textura::core::kApiKeyLength) std::abort();
  if (key->data() < header.data() || key->data() + key->size() != header.data() + header.size()) {
    std::abort();
  }
  if (!key->starts_with(textura::core::kApiKeyPrefix)) std::abort();
  return 0;
}
