#include "core/channels/telegram_text.h"

#include <gtest/gtest.h>

#include "core/channels/channel.h"
#include "core/channels/outbox_rules.h"
#include "core/channels/telegram_update.h"

namespace textura::core::telegram {
namespace {

TEST(TelegramHtml, EscapesTheThreeCharactersTelegramParses) {
  EXPECT_EQ(EscapeHtml("a < b && c > d"), "a &lt; b &amp;&amp; c &gt; d");
  EXPECT_EQ(EscapeHtml("<b>not bold</b>"), "&lt;b&gt;not bold&lt;/b&gt;");
  EXPECT_EQ(EscapeHtml("\"quotes\" and 'apostrophes' stay"), "\"quotes\" and 'apostrophes' stay");
  EXPECT_EQ(EscapeHtml("Привет 👋"), "Привет 👋");
}

TEST(TelegramLength, CountsUtf16UnitsAsTelegramDoes) {
  EXPECT_EQ(Utf16Length(""), 0u);
  EXPECT_EQ(Utf16Length("abc"), 3u);
  EXPECT_EQ(Utf16Length("Привет"), 6u);  // two bytes each in UTF-8, one unit each
  EXPECT_EQ(Utf16Length("€"), 1u);       // three bytes, one unit
  EXPECT_EQ(Utf16Length("👋"), 2u);       // above U+FFFF: a surrogate pair
  EXPECT_EQ(Utf16Length("a👋b"), 4u);
}

TEST(TelegramSplit, ShortTextIsOnePiece) {
  EXPECT_EQ(SplitMessage("Hello"), std::vector<std::string>{"Hello"});
  EXPECT_TRUE(SplitMessage("").empty());
  EXPECT_TRUE(SplitMessage(" \n\n ").empty());
}

TEST(TelegramSplit, CutsAtParagraphsFirst) {
  const std::string a(3000, 'a');
  const std::string b(3000, 'b');
  const auto pieces = SplitMessage(a + "\n\n" + b);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[0], a);
  EXPECT_EQ(pieces[1], b);
}

TEST(TelegramSplit, FallsBackToLinesThenSpacesThenCodePoints) {
  const auto lines = SplitMessage("one two\nthree four", 12);
  EXPECT_EQ(lines, (std::vector<std::string>{"one two", "three four"}));
  const auto words = SplitMessage("alpha beta gamma", 11);
  EXPECT_EQ(words, (std::vector<std::string>{"alpha beta", "gamma"}));
  const auto hard = SplitMessage(std::string(10, 'x'), 4);
  EXPECT_EQ(hard, (std::vector<std::string>{"xxxx", "xxxx", "xx"}));
}

TEST(TelegramSplit, NeverCutsASurrogatePairAndCountsItAsTwo) {
  // 4097 units of emoji = 2048 emoji and a half: a piece holds 2048 emoji (4096 units).
  std::string emoji;
  for (int i = 0; i < 2049; ++i) emoji += "👋";
  const auto pieces = SplitMessage(emoji);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(Utf16Length(pieces[0]), 4096u);
  EXPECT_EQ(pieces[1], "👋");
}

TEST(TelegramSplit, EveryPieceFitsTheLimitOnLongMixedText) {
  std::string text;
  for (int i = 0; i < 400; ++i) text += "Параграф номер " + std::to_string(i) + " 🙂 text.\n\n";
  const auto pieces = SplitMessage(text);
  ASSERT_GT(pieces.size(), 1u);
  std::size_t total = 0;
  for (const auto& p : pieces) {
    EXPECT_LE(Utf16Length(p), kMaxMessageUnits);
    EXPECT_EQ(p.rfind("Параграф", 0), 0u) << "a piece starts at a paragraph";
    total += p.size();
  }
  EXPECT_GT(total, text.size() - 400 * 2 - 2);  // only the blank lines at cuts are dropped
}

TEST(TelegramUpdate, NamesAndLanguage) {
  User u{7, "Anna", "Petrova", "anna", "ru-RU"};
  EXPECT_EQ(DisplayName(u), "Anna Petrova");
  EXPECT_TRUE(SpeaksRussian(u));
  EXPECT_EQ(DisplayName(User{7, "", "", "anna", ""}), "@anna");
  EXPECT_EQ(DisplayName(User{7, "", "", "", "en"}), "Telegram user 7");
  EXPECT_FALSE(SpeaksRussian(User{7, "", "", "", "en"}));
  EXPECT_TRUE(IsStartCommand("/start"));
  EXPECT_TRUE(IsStartCommand("/start ref42"));
  EXPECT_TRUE(IsStartCommand("/start@concierge_bot"));
  EXPECT_FALSE(IsStartCommand("/started"));
  EXPECT_FALSE(IsStartCommand("hello /start"));
}

TEST(TelegramOutbox, ClassifiesStatuses) {
  using Kind = CallOutcome::Kind;
  EXPECT_EQ(ClassifyStatus(200), Kind::kOk);
  EXPECT_EQ(ClassifyStatus(429), Kind::kRetryAfter);
  EXPECT_EQ(ClassifyStatus(403), Kind::kBlocked);
  EXPECT_EQ(ClassifyStatus(401), Kind::kUnauthorized);
  EXPECT_EQ(ClassifyStatus(409), Kind::kConflict);
  EXPECT_EQ(ClassifyStatus(400), Kind::kRejected);
  EXPECT_EQ(ClassifyStatus(502), Kind::kTransient);
  EXPECT_EQ(ClassifyStatus(0), Kind::kTransient);
}

TEST(TelegramOutbox, BackoffDoublesUpToTheCap) {
  EXPECT_EQ(Backoff(1).count(), 1);
  EXPECT_EQ(Backoff(2).count(), 2);
  EXPECT_EQ(Backoff(5).count(), 16);
  EXPECT_EQ(Backoff(7).count(), 60);
  EXPECT_EQ(Backoff(1000).count(), 60);
}

TEST(TelegramOutbox, PacesPerChatAndPerBot) {
  const Time t0 = FromMicros(1'000'000'000);
  SendPacer pacer(std::chrono::milliseconds(1000), 3);
  EXPECT_EQ(pacer.NextSlot(1, t0), t0);
  pacer.Sent(1, t0);
  EXPECT_EQ(pacer.NextSlot(1, t0), t0 + std::chrono::seconds(1));  // same chat waits
  EXPECT_EQ(pacer.NextSlot(2, t0), t0);                            // another chat does not
  pacer.Sent(2, t0);
  pacer.Sent(3, t0);
  EXPECT_EQ(pacer.NextSlot(4, t0), t0 + std::chrono::seconds(1));  // the bot's 3/s are used
  pacer.PauseUntil(t0 + std::chrono::seconds(5));
  EXPECT_EQ(pacer.NextSlot(9, t0), t0 + std::chrono::seconds(5));
}

TEST(ChannelCounters, StartOverEachUtcDay) {
  Channel c;
  const Time day1 = FromMicros(86400LL * 1'000'000 * 100 + 5);
  CountMessage(c, day1, false);
  CountMessage(c, day1, true);
  CountMessage(c, day1, true);
  EXPECT_EQ(MessagesInToday(c, day1), 1);
  EXPECT_EQ(MessagesOutToday(c, day1), 2);
  const Time day2 = day1 + std::chrono::hours(24);
  EXPECT_EQ(MessagesOutToday(c, day2), 0);
  CountMessage(c, day2, false);
  EXPECT_EQ(MessagesInToday(c, day2), 1);
  EXPECT_EQ(MessagesOutToday(c, day2), 0);
}

}  // namespace
}  // namespace textura::core::telegram
