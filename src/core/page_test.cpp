#include "core/page.h"

#include <gtest/gtest.h>

#include "core/numbers.h"

namespace textura::core {
namespace {

TEST(NumbersTest, WholeIntegersOnly) {
  EXPECT_EQ(ParseInt64("42"), 42);
  EXPECT_EQ(ParseInt64("-3"), -3);
  EXPECT_EQ(ParseInt64("9223372036854775807"), INT64_MAX);
  for (const char* bad : {"", " 1", "1 ", "+1", "1.5", "0x10", "abc", "9223372036854775808"}) {
    EXPECT_EQ(ParseInt64(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(ParseId("7"), 7);
  EXPECT_EQ(ParseId("0"), std::nullopt);
  EXPECT_EQ(ParseId("-7"), std::nullopt);
}

TEST(PageTest, LimitIsOneToHundredDefaultTwenty) {
  EXPECT_EQ(*ParsePageLimit(std::nullopt), 20);
  EXPECT_EQ(*ParsePageLimit(std::string("1")), 1);
  EXPECT_EQ(*ParsePageLimit(std::string("100")), 100);
  for (const char* bad : {"0", "101", "-1", "", "ten"}) {
    const auto r = ParsePageLimit(std::string(bad));
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "limit");
  }
}

TEST(PageTest, TakePageTrimsTheExtraRowAndPointsAtTheLastKept) {
  const auto cursor = [](int v) { return std::to_string(v); };
  std::vector<int> rows = {1, 2, 3, 4};  // fetched with FetchCount(3)
  EXPECT_EQ(FetchCount(3), 4);
  EXPECT_EQ(TakePage(rows, 3, cursor), "3");
  EXPECT_EQ(rows, (std::vector<int>{1, 2, 3}));
  std::vector<int> last = {1, 2, 3};
  EXPECT_EQ(TakePage(last, 3, cursor), std::nullopt) << "no more rows: the last page";
  EXPECT_EQ(last.size(), 3u);
}

}  // namespace
}  // namespace textura::core
