#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/ai/employee.h"
#include "core/ai/models.h"
#include "core/ports/clock.h"
#include "core/ports/store.h"
#include "core/result.h"
#include "core/user.h"

namespace textura::services {

// A create or an edit of an employee as received.
struct EmployeeRequest {
  core::EmployeeInput fields;
  // Outer optional: given or not; inner: an attachment id, or null to remove.
  std::optional<std::optional<std::int64_t>> avatar_attachment_id;
};

// A knowledge item as received: kind "qa" (question, answer) or "document" (title, text).
struct KnowledgeRequest {
  std::optional<std::string> kind;
  std::optional<std::string> question;
  std::optional<std::string> answer;
  std::optional<std::string> title;
  std::optional<std::string> text;
};

struct KnowledgePage {
  std::vector<core::KnowledgeItem> items;
  std::optional<std::string> next_cursor;
};

inline constexpr std::size_t kMaxKnowledgeUploadBytes = 1 << 20;

// AI employees and their knowledge, for the account's own users (staff: kForbidden;
// another account's employee or a deleted one: kNotFound). Documents are split into
// passages (SplitPassages) when written. Thread-safe.
class EmployeeService {
 public:
  EmployeeService(core::Store& store, const core::Clock& clock, core::ModelCatalog catalog);

  const core::ModelCatalog& models() const { return catalog_; }

  core::Result<std::vector<core::Employee>> List(const core::Principal& who);
  core::Result<core::Employee> Create(const core::Principal& who, const EmployeeRequest& request);
  core::Result<core::Employee> Get(const core::Principal& who, core::EmployeeId id);
  core::Result<core::Employee> Update(const core::Principal& who, core::EmployeeId id,
                                      const EmployeeRequest& request);
  // Soft: the employee leaves lists and GET; its chats stay and keep its name.
  core::Status Delete(const core::Principal& who, core::EmployeeId id);

  core::Result<KnowledgePage> ListKnowledge(const core::Principal& who, core::EmployeeId id,
                                            const std::optional<std::string>& cursor,
                                            const std::optional<std::string>& limit);
  core::Result<core::KnowledgeItem> AddKnowledge(const core::Principal& who, core::EmployeeId id,
                                                 const KnowledgeRequest& request);
  // A .txt or .md file (Content-Type text/plain or text/markdown, else
  // kUnsupportedMediaType) of valid UTF-8 (else kValidationFailed, field "file") up
  // to kMaxKnowledgeUploadBytes (else kTooLarge), stored as a document titled by the
  // file name.
  core::Result<core::KnowledgeItem> Upload(const core::Principal& who, core::EmployeeId id,
                                           std::string_view filename, std::string_view content_type,
                                           std::string_view body);
  // Fields not given stay; the kind cannot change.
  core::Result<core::KnowledgeItem> UpdateKnowledge(const core::Principal& who, core::EmployeeId id,
                                                    core::KnowledgeId item,
                                                    const KnowledgeRequest& request);
  core::Status DeleteKnowledge(const core::Principal& who, core::EmployeeId id,
                               core::KnowledgeId item);

 private:
  core::Result<core::KnowledgeItem> Insert(const core::Principal& who, core::EmployeeId id,
                                           core::KnowledgeItem item);

  core::Store& store_;
  const core::Clock& clock_;
  const core::ModelCatalog catalog_;
};

// The employee `id` when it belongs to `account` and is not deleted.
core::Result<core::Employee> OwnEmployee(core::Repositories& repos, core::AccountId account,
                                         core::EmployeeId id, core::Time now);

}  // namespace textura::services
