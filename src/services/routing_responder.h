#pragma once

#include "core/ai/responder.h"

namespace textura::services {

// Chooses who writes each reply: the knowledge responder for employees on the
// knowledge model (core::kKnowledgeModel) or when no LLM is configured, the LLM
// responder otherwise. Both responders must outlive this object. Thread-safe when
// both are.
class RoutingResponder final : public core::Responder {
 public:
  RoutingResponder(core::Responder& knowledge, core::Responder* llm)
      : knowledge_(knowledge), llm_(llm) {}

  core::ReplyOutcome Respond(const core::ReplyContext& context,
                             const core::ReplyDeltaFn& on_delta) override;

 private:
  core::Responder& knowledge_;
  core::Responder* llm_;  // null: no LLM configured
};

}  // namespace textura::services
