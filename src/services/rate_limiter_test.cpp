#include "services/rate_limiter.h"

#include <gtest/gtest.h>

namespace textura::services {
namespace {

using namespace std::chrono_literals;

TEST(SlidingWindowLimiter, BlocksAfterTheLimitUntilTheOldestEventLeaves) {
  SlidingWindowLimiter limiter(3, 60s);
  const core::Time t0 = core::FromMicros(1'000'000'000'000);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(limiter.RetryAfter("ip", t0 + i * 1s), 0);
    limiter.Record("ip", t0 + i * 1s);
  }
  EXPECT_EQ(limiter.RetryAfter("ip", t0 + 3s), 57);  // the first event leaves at t0+60s
  EXPECT_EQ(limiter.RetryAfter("other", t0 + 3s), 0);
  EXPECT_EQ(limiter.RetryAfter("ip", t0 + 60s), 0);
}

TEST(SlidingWindowLimiter, ClearForgetsAKey) {
  SlidingWindowLimiter limiter(1, 60s);
  const core::Time t0 = core::FromMicros(0);
  limiter.Record("a@x.io", t0);
  EXPECT_GT(limiter.RetryAfter("a@x.io", t0), 0);
  limiter.Clear("a@x.io");
  EXPECT_EQ(limiter.RetryAfter("a@x.io", t0), 0);
}

}  // namespace
}  // namespace textura::services
