#include "core/ai/knowledge_responder.h"

#include <gtest/gtest.h>

#include "core/ai/retrieval.h"

namespace textura::core {
namespace {

KnowledgePassage Qa(std::int64_t id, std::string q, std::string a) {
  return {KnowledgePassage::Kind::kQa, id, std::move(q), std::move(a), 0};
}
KnowledgePassage Doc(std::int64_t id, std::string title, std::string text) {
  return {KnowledgePassage::Kind::kDocument, id, std::move(title), std::move(text), 0};
}

ReplyContext ContextFor(std::string message, std::vector<KnowledgePassage> candidates) {
  ReplyContext c;
  c.model = "textura-knowledge";
  c.client_message = message;
  c.passages = RankPassages(message, std::move(candidates));
  return c;
}

std::string Collect(Responder& r, const ReplyContext& c, ReplyOutcome* out = nullptr) {
  std::string streamed;
  ReplyOutcome o = r.Respond(c, [&](std::string_view piece) {
    streamed.append(piece);
    return true;
  });
  if (out) *out = o;
  return streamed;
}

TEST(SearchTerms, DropsFunctionWordsAndRepeatsAndFoldsCase) {
  EXPECT_EQ(SearchTerms("What are your OPENING hours? Hours!"),
            (std::vector<std::string>{"opening", "hours"}));
  EXPECT_EQ(SearchTerms("Какая у вас Доставка в Москву?"),
            (std::vector<std::string>{"доставка", "москву"}));
  EXPECT_TRUE(SearchTerms("?? a ! и").empty());
}

TEST(WordsMatch, PrefixesOfLongWordsMatchShortOnesDoNot) {
  EXPECT_TRUE(WordsMatch("open", "opening"));
  EXPECT_TRUE(WordsMatch("доставка", "доставки"));
  EXPECT_TRUE(WordsMatch("hours", "hour"));
  EXPECT_FALSE(WordsMatch("cat", "cats"));
  EXPECT_FALSE(WordsMatch("return", "returnable"));  // 4 extra characters
  EXPECT_FALSE(WordsMatch("price", "privacy"));
}

TEST(RankPassages, ScoreIsTheShareOfSearchTermsFound) {
  auto ranked = RankPassages("opening hours in Moscow",
                             {Qa(1, "Delivery", "We deliver in Moscow"),
                              Qa(2, "What are your opening hours?", "9 to 18 every day")});
  ASSERT_EQ(ranked.size(), 2u);
  EXPECT_EQ(ranked[0].id, 2);
  EXPECT_DOUBLE_EQ(ranked[0].score, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(ranked[1].score, 1.0 / 3.0);
}

TEST(RankPassages, TiesPreferTheCloserQuestionThenQaThenDatabaseOrder) {
  auto ranked =
      RankPassages("opening hours", {Doc(1, "Guide", "Our opening hours are long"),
                                     Qa(2, "Opening hours on holidays and weekends", "10 to 16"),
                                     Qa(3, "Opening hours", "9 to 18")});
  ASSERT_EQ(ranked.size(), 3u);
  EXPECT_EQ(ranked[0].id, 3);
  EXPECT_EQ(ranked[1].id, 2);
  EXPECT_EQ(ranked[2].id, 1);
}

TEST(KnowledgeResponder, AnswersWithTheBestPassageAboveTheThreshold) {
  KnowledgeResponder r;
  ReplyOutcome o;
  const std::string streamed =
      Collect(r,
              ContextFor("When are you open?", {Qa(1, "Opening hours", "From 9 to 18 daily."),
                                                Qa(2, "Delivery", "Couriers bring it.")}),
              &o);
  ASSERT_TRUE(o.reply);
  EXPECT_EQ(o.reply->text, "From 9 to 18 daily.");
  EXPECT_EQ(streamed, o.reply->text);
  EXPECT_FALSE(o.reply->handoff_reason);
  EXPECT_EQ(o.reply->model, "textura-knowledge");
  EXPECT_TRUE(o.reply->billable);
}

TEST(KnowledgeResponder, HandsOffBelowTheThreshold) {
  KnowledgeResponder r;
  ReplyOutcome o;
  const std::string streamed = Collect(
      r, ContextFor("Do you sell refrigerators and ovens?", {Qa(1, "Ovens", "No ovens.")}), &o);
  ASSERT_TRUE(o.reply);  // 1 of 3 terms: below 0.5
  EXPECT_EQ(o.reply->text, KnowledgeResponder::kHandoffTextEn);
  ASSERT_TRUE(o.reply->handoff_reason);
  EXPECT_NE(o.reply->handoff_reason->find("refrigerators"), std::string::npos);
  EXPECT_EQ(streamed, o.reply->text);
  EXPECT_FALSE(o.reply->billable) << "the fixed handoff notice is not an answer: never charged";
}

TEST(KnowledgeResponder, HandsOffInRussianToARussianMessageWithNoKnowledge) {
  KnowledgeResponder r;
  ReplyOutcome o;
  Collect(r, ContextFor("Сколько стоит доставка?", {}), &o);
  ASSERT_TRUE(o.reply);
  EXPECT_EQ(o.reply->text, KnowledgeResponder::kHandoffTextRu);
  EXPECT_TRUE(o.reply->handoff_reason);
  EXPECT_FALSE(o.reply->billable);
}

TEST(KnowledgeResponder, ThresholdIsConfigurable) {
  KnowledgeResponder strict({1.0, 3});
  ReplyOutcome o;
  Collect(strict, ContextFor("opening hours Moscow", {Qa(1, "Opening hours", "9 to 18")}), &o);
  EXPECT_TRUE(o.reply->handoff_reason);
  KnowledgeResponder lenient({0.3, 3});
  Collect(lenient, ContextFor("opening hours Moscow", {Qa(1, "Opening hours", "9 to 18")}), &o);
  EXPECT_FALSE(o.reply->handoff_reason);
}

TEST(KnowledgeResponder, StreamsInPiecesAndHonoursTheWordLimit) {
  KnowledgeResponder r({0.5, 2});
  auto c = ContextFor("returns", {Qa(1, "Returns",
                                     "one two three four five six seven eight "
                                     "nine ten eleven twelve")});
  c.reply_word_limit = 10;
  std::vector<std::string> pieces;
  auto o = r.Respond(c, [&](std::string_view p) {
    pieces.emplace_back(p);
    return true;
  });
  ASSERT_TRUE(o.reply);
  EXPECT_EQ(o.reply->text, "one two three four five six seven eight nine ten…");
  EXPECT_EQ(pieces.size(), 5u);
  EXPECT_EQ(pieces[0], "one two ");
}

TEST(KnowledgeResponder, AnAbortedStreamIsAFailure) {
  KnowledgeResponder r;
  auto c = ContextFor("returns", {Qa(1, "Returns", "Within fourteen days of purchase.")});
  int calls = 0;
  auto o = r.Respond(c, [&](std::string_view) { return ++calls < 2; });
  EXPECT_FALSE(o.reply);
  ASSERT_TRUE(o.failure);
  EXPECT_TRUE(o.failure->partial);
}

}  // namespace
}  // namespace textura::core
