#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"

namespace textura::core {

// A piece of an employee's knowledge found for a client's message.
struct KnowledgePassage {
  enum class Kind { kQa, kDocument };
  Kind kind = Kind::kQa;
  std::int64_t id = 0;  // the knowledge item
  std::string title;    // the question of a Q&A pair, or the document's title
  std::string text;     // the answer, or the matching passage of the document
  double score = 0;     // higher is more relevant; comparable within one search
};

// One earlier message of the chat, oldest first.
struct ChatTurn {
  enum class Author { kClient, kEmployee, kOperator };
  Author author = Author::kClient;
  std::string text;
};

// What a responder needs to write one reply. Built by the chat service.
struct ReplyContext {
  EmployeeId employee_id = 0;
  std::string employee_name;
  std::string instructions;  // persona and rules
  std::string model;         // empty: the configured default
  double temperature = 0.7;
  int reply_word_limit = 0;                // 0: no limit
  std::vector<ChatTurn> history;           // recent, oldest first, without the new message
  std::string client_message;              // what the client just wrote
  std::vector<KnowledgePassage> passages;  // retrieved for client_message, best first
};

// A finished reply. When handoff_reason is set the employee passes the chat to a
// person; text is then what it said first, and may be empty (store a message only when
// it is not). Otherwise text is not empty.
struct Reply {
  std::string text;
  std::optional<std::string> handoff_reason;  // set: flag the chat, stop the AI
  std::string model;                          // the model that wrote it (for pricing)
  // false: a fixed notice, not an answer (the knowledge responder's "I'll pass your
  // question to a colleague"). Stored with its words at cost 0 and never charged
  // (docs/billing.md, "What is charged").
  bool billable = true;
};

// Why no reply was written; shown in the chat. Never charged.
struct ReplyFailure {
  std::string message;
  bool partial = false;  // some text had already been streamed
};

struct ReplyOutcome {
  std::optional<Reply> reply;           // set on success
  std::optional<ReplyFailure> failure;  // set on failure
};

// Called with each piece of text as it is produced; return false to abort.
using ReplyDeltaFn = std::function<bool(std::string_view text)>;

// Writes an AI employee's reply. Two implementations: the LLM responder (an
// OpenAI-compatible provider through LlmClient) and the knowledge responder (the
// offline default: the best-matching knowledge above a threshold, else a handoff).
// Blocks the calling thread (a worker, never an I/O thread). Thread-safe.
class Responder {
 public:
  virtual ~Responder() = default;
  virtual ReplyOutcome Respond(const ReplyContext& context, const ReplyDeltaFn& on_delta) = 0;
};

}  // namespace textura::core
