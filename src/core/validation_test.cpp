#include "core/validation.h"

#include <gtest/gtest.h>

namespace textura::core {
namespace {

TEST(NormalizeEmail, TrimsAndLowerCases) {
  auto e = NormalizeEmail("email", "  Anna@Example.COM ");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(*e, "anna@example.com");
}

TEST(NormalizeEmail, RejectsWhatIsNotAnAddress) {
  for (const char* bad : {"", "anna", "@x.io", "anna@", "anna@x", "a@b@c.io", "a b@x.io",
                          "anna@x..io", "anna@.io", "anna@x.io."}) {
    auto e = NormalizeEmail("email", bad);
    ASSERT_FALSE(e.ok()) << bad;
    EXPECT_EQ(e.error().code, ErrorCode::kValidationFailed);
    EXPECT_EQ(e.error().field, "email");
  }
  EXPECT_FALSE(NormalizeEmail("email", std::string(250, 'a') + "@x.io").ok());
}

TEST(ValidatePassword, CountsCharactersNotBytes) {
  EXPECT_FALSE(ValidatePassword("password", "1234567").ok());
  EXPECT_TRUE(ValidatePassword("password", "12345678").ok());
  // Seven Cyrillic letters are 14 bytes but still too short.
  EXPECT_FALSE(ValidatePassword("password", "пароль7").ok());
  EXPECT_TRUE(ValidatePassword("password", "парольпа").ok());
  EXPECT_FALSE(ValidatePassword("password", std::string(1025, 'x')).ok());
}

TEST(CleanText, TrimsUnicodeSpaceAndBoundsLength) {
  auto t = CleanText("title", "\u00a0 Привет мир \t", 1, 200);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(*t, "Привет мир");
  EXPECT_EQ(CleanText("title", "   ", 1, 200).error().message, "must not be empty");
  EXPECT_FALSE(CleanText("title", "abc", 1, 2).ok());
  EXPECT_TRUE(CleanText("title", "абв", 1, 3).ok());  // 3 characters, 6 bytes
}

TEST(CleanText, RejectsControlCharactersAndBadUtf8) {
  EXPECT_FALSE(CleanText("name", "a\x01z", 1, 10).ok());
  EXPECT_FALSE(CleanText("name", "line\nbreak", 1, 20).ok());
  EXPECT_TRUE(CleanText("body", "line\nbreak", 1, 20, Lines::kMulti).ok());
  EXPECT_FALSE(CleanText("name", "\xff\xfe", 1, 10).ok());
  EXPECT_FALSE(CleanText("name", "\xed\xa0\x80", 1, 10).ok());  // a UTF-16 surrogate
}

TEST(ValidateTimeZone, KnowsIanaNames) {
  EXPECT_TRUE(ValidateTimeZone("time_zone", "Europe/Moscow").ok());
  EXPECT_TRUE(ValidateTimeZone("time_zone", "America/New_York").ok());
  EXPECT_FALSE(ValidateTimeZone("time_zone", "Mars/Olympus").ok());
  EXPECT_FALSE(ValidateTimeZone("time_zone", "").ok());
}

}  // namespace
}  // namespace textura::core
