#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace textura::core::telegram {

// A Telegram user as an update names them.
struct User {
  std::int64_t id = 0;
  std::string first_name;
  std::string last_name;
  std::string username;
  std::string language_code;  // IETF tag, e.g. "ru", "en-GB"; may be empty
};

// A file the client sent: the largest size of a photo, or a document.
struct File {
  std::string file_id;
  std::string file_name;       // documents only
  std::string mime_type;       // documents only
  std::int64_t file_size = 0;  // 0 when Telegram did not say
  bool is_photo = false;
};

// One update from getUpdates or a webhook call, parsed (by the integration) into
// what Textura acts on. The JSON parsing lives in src/integrations/telegram; this is
// the protocol-neutral result.
struct Update {
  enum class Kind {
    kMessage,        // a new message in a chat with the bot
    kEditedMessage,  // the client edited an earlier message
    kBlocked,        // my_chat_member: the user blocked the bot (or left)
    kUnblocked,      // my_chat_member: the user restarted the bot
    kOther,          // anything else: skipped (still acknowledged)
  };
  std::int64_t update_id = 0;
  Kind kind = Kind::kOther;
  std::int64_t chat_id = 0;
  bool private_chat = false;  // group, supergroup and channel chats are ignored
  std::int64_t message_id = 0;
  User from;
  std::string text;  // the text, or the caption of a photo/document
  std::optional<File> file;
};

// "Anna Petrova", else "@anna", else "Telegram user 42".
std::string DisplayName(const User& user);

// Whether to speak Russian to this user (language_code "ru…"); else English.
bool SpeaksRussian(const User& user);

// "/start" or "/start payload" (also "/start@bot").
bool IsStartCommand(const std::string& text);

}  // namespace textura::core::telegram
