#include "core/time.h"

#include <gtest/gtest.h>

namespace textura::core {
namespace {

TEST(Rfc3339, FormatsUtcSeconds) {
  const auto t = ParseRfc3339("2026-11-23T18:04:05.123456Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(FormatRfc3339(*t), "2026-11-23T18:04:05Z");
  EXPECT_EQ(ToMicros(*t) % 1000000, 123456);
}

TEST(Rfc3339, AppliesOffsets) {
  const auto t = ParseRfc3339("2026-03-01T12:00:00+03:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(FormatRfc3339(*t), "2026-03-01T09:00:00Z");
}

TEST(Rfc3339, RejectsMalformed) {
  for (const char* bad :
       {"", "2026-11-23", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-23T25:00:00Z",
        "2026-11-23T18:04:05", "2026-11-23T18:04:05Zx", "2026-11-23T18:04:05.Z"}) {
    EXPECT_FALSE(ParseRfc3339(bad)) << bad;
  }
}

}  // namespace
}  // namespace textura::core
