#include "core/support/canned_reply.h"

#include <gtest/gtest.h>

namespace textura::core::support {
namespace {

PlaceholderValues Values() {
  return {"Anna Petrova", 42, "Booking link broken", "Sam Support", "Acme"};
}

TEST(RenderCanned, FillsEveryKnownPlaceholder) {
  EXPECT_EQ(RenderCanned("Hi {{customer.first_name}} ({{customer.name}}), about #{{ticket.id}} "
                         "\"{{ticket.title}}\" at {{account.name}}. — {{agent.name}}",
                         Values()),
            "Hi Anna (Anna Petrova), about #42 \"Booking link broken\" at Acme. — Sam Support");
}

TEST(RenderCanned, AllowsSpacesInsideTheBraces) {
  EXPECT_EQ(RenderCanned("#{{ ticket.id }}", Values()), "#42");
}

TEST(RenderCanned, LeavesUnknownAndUnclosedPlaceholdersAsWritten) {
  EXPECT_EQ(RenderCanned("{{customer.email}} {{ticket.id}}", Values()), "{{customer.email}} 42");
  EXPECT_EQ(RenderCanned("{{ticket.id", Values()), "{{ticket.id");
  EXPECT_EQ(RenderCanned("}} {{}} {{{{ticket.id}}", Values()), "}} {{}} {{42");
  EXPECT_EQ(RenderCanned("", Values()), "");
  EXPECT_EQ(RenderCanned("no placeholders", Values()), "no placeholders");
}

TEST(RenderCanned, DoesNotExpandPlaceholdersInsideValues) {
  PlaceholderValues v = Values();
  v.ticket_title = "{{agent.name}}";
  EXPECT_EQ(RenderCanned("{{ticket.title}}", v), "{{agent.name}}");
}

TEST(RenderCanned, KeepsCyrillicText) {
  PlaceholderValues v = Values();
  v.customer_name = "Анна Петрова";
  EXPECT_EQ(RenderCanned("Здравствуйте, {{customer.first_name}}!", v), "Здравствуйте, Анна!");
}

TEST(FirstName, TakesTheFirstWord) {
  EXPECT_EQ(FirstName("  Anna Petrova "), "Anna");
  EXPECT_EQ(FirstName("Anna"), "Anna");
  EXPECT_EQ(FirstName(""), "");
}

TEST(CleanShortcut, AcceptsOnlyLowerCaseLettersDigitsDashAndUnderscore) {
  EXPECT_EQ(*CleanShortcut("refund-1_a"), "refund-1_a");
  EXPECT_FALSE(CleanShortcut("").ok());
  EXPECT_FALSE(CleanShortcut("Refund").ok());
  EXPECT_FALSE(CleanShortcut("with space").ok());
  EXPECT_FALSE(CleanShortcut(std::string(33, 'a')).ok());
  EXPECT_TRUE(CleanShortcut(std::string(32, 'a')).ok());
  EXPECT_EQ(CleanShortcut("ы").error().field, "shortcut");
}

TEST(CleanCanned, TitleAndBodyLimits) {
  EXPECT_EQ(*CleanCannedTitle("  Refund  "), "Refund");
  EXPECT_FALSE(CleanCannedTitle("   ").ok());
  EXPECT_FALSE(CleanCannedTitle(std::string(101, 'a')).ok());
  EXPECT_TRUE(CleanCannedBody("line 1\nline 2").ok());
  EXPECT_FALSE(CleanCannedBody(std::string(5001, 'a')).ok());
  EXPECT_EQ(CleanCannedBody("").error().field, "body");
}

}  // namespace
}  // namespace textura::core::support
