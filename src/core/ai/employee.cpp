#include "core/ai/employee.h"

#include "core/validation.h"

namespace textura::core {

std::string_view ToString(EmployeeStatus status) {
  return status == EmployeeStatus::kPaused ? "paused" : "active";
}

std::optional<EmployeeStatus> ParseEmployeeStatus(std::string_view text) {
  if (text == "active") return EmployeeStatus::kActive;
  if (text == "paused") return EmployeeStatus::kPaused;
  return std::nullopt;
}

std::string_view ToString(KnowledgeKind kind) {
  return kind == KnowledgeKind::kDocument ? "document" : "qa";
}

Status ApplyEmployeeInput(Employee& e, const EmployeeInput& in, const ModelCatalog& catalog) {
  Employee out = e;
  if (in.name) {
    auto v = CleanText("name", *in.name, 1, kMaxEmployeeName);
    if (!v) return std::move(v).error();
    out.name = std::move(*v);
  }
  if (in.role) {
    auto v = CleanText("role", *in.role, 0, kMaxEmployeeRole);
    if (!v) return std::move(v).error();
    out.role = std::move(*v);
  }
  if (in.instructions) {
    auto v = CleanText("instructions", *in.instructions, 0, kMaxInstructions, Lines::kMulti);
    if (!v) return std::move(v).error();
    out.instructions = std::move(*v);
  }
  if (in.greeting) {
    auto v = CleanText("greeting", *in.greeting, 0, kMaxGreeting, Lines::kMulti);
    if (!v) return std::move(v).error();
    out.greeting = std::move(*v);
  }
  if (in.model) {
    if (!catalog.Find(*in.model)) {
      return Error::Validation("model", "is not one of the models in GET /api/v1/models");
    }
    out.model = *in.model;
  }
  if (in.temperature) {
    // NaN fails both comparisons' negation, so it is refused too.
    if (!(*in.temperature >= 0.0 && *in.temperature <= 2.0)) {
      return Error::Validation("temperature", "must be a number from 0 to 2");
    }
    out.temperature = *in.temperature;
  }
  if (in.reply_word_limit) {
    const std::int64_t v = *in.reply_word_limit;
    if (v != 0 && (v < kMinReplyWordLimit || v > kMaxReplyWordLimit)) {
      return Error::Validation("reply_word_limit", "must be 0 (no limit) or from 10 to 2000");
    }
    out.reply_word_limit = static_cast<int>(v);
  }
  if (in.status) {
    const auto s = ParseEmployeeStatus(*in.status);
    if (!s) return Error::Validation("status", "must be active or paused");
    out.status = *s;
  }
  e = std::move(out);
  return OkStatus();
}

Status CleanQa(KnowledgeItem& item, std::string_view question, std::string_view answer) {
  auto q = CleanText("question", question, 1, kMaxQuestion, Lines::kMulti);
  if (!q) return std::move(q).error();
  auto a = CleanText("answer", answer, 1, kMaxAnswer, Lines::kMulti);
  if (!a) return std::move(a).error();
  item.kind = KnowledgeKind::kQa;
  item.question = std::move(*q);
  item.answer = std::move(*a);
  item.title.clear();
  item.text.clear();
  return OkStatus();
}

Status CleanDocument(KnowledgeItem& item, std::string_view title, std::string_view text) {
  auto t = CleanText("title", title, 1, kMaxDocumentTitle);
  if (!t) return std::move(t).error();
  auto x = CleanText("text", text, 1, kMaxDocumentText, Lines::kMulti);
  if (!x) return std::move(x).error();
  item.kind = KnowledgeKind::kDocument;
  item.title = std::move(*t);
  item.text = std::move(*x);
  item.question.clear();
  item.answer.clear();
  return OkStatus();
}

}  // namespace textura::core
