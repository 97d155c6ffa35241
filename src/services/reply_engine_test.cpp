// The reply pipeline with a scripted Responder: what is stored and charged for a
// reply, a failure, an abort and a takeover during generation.
#include "services/reply_engine.h"

#include <gtest/gtest.h>

#include "services/auth_service.h"
#include "services/billing_service.h"
#include "services/chat_service.h"
#include "services/employee_service.h"
#include "testing/test_support.h"

namespace textura::services {
namespace {

// Counts space-separated words (the ICU counter is tested in integrations).
class SpaceCounter final : public core::WordCounter {
 public:
  std::int64_t CountWords(std::string_view s) const override {
    std::int64_t n = 0;
    bool in = false;
    for (char c : s) {
      const bool space = c == ' ';
      if (!space && !in) ++n;
      in = !space;
    }
    return n;
  }
};

// Answers what the test sets, optionally running `during` before it finishes.
class ScriptedResponder final : public core::Responder {
 public:
  core::ReplyOutcome Respond(const core::ReplyContext& c,
                             const core::ReplyDeltaFn& on_delta) override {
    last_context = c;
    on_delta("partial ");
    if (during) during();
    return outcome;
  }
  core::ReplyOutcome outcome;
  std::function<void()> during;
  core::ReplyContext last_context;
};

class ReplyEngineTest : public ::testing::Test {
 protected:
  ReplyEngineTest()
      : db_(testing::FreshDatabase(testing::Backend::kSqlite)),
        clock_(*core::ParseRfc3339("2026-11-23T12:00:00Z")),
        auth_(*db_, hasher_, tokens_, clock_, {}),
        models_(*core::ParseModelCatalog("textura-knowledge=K:5000,big=Big:100000")),
        employees_(*db_, clock_, models_),
        engine_(*db_, clock_, sink_, words_, responder_, models_, {1, 20, 50, 5}),
        chats_(*db_, clock_, sink_, words_, engine_, {}) {
    anna_ =
        auth_.Signup({"anna@acme.io", "correct horse", "Anna", "Acme"}, {"1.1.1.1", ""})->principal;
    EmployeeRequest req;
    req.fields.name = "Olga";
    employee_ = employees_.Create(anna_, req)->id;
    chat_ = chats_.StartPlayground(anna_, employee_)->id;
  }

  std::vector<core::ChatMessage> Ask(std::string text) {
    EXPECT_TRUE(chats_.PostClientMessage(anna_, chat_, text).ok());
    engine_.WaitIdle();
    return chats_.Messages(anna_, chat_, {}, std::string("100"))->items;
  }

  std::int64_t Balance() {
    BillingService billing(*db_, clock_);
    return billing.Balance(anna_)->balance_minor;
  }

  std::unique_ptr<storage::Database> db_;
  testing::FakeHasher hasher_;
  testing::FakeTokens tokens_;
  testing::ManualClock clock_;
  core::NullEventSink sink_;
  SpaceCounter words_;
  ScriptedResponder responder_;
  AuthService auth_;
  core::ModelCatalog models_;
  EmployeeService employees_;
  ReplyEngine engine_;
  ChatService chats_;
  core::Principal anna_;
  core::EmployeeId employee_ = 0;
  core::ChatId chat_ = 0;
};

TEST_F(ReplyEngineTest, AReplyIsStoredWithItsWordsAndCostAndCharged) {
  responder_.outcome.reply = core::Reply{"one two three", std::nullopt, "big"};
  const auto messages = Ask("hello there");
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[1].author, core::AuthorKind::kEmployee);
  EXPECT_EQ(messages[1].words, 3);
  EXPECT_EQ(messages[1].cost_minor, 300);  // priced at the model that wrote it
  EXPECT_EQ(Balance(), 10000 - 300);
  EXPECT_EQ(responder_.last_context.client_message, "hello there");
  EXPECT_EQ(responder_.last_context.employee_name, "Olga");
}

TEST_F(ReplyEngineTest, AFailedGenerationIsASystemMessageAndIsNotCharged) {
  responder_.outcome.failure = core::ReplyFailure{"the provider timed out", true};
  const auto messages = Ask("hello");
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[1].author, core::AuthorKind::kSystem);
  EXPECT_NE(messages[1].text.find("the provider timed out"), std::string::npos);
  EXPECT_FALSE(messages[1].cost_minor);
  EXPECT_EQ(Balance(), 10000);
}

TEST_F(ReplyEngineTest, ATakeoverDuringGenerationDiscardsTheReplyUncharged) {
  responder_.outcome.reply = core::Reply{"too late", std::nullopt, ""};
  responder_.during = [&] { ASSERT_TRUE(chats_.Takeover(anna_, chat_).ok()); };
  const auto messages = Ask("hello");
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(Balance(), 10000);
}

TEST_F(ReplyEngineTest, AHandoffFlagsTheChatAndStopsLaterReplies) {
  responder_.outcome.reply = core::Reply{"A colleague will answer.", "no answer", ""};
  Ask("something odd");
  const auto chat = chats_.Get(anna_, chat_);
  EXPECT_TRUE(chat->needs_human);
  EXPECT_EQ(chat->handoff_reason, "no answer");
  const auto messages = Ask("again");
  EXPECT_EQ(messages.back().author, core::AuthorKind::kClient);
}

TEST_F(ReplyEngineTest, AHandoffWithoutTextIsASystemMessageAndIsNotCharged) {
  responder_.outcome.reply = core::Reply{" \n", "wants a refund", "big"};
  const auto messages = Ask("refund please");
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[1].author, core::AuthorKind::kSystem);
  EXPECT_EQ(messages[1].text, "The AI employee passed the chat to a person: wants a refund");
  EXPECT_FALSE(messages[1].cost_minor);
  EXPECT_EQ(Balance(), 10000);
  const auto chat = chats_.Get(anna_, chat_);
  EXPECT_TRUE(chat->needs_human);
  EXPECT_EQ(chat->handoff_reason, "wants a refund");
  BillingService billing(*db_, clock_);
  EXPECT_EQ(billing.Ledger(anna_, std::string("100"), std::nullopt)->items.size(),
            1u);  // the signup credit
}

TEST_F(ReplyEngineTest, AKnowledgeHandoffNoticeIsStoredFreeAndNotCharged) {
  core::Reply notice{"I'll pass your question to a colleague.", "no answer", "big"};
  notice.billable = false;
  responder_.outcome.reply = notice;
  const auto messages = Ask("something odd");
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[1].author, core::AuthorKind::kEmployee);
  EXPECT_EQ(messages[1].words, 7);
  EXPECT_EQ(messages[1].cost_minor, 0);
  EXPECT_EQ(Balance(), 10000);
  BillingService billing(*db_, clock_);
  EXPECT_EQ(billing.Ledger(anna_, std::string("100"), std::nullopt)->items.size(), 1u);
}

TEST_F(ReplyEngineTest, AnAccountCapStopsRepliesPolitelyAndFlagsTheChat) {
  ASSERT_TRUE(db_->Write([&](core::Repositories& repos) -> core::Status {
                   repos.finance().SaveCap({anna_.account->id, 0, 500, clock_.Now()});
                   return core::OkStatus();
                 })
                  .ok());
  responder_.outcome.reply = core::Reply{"one two three four", std::nullopt, "big"};
  Ask("first");  // 400 kopecks of 500: under the cap
  EXPECT_EQ(Balance(), 10000 - 400);
  Ask("second");  // 400 < 500: starts, and overshoots by this one reply
  EXPECT_EQ(Balance(), 10000 - 800);
  const auto messages = Ask("Привет, ещё вопрос");
  EXPECT_EQ(Balance(), 10000 - 800) << "at the cap nothing more is charged";
  ASSERT_EQ(messages.back().author, core::AuthorKind::kEmployee);
  EXPECT_EQ(messages.back().cost_minor, 0);
  EXPECT_NE(messages.back().text.find("Извините"), std::string::npos) << messages.back().text;
  const auto chat = chats_.Get(anna_, chat_);
  EXPECT_TRUE(chat->needs_human);
  EXPECT_NE(chat->handoff_reason->find("spending cap"), std::string::npos);
  // The reservations were all settled: none is left holding money.
  ASSERT_TRUE(db_->Read([&](core::Repositories& repos) -> core::Status {
                   EXPECT_EQ(repos.finance().Reserved(anna_.account->id, 0, clock_.Now()), 0);
                   // 50 %, 80 % and 100 % fired once each, and one "stopped" notice.
                   EXPECT_EQ(repos.finance().Notifications(anna_.account->id, 0, 100).size(), 4u);
                   return core::OkStatus();
                 })
                  .ok());
}

}  // namespace
}  // namespace textura::services
