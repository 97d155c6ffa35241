// The word-counting rule of docs/words.md, case by case, in English and Russian.
#include "integrations/text/icu_word_counter.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace textura::integrations {
namespace {

std::int64_t Count(std::string_view s) {
  return IcuWordCounter().CountWords(s);
}

TEST(IcuWordCounter, EmptyAndSpaceAndPunctuationAreNoWords) {
  EXPECT_EQ(Count(""), 0);
  EXPECT_EQ(Count("   \n\t "), 0);
  EXPECT_EQ(Count("... !!! — ?"), 0);
  EXPECT_EQ(Count("«»"), 0);
}

TEST(IcuWordCounter, PlainWords) {
  EXPECT_EQ(Count("Hello, world!"), 2);
  EXPECT_EQ(Count("Привет, мир!"), 2);
  EXPECT_EQ(Count("  We deliver\nevery day.  "), 4);
  EXPECT_EQ(Count("Мы доставляем каждый день."), 4);
  EXPECT_EQ(Count("Ёлка и ёж"), 3);
}

TEST(IcuWordCounter, NumbersAreOneWordWithTheirSeparators) {
  EXPECT_EQ(Count("42"), 1);
  EXPECT_EQ(Count("3.14"), 1);
  EXPECT_EQ(Count("1,5 литра"), 2);
  EXPECT_EQ(Count("It costs 1,000.50 rubles"), 4);
  EXPECT_EQ(Count("1 000 000"), 3);  // spaces separate words, even inside numbers
  EXPECT_EQ(Count("5kg"), 1);
  EXPECT_EQ(Count("в 10:30"), 3);  // a colon is not a number separator
}

TEST(IcuWordCounter, UrlsAndEmailAddressesAreOneWord) {
  EXPECT_EQ(Count("See https://example.com/help?topic=delivery&lang=en now"), 3);
  EXPECT_EQ(Count("Смотрите https://пример.рф/доставка"), 2);
  EXPECT_EQ(Count("www.example.com"), 1);
  EXPECT_EQ(Count("Write to help@example.com."), 3);
  EXPECT_EQ(Count("Пишите на почта@пример.рф"), 3);
  EXPECT_EQ(Count("(https://example.com)"), 1);
  EXPECT_EQ(Count("example.com"), 1);  // a bare domain is one word by segmentation alone
}

TEST(IcuWordCounter, HyphenatedWordsAreOneWord) {
  EXPECT_EQ(Count("a well-known brand"), 3);
  EXPECT_EQ(Count("кто-то позвонил"), 2);
  EXPECT_EQ(Count("северо-восток"), 1);
  EXPECT_EQ(Count("state-of-the-art"), 1);
  EXPECT_EQ(Count("word - word"), 2);  // a dash between spaces joins nothing
  EXPECT_EQ(Count("word — word"), 2);
}

TEST(IcuWordCounter, ApostrophesStayInsideWords) {
  EXPECT_EQ(Count("don't"), 1);
  EXPECT_EQ(Count("don’t stop"), 2);  // typographic apostrophe
  EXPECT_EQ(Count("O'Neil's shop"), 2);
  EXPECT_EQ(Count("'quoted'"), 1);
}

TEST(IcuWordCounter, EmojiAndSymbolsAreNoWords) {
  EXPECT_EQ(Count("👍"), 0);
  EXPECT_EQ(Count("Thanks 👍🏽 🎉"), 1);
  EXPECT_EQ(Count("Спасибо 😊"), 1);
  EXPECT_EQ(Count("$ % & * + ="), 0);
  EXPECT_EQ(Count("100%"), 1);
}

TEST(IcuWordCounter, OtherScripts) {
  EXPECT_EQ(Count("Ça coûte déjà"), 3);
  EXPECT_GE(Count("東京に行きます"), 2);  // dictionary segmentation
}

TEST(IcuWordCounter, InvalidUtf8DoesNotCrashAndCountsTheRest) {
  EXPECT_EQ(Count(std::string("ok \xff\xfe bad")), 2);
  EXPECT_EQ(Count(std::string("\xc3")), 0);
}

TEST(IcuWordCounter, ThreadsCountIndependently) {
  IcuWordCounter counter;
  std::vector<std::thread> threads;
  std::vector<std::int64_t> results(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      std::int64_t sum = 0;
      for (int i = 0; i < 500; ++i) sum += counter.CountWords("one two три четыре");
      results[t] = sum;
    });
  }
  for (auto& th : threads) th.join();
  for (auto r : results) EXPECT_EQ(r, 2000);
}

}  // namespace
}  // namespace textura::integrations
