#pragma once

#include "core/ai/chat.h"
#include "core/ports/ai_repository.h"

namespace textura::services {

// The one rule for adding a message to a chat, inside the caller's write transaction:
// the message is stored, and the chat counts it and moves its activity to the
// message's time. Whatever else changes with the message (a handoff flag, the zero
// balance notice) the caller sets on `chat` first; it is saved with the counts.
// Returns the stored message (with its id).
core::ChatMessage AppendToChat(core::ChatRepository& chats, core::Chat& chat,
                               core::ChatMessage message);

}  // namespace textura::services
