#include "services/access.h"

#include <gtest/gtest.h>

namespace textura::services {
namespace {

using core::ErrorCode;

core::Principal User(core::Role role, std::optional<core::AccountId> account) {
  core::Principal p;
  p.user.id = 7;
  p.user.role = role;
  if (account) p.account = core::Account{*account, "Acme", {}};
  return p;
}

const core::Principal kCustomer = User(core::Role::kCustomer, 1);
const core::Principal kStaffUser = User(core::Role::kStaff, std::nullopt);
const core::Principal kAdminUser = User(core::Role::kAdmin, std::nullopt);

core::Principal Anonymous() {
  core::Principal p;
  p.kind = core::PrincipalKind::kAnonymous;
  return p;
}

// Who has what: one row per principal, the capabilities in enum order.
TEST(AccessTest, CapabilitiesByPrincipal) {
  constexpr int kCapabilities = 7;
  struct Row {
    const char* who;
    core::Principal principal;
    // kPublic, kSignedIn, kAccountMember, kStaff, kAdmin, kAccountOrTeam, kAccountManager
    bool has[kCapabilities];
  };
  core::Principal api_key = kCustomer;
  api_key.kind = core::PrincipalKind::kApiKey;
  api_key.api_key = core::ApiKeyGrant{3, "read_write"};
  core::Principal keyless = api_key;  // a key principal without its grant: nothing
  keyless.api_key.reset();
  core::Principal operator_user = kCustomer;
  operator_user.team_role = core::TeamRole::kOperator;
  core::Principal team_admin = kCustomer;
  team_admin.team_role = core::TeamRole::kAdmin;
  core::Principal visitor = kCustomer;
  visitor.kind = core::PrincipalKind::kVisitor;
  const Row rows[] = {
      {"anonymous", Anonymous(), {true, false, false, false, false, false, false}},
      {"customer (owner)", kCustomer, {true, true, true, false, false, true, true}},
      {"customer (team admin)", team_admin, {true, true, true, false, false, true, true}},
      {"customer (operator)", operator_user, {true, true, true, false, false, true, false}},
      {"staff", kStaffUser, {true, true, false, true, false, true, false}},
      {"admin", kAdminUser, {true, true, false, true, true, true, false}},
      // A key acts for its account, but is not a person's session and manages nothing.
      {"api key", api_key, {true, false, true, false, false, true, false}},
      {"api key without grant", keyless, {true, false, false, false, false, false, false}},
      // Planned kinds get nothing beyond public routes until their features say so.
      {"visitor", visitor, {true, false, false, false, false, false, false}},
  };
  for (const Row& r : rows) {
    for (int c = 0; c < kCapabilities; ++c) {
      EXPECT_EQ(Has(r.principal, static_cast<Capability>(c)), r.has[c]) << r.who << " " << c;
    }
  }
}

TEST(AccessTest, ReadOnlyKeysOnlyRead) {
  core::Principal key = kCustomer;
  key.kind = core::PrincipalKind::kApiKey;
  key.api_key = core::ApiKeyGrant{3, "read"};
  EXPECT_TRUE(Require(key, Capability::kAccountMember, Intent::kRead).ok());
  const auto write = Require(key, Capability::kAccountMember, Intent::kWrite);
  ASSERT_FALSE(write.ok());
  EXPECT_EQ(write.error().code, ErrorCode::kForbidden);
  EXPECT_NE(write.error().message.find("only read"), std::string::npos);
  // Services check capabilities alone.
  EXPECT_TRUE(Require(key, Capability::kAccountMember).ok());
  key.api_key->scope = "read_write";
  EXPECT_TRUE(Require(key, Capability::kAccountOrTeam, Intent::kWrite).ok());
  // Sessions are not scoped.
  EXPECT_TRUE(Require(kCustomer, Capability::kAccountMember, Intent::kWrite).ok());
  // A key never manages the account, whatever its scope.
  EXPECT_EQ(Require(key, Capability::kAccountManager, Intent::kRead).error().code,
            ErrorCode::kForbidden);
}

TEST(AccessTest, KeysSeeTheirAccountOnly) {
  core::Principal key = kCustomer;
  key.kind = core::PrincipalKind::kApiKey;
  key.api_key = core::ApiKeyGrant{3, "read"};
  EXPECT_TRUE(CanSeeAccount(key, 1));
  EXPECT_FALSE(CanSeeAccount(key, 2));
  EXPECT_EQ(*AccountScope(key), std::optional<core::AccountId>(1));
  EXPECT_EQ(SideOf(key), core::support::Side::kCustomer);
  const core::Principal reader = AccountReader(core::Account{5, "Acme", {}});
  EXPECT_TRUE(CanSeeAccount(reader, 5));
  EXPECT_FALSE(CanSeeAccount(reader, 1));
  EXPECT_FALSE(Require(reader, Capability::kAccountMember, Intent::kWrite).ok());
  EXPECT_TRUE(OwnsAccount(kCustomer));
  core::Principal team_admin = kCustomer;
  team_admin.team_role = core::TeamRole::kAdmin;
  EXPECT_TRUE(ManagesAccount(team_admin));
  EXPECT_FALSE(OwnsAccount(team_admin));
  EXPECT_FALSE(OwnsAccount(key));
}

TEST(AccessTest, RefusalsSayWhoMay) {
  EXPECT_EQ(Require(Anonymous(), Capability::kSignedIn).error().code, ErrorCode::kUnauthenticated);
  const auto staff = Require(kCustomer, Capability::kStaff);
  EXPECT_EQ(staff.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(staff.error().message, "This is for the support team.");
  EXPECT_EQ(Require(kStaffUser, Capability::kAdmin).error().message,
            "Only administrators may do this.");
  EXPECT_EQ(OwnAccount(kStaffUser).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(*OwnAccount(kCustomer), 1);
}

TEST(AccessTest, AccountsAndSides) {
  EXPECT_TRUE(CanSeeAccount(kCustomer, 1));
  EXPECT_FALSE(CanSeeAccount(kCustomer, 2));
  EXPECT_TRUE(CanSeeAccount(kStaffUser, 2));
  EXPECT_FALSE(CanSeeAccount(Anonymous(), 1));
  EXPECT_EQ(*AccountScope(kCustomer), std::optional<core::AccountId>(1));
  EXPECT_EQ(*AccountScope(kStaffUser), std::nullopt);
  EXPECT_EQ(AccountScope(User(core::Role::kCustomer, std::nullopt)).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(SideOf(kCustomer), core::support::Side::kCustomer);
  EXPECT_EQ(SideOf(kAdminUser), core::support::Side::kTeam);
}

TEST(AccessTest, UploadsBelongToTheAccountOrTheStaffUploader) {
  core::Attachment mine;
  mine.account_id = 1;
  mine.uploader_id = 99;  // a colleague of the same account
  EXPECT_TRUE(OwnsUpload(kCustomer, mine));
  EXPECT_FALSE(OwnsUpload(kStaffUser, mine));
  core::Attachment staffs;
  staffs.uploader_id = kStaffUser.user.id;
  EXPECT_TRUE(OwnsUpload(kStaffUser, staffs));
  staffs.uploader_id = 8;
  EXPECT_FALSE(OwnsUpload(kStaffUser, staffs));
  EXPECT_FALSE(OwnsUpload(kCustomer, staffs));
}

TEST(AccessTest, EventAudiences) {
  core::TicketEvent message{core::TicketEvent::Kind::kMessageCreated, 5, 1, 10, 3};
  EXPECT_TRUE(InAudience(kCustomer, message));
  EXPECT_TRUE(InAudience(kStaffUser, message));
  message.account_id = 2;
  EXPECT_FALSE(InAudience(kCustomer, message));
  core::TicketEvent note{core::TicketEvent::Kind::kNoteCreated, 5, 1, 11, 3};
  EXPECT_FALSE(InAudience(kCustomer, note));
  EXPECT_TRUE(InAudience(kStaffUser, note));
  core::TicketEvent read{core::TicketEvent::Kind::kRead, 5, 1, std::nullopt, 7};
  EXPECT_TRUE(InAudience(kCustomer, read));
  read.actor = 8;
  EXPECT_FALSE(InAudience(kCustomer, read)) << "a read reaches its reader alone";
  const core::ChatEvent chat{core::ChatEvent::Kind::kUpdated, 4, 1, std::nullopt};
  EXPECT_TRUE(InAudience(kCustomer, chat));
  EXPECT_FALSE(InAudience(kStaffUser, chat));
  EXPECT_FALSE(InAudience(User(core::Role::kCustomer, 2), chat));
  EXPECT_TRUE(InAudience(kCustomer, core::ReplyDelta{4, 1, "r", "Hi"}));
  EXPECT_FALSE(InAudience(kStaffUser, core::ReplyDelta{4, 1, "r", "Hi"}));
}

}  // namespace
}  // namespace textura::services
