#include "integrations/llm/sse_parser.h"

#include <gtest/gtest.h>

#include <vector>

namespace textura::integrations {
namespace {

std::vector<std::string> ParseInPieces(std::string_view stream, std::size_t piece) {
  SseParser parser;
  std::vector<std::string> events;
  const auto collect = [&](std::string_view data) {
    events.emplace_back(data);
    return true;
  };
  for (std::size_t i = 0; i < stream.size(); i += piece) {
    EXPECT_TRUE(parser.Feed(stream.substr(i, piece), collect));
  }
  EXPECT_TRUE(parser.Finish(collect));
  return events;
}

TEST(SseParserTest, EventsAreTheSameWhateverThePieceSize) {
  const std::string stream =
      ": keep-alive\n\n"
      "data: {\"a\":1}\n\n"
      "data:{\"b\":2}\r\n\r\n"
      "event: ignored\nid: 7\ndata: first\ndata: second\n\n"
      "data: cr only\r\r"
      "data: [DONE]\n\n";
  const std::vector<std::string> expected = {R"({"a":1})", R"({"b":2})", "first\nsecond", "cr only",
                                             "[DONE]"};
  for (std::size_t piece = 1; piece <= stream.size(); ++piece) {
    EXPECT_EQ(ParseInPieces(stream, piece), expected) << "pieces of " << piece << " bytes";
  }
}

TEST(SseParserTest, CommentsAreCountedNotDispatched) {
  SseParser parser;
  int events = 0;
  ASSERT_TRUE(parser.Feed(": ping\n: ping\n\n", [&](std::string_view) { return ++events, true; }));
  EXPECT_EQ(events, 0);
  EXPECT_EQ(parser.comments(), 2u);
}

TEST(SseParserTest, ALastEventWithoutItsBlankLineIsDispatchedAtTheEnd) {
  EXPECT_EQ(ParseInPieces("data: [DONE]", 4), std::vector<std::string>{"[DONE]"});
  EXPECT_EQ(ParseInPieces("data: [DONE]\n", 4), std::vector<std::string>{"[DONE]"});
}

TEST(SseParserTest, StopsWhenTheCallerSaysSo) {
  SseParser parser;
  std::vector<std::string> seen;
  EXPECT_FALSE(parser.Feed("data: 1\n\ndata: 2\n\n", [&](std::string_view d) {
    seen.emplace_back(d);
    return false;
  }));
  EXPECT_EQ(seen, std::vector<std::string>{"1"});
}

TEST(SseParserTest, AnEndlessLineIsRefused) {
  SseParser parser(16);
  const auto ignore = [](std::string_view) { return true; };
  EXPECT_TRUE(parser.Feed("data: 0123456", ignore));
  EXPECT_FALSE(parser.Feed("789abcdef", ignore));
  EXPECT_TRUE(parser.overflowed());
}

}  // namespace
}  // namespace textura::integrations
