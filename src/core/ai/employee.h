#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/ai/models.h"
#include "core/ids.h"
#include "core/result.h"
#include "core/time.h"

namespace textura::core {

using KnowledgeId = std::int64_t;

enum class EmployeeStatus { kActive, kPaused };
std::string_view ToString(EmployeeStatus status);
std::optional<EmployeeStatus> ParseEmployeeStatus(std::string_view text);

// An AI employee of an account. Deleting is soft: deleted_at is set, its chats stay.
struct Employee {
  EmployeeId id = 0;
  AccountId account_id = 0;
  std::string name;
  std::string role;
  std::optional<AttachmentId> avatar_attachment_id;
  std::string instructions;
  std::string greeting;
  std::string model;
  double temperature = 0.7;
  int reply_word_limit = 0;  // 0: none
  EmployeeStatus status = EmployeeStatus::kActive;
  std::optional<Time> deleted_at;
  Time created_at{};
  Time updated_at{};
  // Read-only figures filled in by the repository's views.
  int knowledge_count = 0;
  std::int64_t words_this_month = 0;
};

// The fields a create or an edit may set; unset fields stay as they are.
struct EmployeeInput {
  std::optional<std::string> name;
  std::optional<std::string> role;
  std::optional<std::string> instructions;
  std::optional<std::string> greeting;
  std::optional<std::string> model;
  std::optional<double> temperature;
  std::optional<std::int64_t> reply_word_limit;
  std::optional<std::string> status;
};

inline constexpr std::size_t kMaxEmployeeName = 100;
inline constexpr std::size_t kMaxEmployeeRole = 100;
inline constexpr std::size_t kMaxInstructions = 20000;
inline constexpr std::size_t kMaxGreeting = 2000;
inline constexpr int kMinReplyWordLimit = 10;
inline constexpr int kMaxReplyWordLimit = 2000;

// Validates `input` and applies it to `employee`: name 1–100 characters, role ≤ 100,
// instructions ≤ 20000 and greeting ≤ 2000 (multi-line), model in `catalog`,
// temperature 0–2, reply_word_limit 0 (none) or 10–2000, status active | paused.
// Nothing is applied when any field fails; the error names the field.
Status ApplyEmployeeInput(Employee& employee, const EmployeeInput& input,
                          const ModelCatalog& catalog);

enum class KnowledgeKind { kQa, kDocument };
std::string_view ToString(KnowledgeKind kind);

// A Q&A pair (question, answer) or a text document (title, text).
struct KnowledgeItem {
  KnowledgeId id = 0;
  EmployeeId employee_id = 0;
  KnowledgeKind kind = KnowledgeKind::kQa;
  std::string question;
  std::string answer;
  std::string title;
  std::string text;
  Time created_at{};
  Time updated_at{};
};

inline constexpr int kMaxKnowledgeItems = 20000;
inline constexpr std::size_t kMaxQuestion = 1000;
inline constexpr std::size_t kMaxAnswer = 10000;
inline constexpr std::size_t kMaxDocumentTitle = 200;
inline constexpr std::size_t kMaxDocumentText = 200000;

// Cleans the fields of a Q&A pair (question 1–1000, answer 1–10000 characters) or a
// document (title 1–200, text 1–200000) into `item`.
Status CleanQa(KnowledgeItem& item, std::string_view question, std::string_view answer);
Status CleanDocument(KnowledgeItem& item, std::string_view title, std::string_view text);

}  // namespace textura::core
