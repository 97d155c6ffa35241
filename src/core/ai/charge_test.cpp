#include "core/ai/charge.h"

#include <gtest/gtest.h>

#include <limits>

namespace textura::core {
namespace {

TEST(ChargeMinor, ZeroWordsOrFreeModelCostNothing) {
  EXPECT_EQ(ChargeMinor(0, 5000), 0);
  EXPECT_EQ(ChargeMinor(1234, 0), 0);
}

TEST(ChargeMinor, ExactThousandsAreExact) {
  EXPECT_EQ(ChargeMinor(1000, 5000), 5000);
  EXPECT_EQ(ChargeMinor(3000, 20000), 60000);
}

TEST(ChargeMinor, FractionsOfAKopeckRoundUp) {
  EXPECT_EQ(ChargeMinor(1, 5000), 5);       // 5.000 → 5
  EXPECT_EQ(ChargeMinor(1, 1), 1);          // 0.001 → 1
  EXPECT_EQ(ChargeMinor(999, 1), 1);        // 0.999 → 1
  EXPECT_EQ(ChargeMinor(1001, 1), 2);       // 1.001 → 2
  EXPECT_EQ(ChargeMinor(7, 3333), 24);      // 23.331 → 24
  EXPECT_EQ(ChargeMinor(1500, 999), 1499);  // 1498.5 → 1499
}

TEST(ChargeMinor, NegativeInputsAreRejected) {
  EXPECT_EQ(ChargeMinor(-1, 100), std::nullopt);
  EXPECT_EQ(ChargeMinor(1, -100), std::nullopt);
}

TEST(ChargeMinor, HugeValuesDoNotOverflow) {
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  // Naive words × price would overflow long before the true result does.
  EXPECT_EQ(ChargeMinor(kMax / 1000 * 1000, 1000), kMax / 1000 * 1000);
  EXPECT_EQ(ChargeMinor(kMax, 1), kMax / 1000 + 1);
  EXPECT_EQ(ChargeMinor(kMax, 1'000'000'000), std::nullopt);
  EXPECT_EQ(ChargeMinor(1'000'000, kMax), std::nullopt);
}

}  // namespace
}  // namespace textura::core
