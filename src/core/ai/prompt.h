#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/ai/responder.h"
#include "core/ports/llm_client.h"

namespace textura::core {

// How much of the context window the knowledge and the history may take. Budgets are
// in bytes of UTF-8: about 4 bytes per token for English and 5 for Russian (2 bytes a
// letter, ~2.5 letters a token), so a byte budget estimates tokens within ~25 % for
// both without a tokenizer. The defaults (~2k and ~1.5k tokens) fit every current model.
struct PromptBudget {
  std::size_t knowledge_bytes = 8000;  // all passages together, headers included
  std::size_t passage_bytes = 2000;    // one passage's text at most
  std::size_t history_bytes = 6000;    // earlier messages together
};

// The messages for one reply, and what made it in.
struct Prompt {
  std::vector<LlmMessage> messages;  // system, the kept history oldest first, the client's
  std::size_t passages_used = 0;     // the first N of context.passages
  std::size_t history_used = 0;      // the last N of context.history
};

// Assembles the prompt: one system message (the employee's instructions, the rules —
// reply in the client's language, stay within reply_word_limit words when set, use the
// knowledge, call handoff_to_human when it cannot help or a person is asked for — and
// the passages numbered best first, each cut to passage_bytes, added while they fit
// knowledge_bytes), then the newest history turns that fit history_bytes (the oldest
// are dropped; a turn that does not fit ends the history — no gaps), then the client's
// message. Client turns are "user", employee and operator turns "assistant". Pure.
Prompt BuildPrompt(const ReplyContext& context, const PromptBudget& budget = {});

// The longest prefix of `text` of at most max_bytes that does not split a UTF-8
// sequence.
std::string_view Utf8Prefix(std::string_view text, std::size_t max_bytes);

// The name of the tool the model calls to pass the chat to a person.
inline constexpr std::string_view kHandoffToolName = "handoff_to_human";

}  // namespace textura::core
