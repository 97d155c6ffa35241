#include "core/ai/charge.h"

namespace textura::core {

std::optional<std::int64_t> ChargeMinor(std::int64_t words, std::int64_t price) {
  if (words < 0 || price < 0) return std::nullopt;
  // words = q·1000 + r, so words·price/1000 = q·price + r·price/1000; r·price cannot
  // overflow (r < 1000, price ≤ INT64_MAX/1000 checked below) and only q·price and the
  // sum need checking.
  const std::int64_t q = words / 1000;
  const std::int64_t r = words % 1000;
  std::int64_t whole = 0;
  if (__builtin_mul_overflow(q, price, &whole)) return std::nullopt;
  std::int64_t part_numerator = 0;
  if (__builtin_mul_overflow(r, price, &part_numerator)) return std::nullopt;
  const std::int64_t part = part_numerator / 1000 + (part_numerator % 1000 != 0 ? 1 : 0);
  std::int64_t total = 0;
  if (__builtin_add_overflow(whole, part, &total)) return std::nullopt;
  return total;
}

}  // namespace textura::core
