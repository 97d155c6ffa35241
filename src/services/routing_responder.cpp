#include "services/routing_responder.h"

#include "core/ai/models.h"

namespace textura::services {

core::ReplyOutcome RoutingResponder::Respond(const core::ReplyContext& context,
                                             const core::ReplyDeltaFn& on_delta) {
  if (llm_ == nullptr || context.model == core::kKnowledgeModel) {
    return knowledge_.Respond(context, on_delta);
  }
  return llm_->Respond(context, on_delta);
}

}  // namespace textura::services
