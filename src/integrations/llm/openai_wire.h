#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/ports/llm_client.h"

namespace textura::integrations {

// The JSON of OpenAI-compatible Chat Completions, apart from the transport so it can
// be tested byte for byte. Boost.JSON stays inside the .cpp.

// The request body: model (the request's, else default_model), messages, stream with
// usage, temperature, max_tokens when set, tools as function tools. Nullopt with
// *error set when a tool's parameters schema is not a JSON object.
std::optional<std::string> BuildChatRequestBody(const core::LlmRequest& request,
                                                std::string_view default_model, bool stream,
                                                std::string* error);

// The provider's own words from an error body: {"error":{"message":…}},
// {"error":"…"} or {"message":…}; empty when there are none. At most ~300 bytes.
std::string ProviderErrorMessage(std::string_view body);

// Assembles a streamed completion from its SSE events' data, one call per event.
class ChatStream {
 public:
  enum class Step { kContinue, kDone, kError };

  // Called with each non-empty piece of content; return false to abort.
  explicit ChatStream(const core::LlmDeltaFn& on_delta) : on_delta_(on_delta) {}

  // One event's data: a chat.completion.chunk, "[DONE]", or {"error":…}. kError
  // leaves failure() set (kProtocol for garbage, kProvider for an error event,
  // kAborted when on_delta refused the text).
  Step OnEvent(std::string_view data);

  // A whole (non-streaming) chat.completion body; its content goes to on_delta as
  // one piece. kDone or kError.
  Step OnCompletion(std::string_view body);

  bool done() const { return done_; }
  // Whether on_delta has been given any text (a failure then is "partial").
  bool delivered() const { return delivered_; }
  const std::optional<core::LlmFailure>& failure() const { return failure_; }
  // The assembled result; tool calls in index order.
  core::LlmResult TakeResult();

 private:
  Step Fail(core::LlmFailure::Kind kind, std::string message);
  Step Deliver(std::string_view text);

  const core::LlmDeltaFn& on_delta_;
  core::LlmResult result_;
  std::map<long long, core::LlmToolCall> tool_calls_;
  std::optional<core::LlmFailure> failure_;
  bool done_ = false;
  bool delivered_ = false;
};

}  // namespace textura::integrations
