// The channel repository's contract on SQLite and PostgreSQL: one channel per bot,
// exactly-once update ids, the outbox derived from chat messages, and leases.
#include <gtest/gtest.h>

#include "core/ports/store.h"
#include "testing/test_support.h"

namespace textura::storage {
namespace {

using testing::Backend;
using namespace std::chrono_literals;

class ChannelContract : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    Do([&](core::Repositories& r) {
      account_ = r.accounts().Insert("Acme", t0_).id;
      core::Employee e;
      e.account_id = account_;
      e.name = "Concierge";
      e.model = "textura-knowledge";
      e.created_at = e.updated_at = t0_;
      employee_ = r.employees().Insert(e).id;
    });
  }

  void Do(const std::function<void(core::Repositories&)>& fn) {
    ASSERT_TRUE(db_->Write([&](core::Repositories& r) -> core::Status {
                     fn(r);
                     return core::OkStatus();
                   })
                    .ok());
  }

  core::Channel NewChannel(std::int64_t bot_id) {
    core::Channel c;
    c.account_id = account_;
    c.employee_id = employee_;
    c.name = "concierge_bot";
    c.external_id = bot_id;
    c.secret_sealed = "sealed";
    c.secret_hint = "wxyz";
    c.created_at = c.updated_at = t0_;
    return c;
  }

  core::ChatMessage Message(core::ChatId chat, core::AuthorKind author, std::string text) {
    core::ChatMessage m;
    m.chat_id = chat;
    m.author = author;
    m.author_name = "x";
    m.text = std::move(text);
    m.created_at = t0_;
    return m;
  }

  const core::Time t0_ = core::FromMicros(1'700'000'000'000'000);
  core::AccountId account_ = 0;
  core::EmployeeId employee_ = 0;
};

TEST_P(ChannelContract, OneChannelPerBotAndEveryFieldRoundTrips) {
  core::Channel saved;
  Do([&](core::Repositories& r) {
    auto c = r.channels().Insert(NewChannel(42));
    ASSERT_TRUE(c.ok());
    saved = *c;
  });
  ASSERT_FALSE(db_->Write([&](core::Repositories& r) -> core::Status {
                    auto again = r.channels().Insert(NewChannel(42));
                    if (again) return core::OkStatus();
                    EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
                    return again.error();
                  })
                   .ok());
  saved.status = core::ChannelStatus::kError;
  saved.last_error = "Conflict: terminated by other getUpdates request";
  saved.last_error_at = t0_ + 5s;
  saved.last_update_at = t0_ + 3s;
  saved.update_offset = 1001;
  saved.mode = core::ChannelMode::kWebhook;
  saved.webhook_secret = "s3cret";
  core::CountMessage(saved, t0_, true);
  Do([&](core::Repositories& r) { r.channels().Update(saved); });
  db_->Read([&](core::Repositories& r) -> core::Status {
    auto c = r.channels().Find(saved.id);
    EXPECT_TRUE(c.has_value());
    if (!c) return core::OkStatus();
    EXPECT_EQ(c->status, core::ChannelStatus::kError);
    EXPECT_EQ(c->last_error, saved.last_error);
    EXPECT_EQ(c->last_error_at, saved.last_error_at);
    EXPECT_EQ(c->last_update_at, saved.last_update_at);
    EXPECT_EQ(c->update_offset, 1001);
    EXPECT_EQ(c->mode, core::ChannelMode::kWebhook);
    EXPECT_EQ(c->webhook_secret, "s3cret");
    EXPECT_EQ(core::MessagesOutToday(*c, t0_), 1);
    EXPECT_EQ(r.channels().List(account_).size(), 1u);
    EXPECT_EQ(r.channels().All(core::ChannelKind::kTelegram).size(), 1u);
    EXPECT_TRUE(r.channels().All(core::ChannelKind::kWidget).empty());
    return core::OkStatus();
  });
}

TEST_P(ChannelContract, AnUpdateIdIsProcessedOnce) {
  core::ChannelId channel = 0;
  Do([&](core::Repositories& r) { channel = r.channels().Insert(NewChannel(7))->id; });
  bool first = false, second = true, other_channel = false;
  Do([&](core::Repositories& r) {
    first = r.channels().MarkUpdateProcessed(channel, 100, t0_);
    second = r.channels().MarkUpdateProcessed(channel, 100, t0_);
    other_channel = r.channels().MarkUpdateProcessed(channel + 1, 100, t0_);
  });
  EXPECT_TRUE(first);
  EXPECT_FALSE(second);
  EXPECT_TRUE(other_channel);
  // A write that fails rolls its mark back: the update is processed again later.
  EXPECT_FALSE(db_->Write([&](core::Repositories& r) -> core::Status {
                    r.channels().MarkUpdateProcessed(channel, 101, t0_);
                    return core::Error{core::ErrorCode::kInternal, "crash", {}, 0};
                  })
                   .ok());
  bool retried = false;
  Do([&](core::Repositories& r) { retried = r.channels().MarkUpdateProcessed(channel, 101, t0_); });
  EXPECT_TRUE(retried);
  int pruned = 0;
  Do([&](core::Repositories& r) { pruned = r.channels().PruneProcessedUpdates(t0_ + 1s); });
  EXPECT_EQ(pruned, 3);
}

TEST_P(ChannelContract, TheOutboxIsEveryUndeliveredNonClientMessage) {
  core::ChannelId channel = 0;
  core::ChatId chat = 0;
  core::ChatMessageId reply = 0, operator_reply = 0;
  Do([&](core::Repositories& r) {
    channel = r.channels().Insert(NewChannel(9))->id;
    core::Chat c;
    c.account_id = account_;
    c.employee_id = employee_;
    c.source = "telegram";
    c.client_name = "Anna";
    c.created_at = c.last_message_at = t0_;
    chat = r.chats().Insert(c).id;
    r.channels().InsertChat({chat, channel, 555, 0, false, "ru", 0, {}});
    r.chats().InsertMessage(Message(chat, core::AuthorKind::kClient, "Hi"));
    reply = r.chats().InsertMessage(Message(chat, core::AuthorKind::kEmployee, "Hello!")).id;
    operator_reply =
        r.chats().InsertMessage(Message(chat, core::AuthorKind::kOperator, "I'm Olga")).id;
  });
  std::vector<core::Outbound> pending;
  const auto read_pending = [&](core::Time now) {
    db_->Read([&](core::Repositories& r) -> core::Status {
      pending = r.channels().PendingOutbound(channel, now, 10);
      return core::OkStatus();
    });
  };
  read_pending(t0_);
  ASSERT_EQ(pending.size(), 2u);
  EXPECT_EQ(pending[0].message.id, reply);
  EXPECT_EQ(pending[0].message.text, "Hello!");
  EXPECT_EQ(pending[0].chat.external_chat_id, 555);
  EXPECT_EQ(pending[0].chat.language, "ru");
  EXPECT_EQ(pending[1].message.id, operator_reply);

  // Delivered up to the first: only the second is left; a backoff hides it until due.
  Do([&](core::Repositories& r) {
    auto cc = r.channels().ChatOf(chat);
    ASSERT_TRUE(cc.has_value());
    cc->delivered_message_id = reply;
    cc->attempts = 2;
    cc->next_attempt_at = t0_ + 10s;
    r.channels().UpdateChat(*cc);
  });
  read_pending(t0_);
  EXPECT_TRUE(pending.empty());
  read_pending(t0_ + 10s);
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].message.id, operator_reply);
  EXPECT_EQ(pending[0].chat.attempts, 2);

  // A chat whose user blocked the bot has nothing to send.
  Do([&](core::Repositories& r) {
    auto cc = r.channels().FindChat(channel, 555);
    ASSERT_TRUE(cc.has_value());
    EXPECT_EQ(cc->chat_id, chat);
    cc->undeliverable = true;
    r.channels().UpdateChat(*cc);
  });
  read_pending(t0_ + 10s);
  EXPECT_TRUE(pending.empty());
}

TEST_P(ChannelContract, ALeaseHasOneHolderUntilItExpires) {
  bool a = false, b = true, a_renews = false, b_after_expiry = false, a_lost = true;
  Do([&](core::Repositories& r) {
    a = r.channels().TryLease("telegram:1", "instance-a", t0_, t0_ + 30s);
    b = r.channels().TryLease("telegram:1", "instance-b", t0_ + 1s, t0_ + 31s);
    a_renews = r.channels().TryLease("telegram:1", "instance-a", t0_ + 10s, t0_ + 40s);
  });
  EXPECT_TRUE(a);
  EXPECT_FALSE(b);
  EXPECT_TRUE(a_renews);
  Do([&](core::Repositories& r) {
    // A dies: its lease runs out and B takes over; A cannot take it back.
    b_after_expiry = r.channels().TryLease("telegram:1", "instance-b", t0_ + 41s, t0_ + 71s);
    a_lost = r.channels().TryLease("telegram:1", "instance-a", t0_ + 42s, t0_ + 72s);
  });
  EXPECT_TRUE(b_after_expiry);
  EXPECT_FALSE(a_lost);
  bool a_after_release = false;
  Do([&](core::Repositories& r) {
    r.channels().ReleaseLease("telegram:1", "instance-b");
    a_after_release = r.channels().TryLease("telegram:1", "instance-a", t0_ + 43s, t0_ + 73s);
  });
  EXPECT_TRUE(a_after_release);
}

INSTANTIATE_TEST_SUITE_P(Backends, ChannelContract,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return testing::BackendName(info.param); });

}  // namespace
}  // namespace textura::storage
