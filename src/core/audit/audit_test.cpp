#include "core/audit/audit.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace textura::core::audit {
namespace {

TEST(AuditDetails, RoundTripsAnyStrings) {
  const Details details{{"from", "a=b%c\nd"}, {"note", "Новый год\r\n"}, {"empty", ""}};
  const std::string encoded = EncodeDetails(details);
  EXPECT_EQ(encoded.find('\r'), std::string::npos);
  EXPECT_EQ(std::count(encoded.begin(), encoded.end(), '\n'), 2);
  EXPECT_EQ(DecodeDetails(encoded), details);
}

TEST(AuditDetails, EmptyAndMalformed) {
  EXPECT_EQ(EncodeDetails({}), "");
  EXPECT_TRUE(DecodeDetails("").empty());
  EXPECT_EQ(DecodeDetails("junk\nk=v\n%zz=%2"), (Details{{"k", "v"}, {"%zz", "%2"}}));
}

TEST(AuditAction, Names) {
  EXPECT_TRUE(IsValidAction("ticket.closed"));
  EXPECT_TRUE(IsValidAction("chat.read"));
  EXPECT_TRUE(IsValidAction(kSlaSettingsUpdated));
  EXPECT_FALSE(IsValidAction("closed"));
  EXPECT_FALSE(IsValidAction("Ticket.Closed"));
  EXPECT_FALSE(IsValidAction(".x.y"));
  EXPECT_FALSE(IsValidAction("a b.c"));
  EXPECT_FALSE(IsValidAction(std::string(65, 'a') + ".b"));
}

}  // namespace
}  // namespace textura::core::audit
