#include "core/ai/knowledge_responder.h"

#include <vector>

#include "core/ai/models.h"
#include "core/validation.h"

namespace textura::core {
namespace {

// Space-separated pieces of the text, keeping the separators, so the pieces
// concatenate back to the text exactly.
std::vector<std::string_view> Tokens(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool space = text[i] == ' ' || text[i] == '\n' || text[i] == '\t';
    const bool next_is_word =
        i + 1 < text.size() && text[i + 1] != ' ' && text[i + 1] != '\n' && text[i + 1] != '\t';
    if (space && next_is_word) {
      out.push_back(text.substr(start, i + 1 - start));
      start = i + 1;
    }
  }
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

std::string Limit(std::string_view text, int word_limit) {
  if (word_limit <= 0) return std::string(text);
  const auto tokens = Tokens(text);
  if (static_cast<int>(tokens.size()) <= word_limit) return std::string(text);
  std::string out;
  for (int i = 0; i < word_limit; ++i) out.append(tokens[i]);
  return Trim(out) + "…";
}

}  // namespace

ReplyOutcome KnowledgeResponder::Respond(const ReplyContext& context,
                                         const ReplyDeltaFn& on_delta) {
  Reply reply;
  // Priced as what wrote it: retrieval, whatever model the employee names.
  reply.model = std::string(kKnowledgeModel);
  const KnowledgePassage* best = context.passages.empty() ? nullptr : &context.passages.front();
  if (best && best->score >= options_.threshold && !best->text.empty()) {
    reply.text = Limit(best->text, context.reply_word_limit);
  } else {
    reply.text = HasCyrillic(context.client_message) ? kHandoffTextRu : kHandoffTextEn;
    std::string asked = context.client_message.substr(0, 200);
    while (!asked.empty() && !IsValidUtf8(asked)) asked.pop_back();
    reply.handoff_reason = "The knowledge base has no answer to: " + asked;
    reply.billable = false;  // a handoff without an answer costs the client nothing
  }
  const auto tokens = Tokens(reply.text);
  const std::size_t per = static_cast<std::size_t>(std::max(1, options_.words_per_piece));
  bool sent = false;
  for (std::size_t i = 0; i < tokens.size(); i += per) {
    const char* begin = tokens[i].data();
    const std::string_view& last = tokens[std::min(tokens.size(), i + per) - 1];
    const std::string_view piece(begin,
                                 static_cast<std::size_t>(last.data() + last.size() - begin));
    if (!on_delta(piece)) {
      return {std::nullopt, ReplyFailure{"The reply was stopped before it was finished.", sent}};
    }
    sent = true;
  }
  return {std::move(reply), std::nullopt};
}

}  // namespace textura::core
