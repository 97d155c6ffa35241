#include "services/chat_append.h"

namespace textura::services {

core::ChatMessage AppendToChat(core::ChatRepository& chats, core::Chat& chat,
                               core::ChatMessage message) {
  message.chat_id = chat.id;
  core::ChatMessage stored = chats.InsertMessage(std::move(message));
  chat.message_count += 1;
  chat.last_message_at = stored.created_at;
  chats.Update(chat);
  return stored;
}

}  // namespace textura::services
