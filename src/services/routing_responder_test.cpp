#include "services/routing_responder.h"

#include <gtest/gtest.h>

#include <string>

#include "core/ai/models.h"

namespace textura::services {
namespace {

// Answers with its own name, so a test sees who was asked.
class NamedResponder final : public core::Responder {
 public:
  explicit NamedResponder(std::string name) : name_(std::move(name)) {}
  core::ReplyOutcome Respond(const core::ReplyContext&, const core::ReplyDeltaFn&) override {
    return {core::Reply{name_, std::nullopt, name_}, std::nullopt};
  }

 private:
  std::string name_;
};

core::ReplyContext WithModel(std::string model) {
  core::ReplyContext context;
  context.model = std::move(model);
  return context;
}

TEST(RoutingResponder, KnowledgeModelIsAnsweredFromKnowledgeEvenWithAnLlm) {
  NamedResponder knowledge("knowledge"), llm("llm");
  RoutingResponder routing(knowledge, &llm);
  auto out = routing.Respond(WithModel(std::string(core::kKnowledgeModel)), {});
  EXPECT_EQ(out.reply->text, "knowledge");
}

TEST(RoutingResponder, OtherModelsGoToTheLlm) {
  NamedResponder knowledge("knowledge"), llm("llm");
  RoutingResponder routing(knowledge, &llm);
  EXPECT_EQ(routing.Respond(WithModel("gpt-4o-mini"), {}).reply->text, "llm");
  EXPECT_EQ(routing.Respond(WithModel(""), {}).reply->text, "llm");
}

TEST(RoutingResponder, WithoutAnLlmEveryModelIsAnsweredFromKnowledge) {
  NamedResponder knowledge("knowledge");
  RoutingResponder routing(knowledge, nullptr);
  EXPECT_EQ(routing.Respond(WithModel("gpt-4o-mini"), {}).reply->text, "knowledge");
}

}  // namespace
}  // namespace textura::services
