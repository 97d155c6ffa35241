#include "core/ai/passages.h"

#include <gtest/gtest.h>

#include "core/validation.h"

namespace textura::core {
namespace {

TEST(SplitPassages, EmptyAndBlankTextHaveNoPassages) {
  EXPECT_TRUE(SplitPassages("").empty());
  EXPECT_TRUE(SplitPassages(" \n\r\n\t\n").empty());
}

TEST(SplitPassages, ShortParagraphsMergeIntoOnePassage) {
  const auto p = SplitPassages("First paragraph.\r\n\r\nSecond paragraph.\n\n\n  Third.  ");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0], "First paragraph.\n\nSecond paragraph.\n\nThird.");
}

TEST(SplitPassages, HeadingsStartNewPassages) {
  const auto p =
      SplitPassages("Intro text.\n# Delivery\nWe deliver daily.\n\n## Returns\nIn 14 days.");
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0], "Intro text.");
  EXPECT_EQ(p[1], "# Delivery\nWe deliver daily.");
  EXPECT_EQ(p[2], "## Returns\nIn 14 days.");
}

TEST(SplitPassages, ParagraphsMergeOnlyUpToTheTarget) {
  const std::string para(700, 'a');
  const auto p = SplitPassages(para + "\n\n" + para + "\n\n" + para);
  ASSERT_EQ(p.size(), 3u);
  for (const auto& s : p) EXPECT_EQ(s, para);
}

TEST(SplitPassages, LongParagraphsAreCutAtSentenceEnds) {
  std::string sentence = "This sentence has some words in it. ";  // 36 bytes
  std::string para;
  while (para.size() < 5000) para += sentence;
  const auto p = SplitPassages(para);
  ASSERT_GE(p.size(), 3u);
  std::string joined;
  for (const auto& s : p) {
    EXPECT_LE(s.size(), kPassageMaxBytes);
    EXPECT_EQ(s.back(), '.') << s;
    joined += s + " ";
  }
  EXPECT_EQ(Trim(joined), Trim(para));
}

TEST(SplitPassages, CyrillicWithoutSpacesIsCutOnCharacterBoundaries) {
  std::string word;
  for (int i = 0; i < 1500; ++i) word += "ж";  // 3000 bytes, no space
  const auto p = SplitPassages(word);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_TRUE(IsValidUtf8(p[0]));
  EXPECT_TRUE(IsValidUtf8(p[1]));
  EXPECT_EQ(p[0] + p[1], word);
}

}  // namespace
}  // namespace textura::core
