#pragma once

#include <string>

#include "core/ai/responder.h"

namespace textura::core {

struct KnowledgeResponderOptions {
  // The least score (RankPassages: the share of the message's search terms found in
  // the passage) a passage needs to be given as the answer.
  double threshold = 0.5;
  int words_per_piece = 3;  // how much text each on_delta call carries
};

// The offline default Responder: answers with the best retrieved passage (a Q&A
// pair's answer, or a document's passage) when its score reaches the threshold;
// otherwise says a colleague will take over and hands the chat off. The reply is cut
// to the employee's reply-word limit (words separated by spaces). Deterministic: the
// same context gives the same reply and the same pieces. Thread-safe (stateless).
class KnowledgeResponder final : public Responder {
 public:
  explicit KnowledgeResponder(KnowledgeResponderOptions options = {}) : options_(options) {}
  ReplyOutcome Respond(const ReplyContext& context, const ReplyDeltaFn& on_delta) override;

  static constexpr const char* kHandoffTextEn =
      "I'll pass your question to a colleague; a person will answer you here soon.";
  static constexpr const char* kHandoffTextRu =
      "Я передам ваш вопрос коллеге — вам ответят здесь в ближайшее время.";

 private:
  KnowledgeResponderOptions options_;
};

}  // namespace textura::core
