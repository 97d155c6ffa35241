#include "core/ai/prompt.h"

#include <gtest/gtest.h>

namespace textura::core {
namespace {

using Role = LlmMessage::Role;

ReplyContext Context() {
  ReplyContext c;
  c.employee_name = "Anna";
  c.instructions = "You are Anna, the concierge of Hotel Textura.";
  c.client_message = "Is breakfast included?";
  return c;
}

KnowledgePassage Qa(std::string q, std::string a) {
  return {KnowledgePassage::Kind::kQa, 1, std::move(q), std::move(a), 1.0};
}

std::string KnowledgeOf(const Prompt& p) {
  const std::string& system = p.messages.front().content;
  const auto at = system.find("[1] ");
  return at == std::string::npos ? "" : system.substr(at);
}

TEST(PromptTest, SystemThenHistoryThenTheClientsMessage) {
  ReplyContext c = Context();
  c.reply_word_limit = 80;
  c.history = {{ChatTurn::Author::kClient, "Hi"},
               {ChatTurn::Author::kEmployee, "Hello! How can I help?"},
               {ChatTurn::Author::kOperator, "This is Oleg from the front desk."}};
  c.passages = {Qa("Breakfast?", "Breakfast is served 7-10 and included.")};
  const Prompt p = BuildPrompt(c);
  ASSERT_EQ(p.messages.size(), 5u);
  EXPECT_EQ(p.messages[0].role, Role::kSystem);
  const std::string& system = p.messages[0].content;
  EXPECT_NE(system.find("Your name is Anna."), std::string::npos);
  EXPECT_NE(system.find("You are Anna, the concierge of Hotel Textura."), std::string::npos);
  EXPECT_NE(system.find("language of the client's last message"), std::string::npos);
  EXPECT_NE(system.find("under 80 words"), std::string::npos);
  EXPECT_NE(system.find("handoff_to_human"), std::string::npos);
  EXPECT_NE(system.find("[1] Q: Breakfast?\nA: Breakfast is served 7-10 and included."),
            std::string::npos);
  EXPECT_EQ(p.messages[1].role, Role::kUser);
  EXPECT_EQ(p.messages[1].content, "Hi");
  EXPECT_EQ(p.messages[2].role, Role::kAssistant);
  EXPECT_EQ(p.messages[3].role, Role::kAssistant);
  EXPECT_EQ(p.messages[3].content, "This is Oleg from the front desk.");
  EXPECT_EQ(p.messages[4].role, Role::kUser);
  EXPECT_EQ(p.messages[4].content, "Is breakfast included?");
  EXPECT_EQ(p.passages_used, 1u);
  EXPECT_EQ(p.history_used, 3u);
}

TEST(PromptTest, NoWordLimitNoKnowledgeNoInstructions) {
  ReplyContext c = Context();
  c.instructions.clear();
  const Prompt p = BuildPrompt(c);
  const std::string& system = p.messages[0].content;
  EXPECT_NE(system.find("You are Anna"), std::string::npos);
  EXPECT_EQ(system.find("words."), std::string::npos);
  EXPECT_NE(system.find("No knowledge passages matched this message."), std::string::npos);
  EXPECT_EQ(p.passages_used, 0u);
  ASSERT_EQ(p.messages.size(), 2u);
}

TEST(PromptTest, PassagesKeepTheirOrderAndStayWithinTheKnowledgeBudget) {
  ReplyContext c = Context();
  for (int i = 0; i < 20; ++i) {
    c.passages.push_back(Qa("Question " + std::to_string(i), std::string(300, 'a' + i % 26)));
  }
  PromptBudget budget;
  budget.knowledge_bytes = 1000;
  const Prompt p = BuildPrompt(c, budget);
  const std::string knowledge = KnowledgeOf(p);
  EXPECT_LE(knowledge.size(), budget.knowledge_bytes);
  EXPECT_GE(p.passages_used, 2u);
  EXPECT_LT(p.passages_used, 20u);
  std::size_t last = 0;
  for (std::size_t i = 0; i < p.passages_used; ++i) {
    const std::string tag =
        "[" + std::to_string(i + 1) + "] Q: Question " + std::to_string(i) + "\n";
    const auto at = knowledge.find(tag);
    ASSERT_NE(at, std::string::npos) << tag;
    EXPECT_GE(at, last);
    last = at;
  }
  EXPECT_EQ(knowledge.find("Question " + std::to_string(p.passages_used)), std::string::npos);
}

TEST(PromptTest, ALongPassageIsCutOnACharacterBoundary) {
  ReplyContext c = Context();
  std::string russian;
  for (int i = 0; i < 2000; ++i) russian += "ж";  // 2 bytes each
  c.passages = {{KnowledgePassage::Kind::kDocument, 7, "Правила", russian, 2.0}};
  PromptBudget budget;
  budget.passage_bytes = 101;  // odd: a naive cut would split a letter
  const Prompt p = BuildPrompt(c, budget);
  const std::string knowledge = KnowledgeOf(p);
  ASSERT_EQ(knowledge.rfind("[1] From \"Правила\":\n", 0), 0u);
  const std::string text = knowledge.substr(std::string("[1] From \"Правила\":\n").size());
  EXPECT_LE(text.size(), 101u);
  EXPECT_EQ(text.substr(text.size() - 3), "…");
  const std::string letters = text.substr(0, text.size() - 3);
  EXPECT_EQ(letters.size() % 2, 0u);
  for (std::size_t i = 0; i < letters.size(); i += 2) EXPECT_EQ(letters.substr(i, 2), "ж");
}

TEST(PromptTest, TheNewestHistoryWinsAndNoGapsAreLeft) {
  ReplyContext c = Context();
  for (int i = 0; i < 10; ++i) {
    c.history.push_back({i % 2 ? ChatTurn::Author::kEmployee : ChatTurn::Author::kClient,
                         "message " + std::to_string(i) + std::string(90, '.')});
  }
  c.history[7].text = std::string(500, 'x');  // too big for what is left after 8 and 9
  PromptBudget budget;
  budget.history_bytes = 450;
  const Prompt p = BuildPrompt(c, budget);
  EXPECT_EQ(p.history_used, 2u);
  ASSERT_EQ(p.messages.size(), 4u);
  EXPECT_EQ(p.messages[1].content.rfind("message 8", 0), 0u);
  EXPECT_EQ(p.messages[2].content.rfind("message 9", 0), 0u);
  EXPECT_EQ(p.messages[3].content, "Is breakfast included?");
}

TEST(PromptTest, HistoryWithinBudgetIsKeptWhole) {
  ReplyContext c = Context();
  for (int i = 0; i < 10; ++i) c.history.push_back({ChatTurn::Author::kClient, "0123456789"});
  PromptBudget budget;
  budget.history_bytes = 100;
  EXPECT_EQ(BuildPrompt(c, budget).history_used, 10u);
  budget.history_bytes = 99;
  EXPECT_EQ(BuildPrompt(c, budget).history_used, 9u);
  budget.history_bytes = 0;
  EXPECT_EQ(BuildPrompt(c, budget).history_used, 0u);
}

TEST(PromptTest, Utf8PrefixNeverSplitsASequence) {
  EXPECT_EQ(Utf8Prefix("abc", 10), "abc");
  EXPECT_EQ(Utf8Prefix("жж", 3), "ж");
  EXPECT_EQ(Utf8Prefix("😀x", 3), "");
  EXPECT_EQ(Utf8Prefix("😀x", 4), "😀");
  EXPECT_EQ(Utf8Prefix("", 0), "");
}

}  // namespace
}  // namespace textura::core
