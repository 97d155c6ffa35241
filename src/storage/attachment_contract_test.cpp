// The attachment repository's contract on SQLite and PostgreSQL: the same cases on both.
#include <gtest/gtest.h>

#include "core/ports/store.h"
#include "testing/test_support.h"

namespace textura::storage {
namespace {

using core::support::Side;
using testing::Backend;
using namespace std::chrono_literals;

class AttachmentContract : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(
        db_->Write([&](core::Repositories& r) -> core::Status {
             acme_ = r.accounts().Insert("Acme", t0_).id;
             other_ = r.accounts().Insert("Other", t0_).id;
             anna_ = AddUser(r, acme_, "anna@acme.io");
             boris_ = AddUser(r, other_, "boris@other.io");
             agent_ = AddUser(r, std::nullopt, "agent@textura.io");
             core::support::Ticket t;
             t.account_id = acme_;
             t.created_by = anna_;
             t.title = "Help";
             t.created_at = t0_;
             core::support::ApplyMessage(t, Side::kCustomer, t0_, calendar_);
             ticket_ = r.tickets().Insert(t).id;
             message_ =
                 r.tickets().InsertMessage({0, ticket_, anna_, "", Side::kCustomer, "see", t0_}).id;
             message2_ =
                 r.tickets().InsertMessage({0, ticket_, anna_, "", Side::kCustomer, "and", t0_}).id;
             return core::OkStatus();
           })
            .ok());
  }

  static core::UserId AddUser(core::Repositories& r, std::optional<core::AccountId> account,
                              std::string email) {
    core::User u;
    u.account_id = account;
    u.email = std::move(email);
    u.name = u.email;
    u.role = account ? core::Role::kCustomer : core::Role::kStaff;
    u.password_hash = "x";
    return r.users().Insert(u)->id;
  }

  core::Attachment Upload(std::optional<core::AccountId> account, core::UserId uploader,
                          std::int64_t size, std::string key, core::Time at) {
    core::Attachment a;
    a.account_id = account;
    a.uploader_id = uploader;
    a.filename = "Снимок «1».png";
    a.content_type = "image/png";
    a.size = size;
    a.content_key = std::move(key);
    a.is_image = true;
    a.created_at = at;
    EXPECT_TRUE(db_->Write([&](core::Repositories& r) -> core::Status {
                     a = r.attachments().Insert(a);
                     return core::OkStatus();
                   })
                    .ok());
    return a;
  }

  template <typename Fn>
  void InWrite(Fn fn) {
    ASSERT_TRUE(db_->Write([&](core::Repositories& r) -> core::Status {
                     fn(r.attachments());
                     return core::OkStatus();
                   })
                    .ok());
  }

  const core::Time t0_ = *core::ParseRfc3339("2026-11-23T12:00:00Z");
  const core::support::BusinessCalendar calendar_ = core::support::BusinessCalendar::Default();
  core::AccountId acme_ = 0, other_ = 0;
  core::UserId anna_ = 0, boris_ = 0, agent_ = 0;
  core::TicketId ticket_ = 0;
  core::MessageId message_ = 0, message2_ = 0;
};

TEST_P(AttachmentContract, RoundTripsEveryField) {
  const auto a = Upload(acme_, anna_, 48213, std::string(64, 'a'), t0_);
  EXPECT_GT(a.id, 0);
  InWrite([&](core::AttachmentRepository& repo) {
    auto found = repo.Find(a.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->account_id, acme_);
    EXPECT_EQ(found->uploader_id, anna_);
    EXPECT_EQ(found->filename, "Снимок «1».png");
    EXPECT_EQ(found->content_type, "image/png");
    EXPECT_EQ(found->size, 48213);
    EXPECT_EQ(found->content_key, std::string(64, 'a'));
    EXPECT_TRUE(found->is_image);
    EXPECT_EQ(found->created_at, t0_);
    EXPECT_FALSE(found->used());
    EXPECT_FALSE(found->ticket_id);
    EXPECT_FALSE(found->thumbnail_key);
    repo.SetThumbnail(a.id, std::string(64, 't'));
    EXPECT_EQ(repo.Find(a.id)->thumbnail_key, std::string(64, 't'));
    EXPECT_FALSE(repo.Find(a.id + 1000));
    repo.Delete(a.id);
    EXPECT_FALSE(repo.Find(a.id));
  });
  // Staff uploads have no account.
  const auto s = Upload(std::nullopt, agent_, 1, std::string(64, 'b'), t0_);
  InWrite([&](core::AttachmentRepository& repo) { EXPECT_FALSE(repo.Find(s.id)->account_id); });
}

TEST_P(AttachmentContract, CountsUsedBytesPerOwner) {
  Upload(acme_, anna_, 1000, std::string(64, 'a'), t0_);
  Upload(acme_, anna_, 2000, std::string(64, 'a'), t0_);  // same bytes count again
  Upload(other_, boris_, 5, std::string(64, 'c'), t0_);
  Upload(std::nullopt, agent_, 70, std::string(64, 'd'), t0_);
  InWrite([&](core::AttachmentRepository& repo) {
    EXPECT_EQ(repo.UsedBytes({acme_, anna_}), 3000);
    EXPECT_EQ(repo.UsedBytes({other_, boris_}), 5);
    EXPECT_EQ(repo.UsedBytes({std::nullopt, agent_}), 70);
    EXPECT_EQ(repo.UsedBytes({std::nullopt, anna_}), 0);
  });
}

TEST_P(AttachmentContract, AttachesOnlyTheOwnersUnusedUploads) {
  const auto mine = Upload(acme_, anna_, 1, std::string(64, 'a'), t0_);
  const auto mine2 = Upload(acme_, anna_, 1, std::string(64, 'b'), t0_);
  const auto theirs = Upload(other_, boris_, 1, std::string(64, 'c'), t0_);
  const auto staff = Upload(std::nullopt, agent_, 1, std::string(64, 'd'), t0_);
  InWrite([&](core::AttachmentRepository& repo) {
    const std::vector<core::AttachmentId> wrong{theirs.id, staff.id, 999999};
    EXPECT_EQ(repo.AttachToMessage(wrong, {acme_, anna_}, ticket_, message_), 0);
    const std::vector<core::AttachmentId> ids{mine.id, mine2.id};
    EXPECT_EQ(repo.AttachToMessage(ids, {acme_, anna_}, ticket_, message_), 2);
    // Used uploads cannot move to another message.
    EXPECT_EQ(repo.AttachToMessage(ids, {acme_, anna_}, ticket_, message2_), 0);
    const std::vector<core::AttachmentId> staff_ids{staff.id};
    EXPECT_EQ(repo.AttachToMessage(staff_ids, {std::nullopt, boris_}, ticket_, message2_), 0);
    EXPECT_EQ(repo.AttachToMessage(staff_ids, {std::nullopt, agent_}, ticket_, message2_), 1);
    auto used = *repo.Find(mine.id);
    EXPECT_EQ(used.ticket_id, ticket_);
    EXPECT_EQ(used.message_id, message_);
    EXPECT_FALSE(repo.Find(theirs.id)->used());

    const std::vector<core::MessageId> messages{message2_, message_};
    const auto listed = repo.ForMessages(messages);
    ASSERT_EQ(listed.size(), 3u);
    EXPECT_EQ(listed[0].id, mine.id);
    EXPECT_EQ(listed[1].id, mine2.id);
    EXPECT_EQ(listed[2].id, staff.id);
    EXPECT_TRUE(repo.ForMessages({}).empty());
  });
}

TEST_P(AttachmentContract, DeletesExpiredUnusedUploadsAndTellsWhichKeysRemain) {
  const auto old_unused = Upload(acme_, anna_, 1, std::string(64, 'a'), t0_ - 25h);
  const auto old_used = Upload(acme_, anna_, 1, std::string(64, 'b'), t0_ - 25h);
  const auto fresh = Upload(acme_, anna_, 1, std::string(64, 'a'), t0_ - 1h);
  InWrite([&](core::AttachmentRepository& repo) {
    const std::vector<core::AttachmentId> ids{old_used.id};
    repo.AttachToMessage(ids, {acme_, anna_}, ticket_, message_);
    repo.SetThumbnail(old_used.id, std::string(64, 't'));
    const auto deleted = repo.DeleteUnusedBefore(t0_ - 24h, 100);
    ASSERT_EQ(deleted.size(), 1u);
    EXPECT_EQ(deleted[0].id, old_unused.id);
    EXPECT_EQ(deleted[0].content_key, std::string(64, 'a'));
    EXPECT_TRUE(repo.Find(old_used.id));
    EXPECT_TRUE(repo.Find(fresh.id));
    EXPECT_TRUE(repo.DeleteUnusedBefore(t0_ - 24h, 100).empty());

    const std::vector<std::string> keys{std::string(64, 'a'), std::string(64, 'b'),
                                        std::string(64, 't'), std::string(64, 'z')};
    EXPECT_EQ(repo.Referenced(keys), (std::vector<std::string>{keys[0], keys[1], keys[2]}));
    repo.Delete(fresh.id);
    EXPECT_EQ(repo.Referenced(keys), (std::vector<std::string>{keys[1], keys[2]}));
  });
}

TEST_P(AttachmentContract, DeletesInBatches) {
  for (int i = 0; i < 5; ++i) Upload(acme_, anna_, 1, std::string(64, 'a'), t0_ - 48h + i * 1s);
  InWrite([&](core::AttachmentRepository& repo) {
    EXPECT_EQ(repo.DeleteUnusedBefore(t0_, 2).size(), 2u);
    EXPECT_EQ(repo.DeleteUnusedBefore(t0_, 2).size(), 2u);
    EXPECT_EQ(repo.DeleteUnusedBefore(t0_, 2).size(), 1u);
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, AttachmentContract,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return testing::BackendName(info.param); });

}  // namespace
}  // namespace textura::storage
