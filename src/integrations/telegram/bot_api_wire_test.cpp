#include "integrations/telegram/bot_api_wire.h"

#include <gtest/gtest.h>

namespace textura::integrations::telegram {
namespace {

using core::telegram::CallOutcome;
using core::telegram::Update;

TEST(BotApiWire, ParsesAPrivateTextMessage) {
  auto u = ParseUpdate(R"({"update_id":1001,"message":{"message_id":5,"date":1,
    "chat":{"id":77,"type":"private","first_name":"Anna"},
    "from":{"id":77,"is_bot":false,"first_name":"Anna","last_name":"P","username":"anna",
            "language_code":"ru"},"text":"Привет"}})");
  ASSERT_TRUE(u.has_value());
  EXPECT_EQ(u->update_id, 1001);
  EXPECT_EQ(u->kind, Update::Kind::kMessage);
  EXPECT_EQ(u->chat_id, 77);
  EXPECT_TRUE(u->private_chat);
  EXPECT_EQ(u->message_id, 5);
  EXPECT_EQ(u->from.first_name, "Anna");
  EXPECT_EQ(u->from.language_code, "ru");
  EXPECT_EQ(u->text, "Привет");
  EXPECT_FALSE(u->file.has_value());
}

TEST(BotApiWire, PhotosTakeTheLargestSizeAndTheCaption) {
  auto u = ParseUpdate(R"({"update_id":1,"message":{"message_id":6,"chat":{"id":1,"type":"private"},
    "photo":[{"file_id":"small","file_size":10},{"file_id":"big","file_size":900}],
    "caption":"my room"}})");
  ASSERT_TRUE(u && u->file);
  EXPECT_EQ(u->file->file_id, "big");
  EXPECT_EQ(u->file->file_size, 900);
  EXPECT_TRUE(u->file->is_photo);
  EXPECT_EQ(u->text, "my room");
}

TEST(BotApiWire, GroupsEditsAndBlocks) {
  auto group = ParseUpdate(
      R"({"update_id":2,"message":{"message_id":1,"chat":{"id":-5,"type":"group"},"text":"hi"}})");
  ASSERT_TRUE(group);
  EXPECT_FALSE(group->private_chat);
  auto edit = ParseUpdate(
      R"({"update_id":3,"edited_message":{"message_id":1,"chat":{"id":5,"type":"private"},"text":"fixed"}})");
  ASSERT_TRUE(edit);
  EXPECT_EQ(edit->kind, Update::Kind::kEditedMessage);
  auto blocked = ParseUpdate(R"({"update_id":4,"my_chat_member":{"chat":{"id":5,"type":"private"},
    "from":{"id":5},"new_chat_member":{"status":"kicked"}}})");
  ASSERT_TRUE(blocked);
  EXPECT_EQ(blocked->kind, Update::Kind::kBlocked);
}

TEST(BotApiWire, MalformedAndUnknownUpdatesNeverThrow) {
  EXPECT_FALSE(ParseUpdate("not json"));
  EXPECT_FALSE(ParseUpdate("[]"));
  EXPECT_FALSE(ParseUpdate(R"({"message":{}})"));                  // no update_id
  EXPECT_FALSE(ParseUpdate(R"({"update_id":"7"})"));               // not an integer
  auto odd = ParseUpdate(R"({"update_id":8,"poll":{"id":"x"}})");  // a kind Textura skips
  ASSERT_TRUE(odd);
  EXPECT_EQ(odd->kind, Update::Kind::kOther);
  auto chatless = ParseUpdate(R"({"update_id":9,"message":{"text":"no chat"}})");
  ASSERT_TRUE(chatless);
  EXPECT_EQ(chatless->kind, Update::Kind::kOther);
  auto batch =
      ParseUpdates(R"([{"update_id":10,"message":{"chat":{"id":1,"type":"private"},"text":"a"}},
                                 17, {"update_id":12}])");
  EXPECT_EQ(batch.updates.size(), 2u);
  EXPECT_EQ(batch.malformed, 1);
  EXPECT_EQ(batch.last_update_id, 12);
}

TEST(BotApiWire, EnvelopesCarryTheErrorKindAndRetryAfter) {
  auto ok = ParseEnvelope(200, R"({"ok":true,"result":{"id":1,"username":"b"}})");
  EXPECT_EQ(ok.outcome.kind, CallOutcome::Kind::kOk);
  EXPECT_EQ(ParseBotInfo(ok.result)->username, "b");
  auto limited = ParseEnvelope(
      429,
      R"({"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}})");
  EXPECT_EQ(limited.outcome.kind, CallOutcome::Kind::kRetryAfter);
  EXPECT_EQ(limited.outcome.retry_after_seconds, 7);
  auto blocked = ParseEnvelope(
      403,
      R"({"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"})");
  EXPECT_EQ(blocked.outcome.kind, CallOutcome::Kind::kBlocked);
  EXPECT_EQ(blocked.outcome.description, "Forbidden: bot was blocked by the user");
  auto garbage = ParseEnvelope(502, "<html>Bad gateway</html>");
  EXPECT_EQ(garbage.outcome.kind, CallOutcome::Kind::kTransient);
  auto wrong_token =
      ParseEnvelope(401, R"({"ok":false,"error_code":401,"description":"Unauthorized"})");
  EXPECT_EQ(wrong_token.outcome.kind, CallOutcome::Kind::kUnauthorized);
}

}  // namespace
}  // namespace textura::integrations::telegram
