#pragma once

#include <cstdint>
#include <optional>

namespace textura::core {

// What `words` cost at `price_per_1000_words` kopecks: words × price / 1000, rounded
// UP to the whole kopeck (a reply of 1 word at 50.00 RUB per 1,000 costs 5 kopecks;
// any fraction of a kopeck is a kopeck). Exact 64-bit arithmetic; nullopt when an
// input is negative or the result does not fit in 64 bits (docs/billing.md).
std::optional<std::int64_t> ChargeMinor(std::int64_t words, std::int64_t price_per_1000_words);

}  // namespace textura::core
