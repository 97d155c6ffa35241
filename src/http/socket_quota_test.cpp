#include "http/socket_quota.h"

#include <gtest/gtest.h>

namespace textura::http {
namespace {

TEST(SocketQuota, CapsPerSessionAndPerUserAndFreesOnRelease) {
  SocketQuota quota(SocketLimits{4096, 2, 3, 100});
  auto a1 = quota.Admit({"s1", "u1"});
  auto a2 = quota.Admit({"s1", "u1"});
  ASSERT_TRUE(a1.ok());
  ASSERT_TRUE(a2.ok());
  auto refused = quota.Admit({"s1", "u1"});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::ErrorCode::kRateLimited);
  EXPECT_GT(refused.error().retry_after_seconds, 0);

  auto b1 = quota.Admit({"s2", "u1"});  // another session of the same user
  ASSERT_TRUE(b1.ok());
  EXPECT_FALSE(quota.Admit({"s3", "u1"}).ok());  // the user's third is the cap
  EXPECT_TRUE(quota.Admit({"s4", "u2"}).ok());   // others are not affected
  EXPECT_EQ(quota.open_sockets(), 3u);

  a1->reset();
  EXPECT_TRUE(quota.Admit({"s1", "u1"}).ok());
}

TEST(SocketQuota, BoundsUpgradesPerAddress) {
  SocketQuota quota(SocketLimits{4096, 2, 3, 2});
  EXPECT_TRUE(quota.CheckUpgradeRate("10.0.0.1").ok());
  EXPECT_TRUE(quota.CheckUpgradeRate("10.0.0.1").ok());
  auto third = quota.CheckUpgradeRate("10.0.0.1");
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().code, core::ErrorCode::kRateLimited);
  EXPECT_TRUE(quota.CheckUpgradeRate("10.0.0.2").ok());
}

}  // namespace
}  // namespace textura::http
