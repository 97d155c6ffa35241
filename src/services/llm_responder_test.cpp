#include "services/llm_responder.h"

#include <gtest/gtest.h>

#include <deque>

namespace textura::services {
namespace {

using core::LlmFailure;

// Plays back scripted outcomes, streaming their content in two pieces, and keeps the
// requests it was given.
class FakeLlmClient final : public core::LlmClient {
 public:
  core::LlmOutcome Complete(const core::LlmRequest& request,
                            const core::LlmDeltaFn& on_delta) override {
    requests.push_back(request);
    core::LlmOutcome next = outcomes.front();
    outcomes.pop_front();
    if (auto* r = std::get_if<core::LlmResult>(&next); r && !r->content.empty()) {
      const std::size_t half = r->content.size() / 2;
      if (!on_delta(std::string_view(r->content).substr(0, half)) ||
          !on_delta(std::string_view(r->content).substr(half))) {
        return LlmFailure{LlmFailure::Kind::kAborted, "The reply was stopped.", 0, true};
      }
    }
    return next;
  }
  std::deque<core::LlmOutcome> outcomes;
  std::vector<core::LlmRequest> requests;
};

core::LlmResult Text(std::string text) {
  core::LlmResult r;
  r.content = std::move(text);
  r.finish_reason = "stop";
  r.model = "gpt-test-2026-01-01";
  return r;
}

core::LlmResult Handoff(std::string arguments, std::string text = {}) {
  core::LlmResult r = Text(std::move(text));
  r.finish_reason = "tool_calls";
  r.tool_calls.push_back({"call_1", "handoff_to_human", std::move(arguments)});
  return r;
}

core::ReplyContext Context() {
  core::ReplyContext c;
  c.employee_name = "Anna";
  c.instructions = "Be kind.";
  c.temperature = 0.3;
  c.client_message = "Где мой заказ?";
  c.history = {{core::ChatTurn::Author::kClient, "Здравствуйте"}};
  c.passages = {{core::KnowledgePassage::Kind::kQa, 1, "Доставка", "3 дня", 1.0}};
  return c;
}

class LlmResponderTest : public ::testing::Test {
 protected:
  core::ReplyOutcome Respond(const core::ReplyContext& c, bool keep_going = true) {
    return responder_.Respond(c, [&](std::string_view t) {
      streamed_ += t;
      return keep_going;
    });
  }
  FakeLlmClient llm_;
  LlmResponder responder_{llm_, "default-model"};
  std::string streamed_;
};

TEST_F(LlmResponderTest, StreamsTheTextAndReturnsTheReply) {
  llm_.outcomes.push_back(Text("Ваш заказ приедет через 3 дня."));
  const core::ReplyOutcome out = Respond(Context());
  ASSERT_TRUE(out.reply);
  EXPECT_FALSE(out.failure);
  EXPECT_EQ(out.reply->text, "Ваш заказ приедет через 3 дня.");
  EXPECT_EQ(streamed_, out.reply->text);
  EXPECT_FALSE(out.reply->handoff_reason);
  EXPECT_EQ(out.reply->model, "default-model");
}

TEST_F(LlmResponderTest, SendsThePromptTheModelAndTheHandoffTool) {
  llm_.outcomes.push_back(Text("ok"));
  core::ReplyContext c = Context();
  c.model = "employee-model";
  c.reply_word_limit = 50;
  const core::ReplyOutcome out = Respond(c);
  ASSERT_EQ(llm_.requests.size(), 1u);
  const core::LlmRequest& r = llm_.requests[0];
  EXPECT_EQ(r.model, "employee-model");
  EXPECT_EQ(out.reply->model, "employee-model");
  EXPECT_DOUBLE_EQ(r.temperature, 0.3);
  EXPECT_EQ(r.max_tokens, 250);
  ASSERT_EQ(r.messages.size(), 3u);
  EXPECT_NE(r.messages[0].content.find("[1] Q: Доставка\nA: 3 дня"), std::string::npos);
  EXPECT_EQ(r.messages[1].content, "Здравствуйте");
  EXPECT_EQ(r.messages[2].content, "Где мой заказ?");
  ASSERT_EQ(r.tools.size(), 1u);
  EXPECT_EQ(r.tools[0].name, "handoff_to_human");
  EXPECT_NE(r.tools[0].parameters_json_schema.find("\"reason\""), std::string::npos);
}

TEST_F(LlmResponderTest, NoWordLimitMeansNoTokenCap) {
  llm_.outcomes.push_back(Text("ok"));
  Respond(Context());
  EXPECT_FALSE(llm_.requests[0].max_tokens);
}

TEST_F(LlmResponderTest, AHandoffCallCarriesTheModelsReason) {
  llm_.outcomes.push_back(Handoff(R"({"reason":"  Asks for a manager  "})", "Connecting you."));
  const core::ReplyOutcome out = Respond(Context());
  ASSERT_TRUE(out.reply);
  EXPECT_EQ(out.reply->handoff_reason, "Asks for a manager");
  EXPECT_EQ(out.reply->text, "Connecting you.");
}

TEST_F(LlmResponderTest, AHandoffWithoutTextIsStillAReply) {
  llm_.outcomes.push_back(Handoff(R"({"reason":"Refund dispute"})"));
  const core::ReplyOutcome out = Respond(Context());
  ASSERT_TRUE(out.reply);
  EXPECT_EQ(out.reply->handoff_reason, "Refund dispute");
  EXPECT_EQ(out.reply->text, "");
}

TEST_F(LlmResponderTest, BadHandoffArgumentsGetTheGenericReason) {
  for (const char* args :
       {"", "{", "[]", R"({"reason":42})", R"({"why":"x"})", R"({"reason":"   "})", "null"}) {
    llm_.outcomes.push_back(Handoff(args));
    const core::ReplyOutcome out = Respond(Context());
    ASSERT_TRUE(out.reply) << args;
    EXPECT_EQ(out.reply->handoff_reason, "The AI employee asked for a person to take over.")
        << args;
  }
}

TEST_F(LlmResponderTest, AnOverlongReasonIsCutOnACharacterBoundary) {
  std::string reason;
  for (int i = 0; i < 400; ++i) reason += "я";
  llm_.outcomes.push_back(Handoff(R"({"reason":")" + reason + R"("})"));
  const core::ReplyOutcome out = Respond(Context());
  ASSERT_TRUE(out.reply && out.reply->handoff_reason);
  EXPECT_EQ(out.reply->handoff_reason->size(), 500u);
  EXPECT_EQ(out.reply->handoff_reason->substr(0, 2), "я");
}

TEST_F(LlmResponderTest, OtherToolsAreIgnored) {
  core::LlmResult r = Text("Here you go.");
  r.tool_calls.push_back({"call_9", "delete_everything", "{}"});
  llm_.outcomes.push_back(r);
  const core::ReplyOutcome out = Respond(Context());
  ASSERT_TRUE(out.reply);
  EXPECT_FALSE(out.reply->handoff_reason);
}

TEST_F(LlmResponderTest, AnEmptyReplyIsAFailure) {
  llm_.outcomes.push_back(Text("  \n"));
  const core::ReplyOutcome out = Respond(Context());
  EXPECT_FALSE(out.reply);
  ASSERT_TRUE(out.failure);
  EXPECT_EQ(out.failure->message, "The AI provider returned an empty reply.");
}

TEST_F(LlmResponderTest, AProviderFailureBecomesAReplyFailure) {
  llm_.outcomes.push_back(LlmFailure{LlmFailure::Kind::kTimeout,
                                     "The AI provider did not answer within 30 s.", 0, false});
  const core::ReplyOutcome out = Respond(Context());
  EXPECT_FALSE(out.reply);
  ASSERT_TRUE(out.failure);
  EXPECT_EQ(out.failure->message, "The AI provider did not answer within 30 s.");
  EXPECT_FALSE(out.failure->partial);
}

TEST_F(LlmResponderTest, AnAbortIsAPartialFailure) {
  llm_.outcomes.push_back(Text("Some text that will be stopped"));
  const core::ReplyOutcome out = Respond(Context(), /*keep_going=*/false);
  EXPECT_FALSE(out.reply);
  ASSERT_TRUE(out.failure);
  EXPECT_TRUE(out.failure->partial);
}

}  // namespace
}  // namespace textura::services
