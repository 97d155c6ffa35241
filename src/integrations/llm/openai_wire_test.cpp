#include "integrations/llm/openai_wire.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace textura::integrations {
namespace {

namespace json = boost::json;
using Step = ChatStream::Step;

TEST(OpenAiWireTest, RequestBodyCarriesEverything) {
  core::LlmRequest r;
  r.messages = {{core::LlmMessage::Role::kSystem, "rules"}, {core::LlmMessage::Role::kUser, "hi"}};
  r.temperature = 0.5;
  r.tools.push_back({"handoff_to_human", "d", R"({"type":"object"})"});
  std::string error;
  const auto body = BuildChatRequestBody(r, "default-model", true, &error);
  ASSERT_TRUE(body) << error;
  const json::value v = json::parse(*body);
  EXPECT_EQ(v.at("model"), "default-model");
  EXPECT_EQ(v.at("messages").at(0).at("role"), "system");
  EXPECT_EQ(v.at("messages").at(1).at("content"), "hi");
  EXPECT_EQ(v.at("stream"), true);
  EXPECT_EQ(v.at("stream_options").at("include_usage"), true);
  EXPECT_FALSE(v.as_object().contains("max_tokens"));
  EXPECT_EQ(v.at("tools").at(0).at("function").at("parameters").at("type"), "object");
}

TEST(OpenAiWireTest, ABadToolSchemaIsReported) {
  core::LlmRequest r;
  r.tools.push_back({"t", "d", "not json"});
  std::string error;
  EXPECT_FALSE(BuildChatRequestBody(r, "m", true, &error));
  EXPECT_EQ(error, "the parameters schema of tool t is not a JSON object");
}

TEST(OpenAiWireTest, ProviderErrorMessages) {
  EXPECT_EQ(ProviderErrorMessage(R"({"error":{"message":"Bad key","type":"x"}})"), "Bad key");
  EXPECT_EQ(ProviderErrorMessage(R"({"error":"Overloaded"})"), "Overloaded");
  EXPECT_EQ(ProviderErrorMessage(R"({"message":"Nope"})"), "Nope");
  EXPECT_EQ(ProviderErrorMessage("<html>502</html>"), "");
  const std::string long_message(1000, 'x');
  EXPECT_LT(ProviderErrorMessage(R"({"error":")" + long_message + R"("})").size(), 320u);
}

TEST(OpenAiWireTest, ToolCallsFromSeveralIndexesAreAssembledInOrder) {
  std::vector<std::string> deltas;
  core::LlmDeltaFn on_delta = [&](std::string_view t) { return deltas.emplace_back(t), true; };
  ChatStream s(on_delta);
  EXPECT_EQ(
      s.OnEvent(
          R"({"choices":[{"delta":{"tool_calls":[{"index":1,"id":"b","function":{"name":"second","arguments":"{"}}]}}]})"),
      Step::kContinue);
  EXPECT_EQ(
      s.OnEvent(
          R"({"choices":[{"delta":{"tool_calls":[{"index":0,"id":"a","function":{"name":"first","arguments":"{}"}}]}}]})"),
      Step::kContinue);
  EXPECT_EQ(
      s.OnEvent(
          R"({"choices":[{"delta":{"tool_calls":[{"index":1,"function":{"arguments":"}"}}]}}]})"),
      Step::kContinue);
  EXPECT_EQ(s.OnEvent(R"({"choices":[{"delta":{"content":null},"finish_reason":"tool_calls"}]})"),
            Step::kContinue);
  EXPECT_EQ(s.OnEvent("[DONE]"), Step::kDone);
  const core::LlmResult r = s.TakeResult();
  ASSERT_EQ(r.tool_calls.size(), 2u);
  EXPECT_EQ(r.tool_calls[0].name, "first");
  EXPECT_EQ(r.tool_calls[1].id, "b");
  EXPECT_EQ(r.tool_calls[1].arguments_json, "{}");
  EXPECT_EQ(r.finish_reason, "tool_calls");
  EXPECT_TRUE(deltas.empty());
  EXPECT_FALSE(s.delivered());
}

TEST(OpenAiWireTest, GarbageAfterTextIsAPartialProtocolFailure) {
  core::LlmDeltaFn on_delta = [](std::string_view) { return true; };
  ChatStream s(on_delta);
  EXPECT_EQ(s.OnEvent(R"({"choices":[{"delta":{"content":"Hi"}}]})"), Step::kContinue);
  EXPECT_EQ(s.OnEvent("{truncated"), Step::kError);
  ASSERT_TRUE(s.failure());
  EXPECT_EQ(s.failure()->kind, core::LlmFailure::Kind::kProtocol);
  EXPECT_TRUE(s.failure()->partial);
}

TEST(OpenAiWireTest, AWholeCompletionIsDeliveredAsOnePiece) {
  std::vector<std::string> deltas;
  core::LlmDeltaFn on_delta = [&](std::string_view t) { return deltas.emplace_back(t), true; };
  ChatStream s(on_delta);
  EXPECT_EQ(
      s.OnCompletion(
          R"({"model":"m","choices":[{"message":{"role":"assistant","content":"All"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":1}})"),
      Step::kDone);
  const core::LlmResult r = s.TakeResult();
  EXPECT_EQ(r.content, "All");
  EXPECT_EQ(deltas, std::vector<std::string>{"All"});
  EXPECT_EQ(r.usage->prompt_tokens, 3);
}

}  // namespace
}  // namespace textura::integrations
