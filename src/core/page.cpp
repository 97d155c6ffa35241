#include "core/page.h"

#include "core/numbers.h"

namespace textura::core {

Result<int> ParsePageLimit(const std::optional<std::string>& text) {
  if (!text) return kDefaultPageLimit;
  const auto v = ParseInt64(*text);
  if (!v || *v < 1 || *v > kMaxPageLimit) {
    return Error::Validation("limit", "must be an integer from 1 to 100");
  }
  return static_cast<int>(*v);
}

}  // namespace textura::core
