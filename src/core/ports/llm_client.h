#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace textura::core {

// One message of an OpenAI-compatible Chat Completions conversation.
struct LlmMessage {
  enum class Role { kSystem, kUser, kAssistant };
  Role role = Role::kUser;
  std::string content;
};

// A function the model may call instead of (or besides) writing text.
struct LlmTool {
  std::string name;  // e.g. "handoff_to_human"
  std::string description;
  std::string parameters_json_schema;  // a JSON Schema object, as text
};

struct LlmRequest {
  std::string model;  // empty: the client's configured default
  std::vector<LlmMessage> messages;
  double temperature = 0.7;
  std::optional<int> max_tokens;
  std::vector<LlmTool> tools;
};

struct LlmToolCall {
  std::string id;
  std::string name;
  std::string arguments_json;  // as the provider sent it, assembled from the deltas
};

struct LlmUsage {
  int prompt_tokens = 0;
  int completion_tokens = 0;
};

// A finished generation.
struct LlmResult {
  std::string content;  // the whole text, as streamed
  std::vector<LlmToolCall> tool_calls;
  std::string finish_reason;  // "stop", "length", "tool_calls", …
  std::string model;          // what the provider says it used
  std::optional<LlmUsage> usage;
};

// Why a generation did not finish. Nothing is charged for a failure.
struct LlmFailure {
  enum class Kind {
    kTimeout,   // no answer / no progress within the configured time
    kProvider,  // the provider answered an error (HTTP status or an error event)
    kProtocol,  // garbage, or the stream closed before [DONE]
    kAborted,   // the caller's on_delta returned false
    kNotConfigured,
  };
  Kind kind = Kind::kProvider;
  std::string message;   // for people: shown in the chat as the reason
  int http_status = 0;   // when the provider answered one
  bool partial = false;  // some text had already been streamed to on_delta
};

using LlmOutcome = std::variant<LlmResult, LlmFailure>;

// Called with each piece of text as it streams in; return false to abort.
using LlmDeltaFn = std::function<bool(std::string_view text)>;

// An OpenAI-compatible Chat Completions provider (src/integrations/llm holds the
// libcurl implementation). Complete blocks the calling thread until the stream ends;
// it retries with backoff only before the first token. Thread-safe.
class LlmClient {
 public:
  virtual ~LlmClient() = default;
  virtual LlmOutcome Complete(const LlmRequest& request, const LlmDeltaFn& on_delta) = 0;
};

}  // namespace textura::core
