#include "services/llm_responder.h"

#include <boost/json.hpp>

namespace textura::services {
namespace {

constexpr std::size_t kMaxReasonBytes = 500;
constexpr int kTokensPerWord = 3;
constexpr int kTokenSlack = 100;
constexpr std::string_view kGenericReason = "The AI employee asked for a person to take over.";

std::string_view Trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

LlmResponder::LlmResponder(core::LlmClient& client, std::string default_model,
                           core::PromptBudget budget)
    : client_(client), default_model_(std::move(default_model)), budget_(budget) {}

core::LlmTool LlmResponder::HandoffTool() {
  return {std::string(core::kHandoffToolName),
          "Pass this chat to a human colleague: when you cannot help with the knowledge you "
          "have, or when the client asks for a person. The AI stops replying in this chat.",
          R"({"type":"object","properties":{"reason":{"type":"string","description":)"
          R"("Why a person is needed, in one short sentence for the colleague"}},)"
          R"("required":["reason"],"additionalProperties":false})"};
}

std::string LlmResponder::HandoffReason(std::string_view arguments_json) {
  boost::json::error_code ec;
  const boost::json::value v = boost::json::parse(arguments_json, ec);
  if (ec || !v.is_object()) return std::string(kGenericReason);
  const boost::json::value* reason = v.get_object().if_contains("reason");
  if (!reason || !reason->is_string()) return std::string(kGenericReason);
  const std::string_view text = Trim(reason->get_string());
  if (text.empty()) return std::string(kGenericReason);
  return std::string(core::Utf8Prefix(text, kMaxReasonBytes));
}

core::ReplyOutcome LlmResponder::Respond(const core::ReplyContext& context,
                                         const core::ReplyDeltaFn& on_delta) {
  core::LlmRequest request;
  request.model = context.model.empty() ? default_model_ : context.model;
  request.messages = core::BuildPrompt(context, budget_).messages;
  request.temperature = context.temperature;
  if (context.reply_word_limit > 0) {
    request.max_tokens = context.reply_word_limit * kTokensPerWord + kTokenSlack;
  }
  request.tools.push_back(HandoffTool());

  core::ReplyOutcome out;
  const core::LlmOutcome outcome = client_.Complete(request, on_delta);
  if (const auto* failure = std::get_if<core::LlmFailure>(&outcome)) {
    out.failure = core::ReplyFailure{failure->message, failure->partial};
    return out;
  }
  const core::LlmResult& result = std::get<core::LlmResult>(outcome);
  core::Reply reply;
  reply.text = result.content;
  reply.model = request.model;
  for (const core::LlmToolCall& call : result.tool_calls) {
    if (call.name == core::kHandoffToolName) {
      reply.handoff_reason = HandoffReason(call.arguments_json);
      break;
    }
  }
  if (!reply.handoff_reason && Trim(reply.text).empty()) {
    out.failure = core::ReplyFailure{"The AI provider returned an empty reply.", false};
    return out;
  }
  out.reply = std::move(reply);
  return out;
}

}  // namespace textura::services
