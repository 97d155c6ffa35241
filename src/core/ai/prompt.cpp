#include "core/ai/prompt.h"

namespace textura::core {
namespace {

constexpr std::string_view kEllipsis = "…";
constexpr std::size_t kMaxTitleBytes = 300;
// A passage with less room than this for its text is not worth including.
constexpr std::size_t kMinPassageTextBytes = 40;
constexpr std::string_view kPassageSeparator = "\n\n";

std::string Cut(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  if (max_bytes <= kEllipsis.size()) return std::string(Utf8Prefix(text, max_bytes));
  return std::string(Utf8Prefix(text, max_bytes - kEllipsis.size())) + std::string(kEllipsis);
}

std::string PassageHeader(std::size_t number, const KnowledgePassage& p) {
  const std::string n = "[" + std::to_string(number) + "] ";
  const std::string title = Cut(p.title, kMaxTitleBytes);
  if (p.kind == KnowledgePassage::Kind::kQa) return n + "Q: " + title + "\nA: ";
  return n + "From \"" + title + "\":\n";
}

// The numbered passages within the budget; *used says how many made it.
std::string KnowledgeSection(const std::vector<KnowledgePassage>& passages,
                             const PromptBudget& budget, std::size_t* used) {
  std::string out;
  std::size_t remaining = budget.knowledge_bytes;
  *used = 0;
  for (const KnowledgePassage& p : passages) {
    const std::size_t separator = out.empty() ? 0 : kPassageSeparator.size();
    const std::string header = PassageHeader(*used + 1, p);
    if (header.size() + separator + kMinPassageTextBytes > remaining) break;
    const std::size_t room = std::min(budget.passage_bytes, remaining - separator - header.size());
    const std::string entry = header + Cut(p.text, room);
    if (separator) out += kPassageSeparator;
    out += entry;
    remaining -= separator + entry.size();
    ++*used;
  }
  return out;
}

std::string SystemMessage(const ReplyContext& c, const std::string& knowledge) {
  std::string s;
  if (c.instructions.empty()) {
    s = "You are " +
        (c.employee_name.empty() ? std::string("a support employee") : c.employee_name) +
        ", who answers this business's clients.";
  } else {
    if (!c.employee_name.empty()) s = "Your name is " + c.employee_name + ".\n\n";
    s += c.instructions;
  }
  s += "\n\nRules:\n- Reply in the language of the client's last message.";
  if (c.reply_word_limit > 0) {
    s += "\n- Keep every reply under " + std::to_string(c.reply_word_limit) + " words.";
  }
  s += "\n- Answer from the knowledge below when it is relevant; do not invent prices, policies "
       "or facts it does not contain."
       "\n- If you cannot help, or the client asks for a person, call the " +
       std::string(kHandoffToolName) + " tool with a short reason instead of guessing.";
  if (knowledge.empty()) {
    s += "\n\nNo knowledge passages matched this message.";
  } else {
    s += "\n\nKnowledge, the most relevant first:\n\n" + knowledge;
  }
  return s;
}

}  // namespace

std::string_view Utf8Prefix(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  // Step back over continuation bytes (10xxxxxx) to the start of a sequence.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

Prompt BuildPrompt(const ReplyContext& context, const PromptBudget& budget) {
  Prompt prompt;
  const std::string knowledge = KnowledgeSection(context.passages, budget, &prompt.passages_used);
  prompt.messages.push_back({LlmMessage::Role::kSystem, SystemMessage(context, knowledge)});

  std::size_t first_kept = context.history.size();
  std::size_t used_bytes = 0;
  while (first_kept > 0) {
    const ChatTurn& turn = context.history[first_kept - 1];
    if (used_bytes + turn.text.size() > budget.history_bytes) break;
    used_bytes += turn.text.size();
    --first_kept;
  }
  for (std::size_t i = first_kept; i < context.history.size(); ++i) {
    const ChatTurn& turn = context.history[i];
    const auto role = turn.author == ChatTurn::Author::kClient ? LlmMessage::Role::kUser
                                                               : LlmMessage::Role::kAssistant;
    prompt.messages.push_back({role, turn.text});
  }
  prompt.history_used = context.history.size() - first_kept;
  prompt.messages.push_back({LlmMessage::Role::kUser, context.client_message});
  return prompt;
}

}  // namespace textura::core
