#include "services/attachment_service.h"

#include <gtest/gtest.h>

#include "services/auth_service.h"
#include "services/ticket_service.h"
#include "testing/fake_files.h"
#include "testing/test_support.h"

namespace textura::services {
namespace {

using namespace std::chrono_literals;
using core::ErrorCode;

const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + "pixels";

class AttachmentServiceTest : public ::testing::Test {
 protected:
  AttachmentServiceTest()
      : db_(testing::FreshDatabase(testing::Backend::kSqlite)),
        clock_(*core::ParseRfc3339("2026-11-23T12:00:00Z")),
        auth_(*db_, hasher_, tokens_, clock_, {}),
        tickets_(*db_, clock_, events_, core::support::BusinessCalendar::Default()),
        attachments_(*db_, files_, sniffer_, thumbnailer_, clock_, Limits()) {
    anna_ = Customer("anna@acme.io", "Acme");
    anna2_ = Customer("anna2@acme.io", "Acme 2");
    boris_ = Customer("boris@other.io", "Other");
    (void)auth_.CreateUser({"agent@textura.io", "agent password", "Agent", core::Role::kStaff, {}});
    agent_ = auth_.Login({"agent@textura.io", "agent password", {}}, {"1.1.1.1", ""})->principal;
  }

  static AttachmentLimits Limits() {
    AttachmentLimits l;
    l.max_upload_bytes = 100;
    l.account_quota_bytes = 250;
    l.unused_ttl = 24h;
    return l;
  }

  core::Principal Customer(const std::string& email, const std::string& company) {
    return auth_.Signup({email, "correct horse", email, company}, {"1.1.1.1", ""})->principal;
  }

  core::Result<core::Attachment> UploadBytes(const core::Principal& who, const std::string& bytes,
                                             std::string name = "shot.png",
                                             bool declare_size = true) {
    auto upload = attachments_.BeginUpload(
        who, name, declare_size ? std::optional<std::uint64_t>(bytes.size()) : std::nullopt);
    if (!upload) return std::move(upload).error();
    // In two pieces, as the transport would deliver them.
    const std::size_t half = bytes.size() / 2;
    if (auto s = (*upload)->Append(std::string_view(bytes).substr(0, half)); !s) {
      return std::move(s).error();
    }
    if (auto s = (*upload)->Append(std::string_view(bytes).substr(half)); !s) {
      return std::move(s).error();
    }
    return (*upload)->Finish();
  }

  core::Attachment Uploaded(const core::Principal& who, const std::string& bytes) {
    auto a = UploadBytes(who, bytes);
    EXPECT_TRUE(a.ok()) << (a.ok() ? "" : a.error().message);
    return a.ok() ? *a : core::Attachment{};
  }

  core::TicketId NewTicket(const core::Principal& who, std::vector<std::int64_t> ids = {},
                           std::string body = "see attached") {
    auto created = tickets_.Create(who, {"Broken", body, "question", {}, {}, ids, {}});
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    return created.ok() ? created->ticket.ticket.id : 0;
  }

  std::unique_ptr<storage::Database> db_;
  testing::FakeHasher hasher_;
  testing::FakeTokens tokens_;
  testing::ManualClock clock_;
  core::NullEventSink events_;
  testing::MemoryFileStore files_;
  testing::FakeSniffer sniffer_;
  testing::FakeThumbnailer thumbnailer_;
  AuthService auth_;
  TicketService tickets_;
  AttachmentService attachments_;
  core::Principal anna_, anna2_, boris_, agent_;
};

TEST_F(AttachmentServiceTest, UploadSniffsTheTypeAndSanitisesTheName) {
  auto a = UploadBytes(anna_, kPng, "../../Снимок.png");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->filename, "Снимок.png");
  EXPECT_EQ(a->content_type, "image/png");
  EXPECT_TRUE(a->is_image);
  EXPECT_EQ(a->size, static_cast<std::int64_t>(kPng.size()));
  EXPECT_EQ(a->account_id, anna_.account->id);
  EXPECT_TRUE(files_.Has(a->content_key));
  EXPECT_EQ(files_.pending(), 0);

  auto html = UploadBytes(anna_, "<html><script>alert(1)</script></html>", "page.png");
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(html->content_type, "text/html") << "the name does not decide the type";
  EXPECT_FALSE(html->is_image);
}

TEST_F(AttachmentServiceTest, TheFilenameIsRequired) {
  auto r = attachments_.BeginUpload(anna_, std::nullopt, 3);
  EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed);
  EXPECT_EQ(r.error().field, "filename");
}

TEST_F(AttachmentServiceTest, TheSizeLimitHolds) {
  EXPECT_EQ(attachments_.BeginUpload(anna_, "big", 101).error().code, ErrorCode::kTooLarge);
  // Without a declared size, the piece that passes the limit is refused.
  auto r = UploadBytes(anna_, std::string(101, 'x'), "big", false);
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(files_.pending(), 0);
  EXPECT_EQ(files_.stored(), 0u);
  EXPECT_TRUE(UploadBytes(anna_, std::string(100, 'x')).ok());
}

TEST_F(AttachmentServiceTest, TheQuotaHoldsPerAccount) {
  Uploaded(anna_, std::string(100, 'a'));
  Uploaded(anna_, std::string(100, 'b'));
  // 200 of 250 used: a declared 60 fails at once, an undeclared one when it passes 50.
  EXPECT_EQ(attachments_.BeginUpload(anna_, "x", 60).error().code, ErrorCode::kTooLarge);
  auto r = UploadBytes(anna_, std::string(60, 'c'), "x", false);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
  EXPECT_NE(r.error().message.find("quota"), std::string::npos);
  EXPECT_TRUE(UploadBytes(anna_, std::string(50, 'c')).ok());
  // Other accounts and staff have their own.
  EXPECT_TRUE(UploadBytes(boris_, std::string(100, 'd')).ok());
  EXPECT_TRUE(UploadBytes(agent_, std::string(100, 'e')).ok());
}

TEST_F(AttachmentServiceTest, ConcurrentUploadsCannotPassTheQuotaTogether) {
  // Both start when 0 of 250 is used; the second to finish is refused.
  auto first = attachments_.BeginUpload(anna_, "a", 100);
  auto second = attachments_.BeginUpload(anna_, "b", 100);
  auto third = attachments_.BeginUpload(anna_, "c", 100);
  for (auto* u : {&first, &second, &third}) {
    ASSERT_TRUE(u->ok());
    ASSERT_TRUE((**u)->Append(std::string(100, 'z')).ok());
  }
  EXPECT_TRUE((*first)->Finish().ok());
  EXPECT_TRUE((*second)->Finish().ok());
  EXPECT_EQ((*third)->Finish().error().code, ErrorCode::kTooLarge);
}

TEST_F(AttachmentServiceTest, AnAbandonedUploadLeavesNothing) {
  {
    auto upload = attachments_.BeginUpload(anna_, "half.bin", 100);
    ASSERT_TRUE(upload.ok());
    ASSERT_TRUE((*upload)->Append(std::string(40, 'x')).ok());
    EXPECT_EQ(files_.pending(), 1);
  }
  EXPECT_EQ(files_.pending(), 0);
  EXPECT_EQ(files_.stored(), 0u);
}

TEST_F(AttachmentServiceTest, VisibleToTheOwnerAndOnceInATicketToStaff) {
  const auto a = Uploaded(anna_, kPng);
  EXPECT_TRUE(attachments_.Open(anna_, a.id).ok());
  for (const auto* who : {&boris_, &anna2_, &agent_}) {
    EXPECT_EQ(attachments_.Open(*who, a.id).error().code, ErrorCode::kNotFound);
  }
  NewTicket(anna_, {a.id});
  EXPECT_TRUE(attachments_.Open(agent_, a.id).ok()) << "staff see files in tickets";
  EXPECT_EQ(attachments_.Open(boris_, a.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(attachments_.Open(anna_, 424242).error().code, ErrorCode::kNotFound);
}

TEST_F(AttachmentServiceTest, StaffAttachmentsReachTheTicketsCustomer) {
  const auto ticket = NewTicket(anna_);
  const auto a = Uploaded(agent_, kPng);
  EXPECT_EQ(attachments_.Open(anna_, a.id).error().code, ErrorCode::kNotFound);
  auto posted = tickets_.Post(agent_, ticket, {"", {a.id}});
  ASSERT_TRUE(posted.ok()) << posted.error().message;
  EXPECT_TRUE(attachments_.Open(anna_, a.id).ok());
  EXPECT_EQ(attachments_.Open(boris_, a.id).error().code, ErrorCode::kNotFound);
}

TEST_F(AttachmentServiceTest, MessagesTakeOnlyTheWritersUnusedUploads) {
  const auto mine = Uploaded(anna_, kPng);
  const auto theirs = Uploaded(boris_, std::string("other"));
  const auto ticket = NewTicket(anna_);
  const auto bad = [&](std::vector<std::int64_t> ids) {
    auto r = tickets_.Post(anna_, ticket, {"x", ids});
    EXPECT_FALSE(r.ok());
    if (!r.ok()) {
      EXPECT_EQ(r.error().code, ErrorCode::kValidationFailed);
      EXPECT_EQ(r.error().field, "attachment_ids");
    }
  };
  bad({theirs.id});
  bad({mine.id, theirs.id});  // all or nothing
  bad({424242});
  bad({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});  // more than ten
  EXPECT_EQ(tickets_.Messages(anna_, ticket, {}, {})->items.size(), 1u) << "nothing was posted";

  // A message may be only attachments; repeating an id attaches it once.
  auto posted = tickets_.Post(anna_, ticket, {"", {mine.id, mine.id}});
  ASSERT_TRUE(posted.ok()) << posted.error().message;
  ASSERT_EQ(posted->attachments.size(), 1u);
  EXPECT_EQ(posted->attachments[0].id, mine.id);
  EXPECT_EQ(posted->attachments[0].message_id, posted->message.id);
  // Used once, never again.
  bad({mine.id});
  EXPECT_EQ(tickets_.Post(anna_, ticket, {"", {}}).error().field, "body");

  auto page = tickets_.Messages(agent_, ticket, {}, {});
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_TRUE(page->items[0].attachments.empty());
  ASSERT_EQ(page->items[1].attachments.size(), 1u);
  EXPECT_EQ(page->items[1].attachments[0].filename, "shot.png");
}

TEST_F(AttachmentServiceTest, ClosedTicketsKeepTheUploadUnused) {
  const auto a = Uploaded(anna_, kPng);
  const auto ticket = NewTicket(anna_);
  ASSERT_TRUE(tickets_.Close(anna_, ticket).ok());
  EXPECT_EQ(tickets_.Post(anna_, ticket, {"", {a.id}}).error().code, ErrorCode::kTicketClosed);
  EXPECT_TRUE(tickets_.Post(anna_, NewTicket(anna_), {"", {a.id}}).ok());
}

TEST_F(AttachmentServiceTest, ThumbnailsAreMadeOnceAndOnlyForImages) {
  const auto img = Uploaded(anna_, kPng);
  auto t1 = attachments_.OpenThumbnail(anna_, img.id);
  ASSERT_TRUE(t1.ok()) << t1.error().message;
  EXPECT_EQ(t1->content_type, "image/jpeg");
  auto t2 = attachments_.OpenThumbnail(anna_, img.id);
  ASSERT_TRUE(t2.ok());
  EXPECT_EQ(t1->key, t2->key);
  EXPECT_EQ(thumbnailer_.made, 1);
  EXPECT_EQ(attachments_.OpenThumbnail(boris_, img.id).error().code, ErrorCode::kNotFound);

  const auto doc = Uploaded(anna_, "plain bytes");
  EXPECT_EQ(attachments_.OpenThumbnail(anna_, doc.id).error().code, ErrorCode::kNotFound);
}

TEST_F(AttachmentServiceTest, CollectsExpiredUploadsAndTheirFiles) {
  const auto unused = Uploaded(anna_, "unused bytes");
  const auto used = Uploaded(anna_, kPng);
  const auto shared = Uploaded(boris_, "unused bytes");  // same bytes, another account
  NewTicket(anna_, {used.id});
  ASSERT_TRUE(attachments_.OpenThumbnail(anna_, used.id).ok());
  files_.PutOrphan("left by a crash");
  EXPECT_EQ(files_.stored(), 4u);

  clock_.Advance(23h);
  auto none = attachments_.CollectGarbage(AttachmentService::Sweep::kExpired);
  EXPECT_EQ(none.uploads, 0);
  EXPECT_EQ(none.files, 0);

  clock_.Advance(2h);
  const auto fresh = Uploaded(anna2_, "unused bytes");  // the same bytes, uploaded just now
  auto done = attachments_.CollectGarbage(AttachmentService::Sweep::kExpired);
  EXPECT_EQ(done.uploads, 2);
  EXPECT_EQ(done.files, 0) << "a fresh upload still points to the bytes";
  EXPECT_EQ(attachments_.Open(anna_, unused.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(attachments_.Open(boris_, shared.id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(attachments_.Open(anna2_, fresh.id).ok());
  EXPECT_TRUE(attachments_.Open(anna_, used.id).ok());

  clock_.Advance(25h);
  done = attachments_.CollectGarbage(AttachmentService::Sweep::kEverything);
  EXPECT_EQ(done.uploads, 1);
  EXPECT_EQ(done.files, 2) << "the expired upload's bytes and the orphan";
  EXPECT_EQ(files_.stored(), 2u) << "the used file and its thumbnail stay";
  EXPECT_TRUE(attachments_.Open(anna_, used.id).ok());
  EXPECT_TRUE(attachments_.OpenThumbnail(anna_, used.id).ok());
  EXPECT_EQ(thumbnailer_.made, 1);
}

}  // namespace
}  // namespace textura::services
