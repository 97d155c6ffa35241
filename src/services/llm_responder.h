#pragma once

#include <string>

#include "core/ai/prompt.h"
#include "core/ai/responder.h"
#include "core/ports/llm_client.h"

namespace textura::services {

// The Responder backed by an OpenAI-compatible model (docs/llm.md): assembles the
// prompt (core::BuildPrompt), offers the model one tool, handoff_to_human({"reason"}),
// streams the text to on_delta and maps the outcome:
//   - a handoff_to_human call → Reply with handoff_reason (the model's reason, or a
//     generic one when its arguments are not the JSON asked for) and any text it wrote;
//   - text → Reply; no text and no handoff → ReplyFailure (nothing to store or charge);
//   - an LlmFailure → ReplyFailure with the client's message for people.
// Reply.model is the model asked for (the employee's, else default_model), the id the
// price catalog knows, not the provider's dated variant. When reply_word_limit is set,
// max_tokens caps the reply at 3 tokens a word + 100 so a model that ignores the rule
// is stopped. Thread-safe when the client is; the client must outlive the responder.
class LlmResponder final : public core::Responder {
 public:
  LlmResponder(core::LlmClient& client, std::string default_model, core::PromptBudget budget = {});

  core::ReplyOutcome Respond(const core::ReplyContext& context,
                             const core::ReplyDeltaFn& on_delta) override;

  // The tool declaration sent with every request.
  static core::LlmTool HandoffTool();
  // The reason out of handoff_to_human's arguments, or the generic one.
  static std::string HandoffReason(std::string_view arguments_json);

 private:
  core::LlmClient& client_;
  const std::string default_model_;
  const core::PromptBudget budget_;
};

}  // namespace textura::services
