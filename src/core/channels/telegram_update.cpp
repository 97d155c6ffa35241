#include "core/channels/telegram_update.h"

namespace textura::core::telegram {

std::string DisplayName(const User& user) {
  std::string name = user.first_name;
  if (!user.last_name.empty()) name += (name.empty() ? "" : " ") + user.last_name;
  if (!name.empty()) return name;
  if (!user.username.empty()) return "@" + user.username;
  return "Telegram user " + std::to_string(user.id);
}

bool SpeaksRussian(const User& user) {
  return user.language_code.rfind("ru", 0) == 0;
}

bool IsStartCommand(const std::string& text) {
  if (text.rfind("/start", 0) != 0) return false;
  return text.size() == 6 || text[6] == ' ' || text[6] == '@';
}

}  // namespace textura::core::telegram
