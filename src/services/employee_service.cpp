#include "services/employee_service.h"

#include <algorithm>

#include "core/ai/chat.h"
#include "core/ai/passages.h"
#include "core/numbers.h"
#include "core/page.h"
#include "core/validation.h"
#include "services/access.h"

namespace textura::services {

using core::Employee;
using core::Error;
using core::ErrorCode;
using core::KnowledgeItem;
using core::Result;
using core::Status;

namespace {

Error EmployeeNotFound(core::EmployeeId id) {
  return Error::NotFound("AI employee " + std::to_string(id) + " was not found.");
}

Error ItemNotFound(core::KnowledgeId id) {
  return Error::NotFound("Knowledge item " + std::to_string(id) + " was not found.");
}

std::vector<std::string> PassagesOf(const KnowledgeItem& item) {
  if (item.kind != core::KnowledgeKind::kDocument) return {};
  return core::SplitPassages(item.text);
}

// The avatar must be an image uploaded by the same account.
Status CheckAvatar(core::Repositories& repos, core::AccountId account,
                   std::optional<std::int64_t> id) {
  if (!id) return core::OkStatus();
  const auto a = repos.attachments().Find(*id);
  if (!a || a->account_id != account || !a->is_image) {
    return Error::Validation("avatar_attachment_id",
                             "must be an image uploaded by your account (POST /attachments)");
  }
  return core::OkStatus();
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

}  // namespace

Result<Employee> OwnEmployee(core::Repositories& repos, core::AccountId account,
                             core::EmployeeId id, core::Time now) {
  auto e = repos.employees().Find(id, core::MonthStart(now));
  if (!e || e->account_id != account || e->deleted_at) return EmployeeNotFound(id);
  return std::move(*e);
}

EmployeeService::EmployeeService(core::Store& store, const core::Clock& clock,
                                 core::ModelCatalog catalog)
    : store_(store), clock_(clock), catalog_(std::move(catalog)) {}

Result<std::vector<Employee>> EmployeeService::List(const core::Principal& who) {
  auto account = OwnAccount(who);
  if (!account) return std::move(account).error();
  const core::Time month = core::MonthStart(clock_.Now());
  return core::ReadValue<std::vector<Employee>>(
      store_, [&](core::Repositories& repos) -> Result<std::vector<Employee>> {
        return repos.employees().List(*account, month);
      });
}

Result<Employee> EmployeeService::Create(const core::Principal& who, const EmployeeRequest& req) {
  auto account = OwnAccount(who);
  if (!account) return std::move(account).error();
  if (!req.fields.name) return Error::Validation("name", "must not be empty");
  if (req.fields.status) {
    return Error::Validation("status", "is set with PATCH once the employee exists");
  }
  const core::Time now = clock_.Now();
  Employee e;
  e.account_id = *account;
  e.model = catalog_.Default().id;
  e.created_at = now;
  e.updated_at = now;
  if (auto s = core::ApplyEmployeeInput(e, req.fields, catalog_); !s) return std::move(s).error();
  if (req.avatar_attachment_id) e.avatar_attachment_id = *req.avatar_attachment_id;
  return core::WriteValue<Employee>(store_, [&](core::Repositories& repos) -> Result<Employee> {
    if (auto s = CheckAvatar(repos, *account, e.avatar_attachment_id); !s) {
      return std::move(s).error();
    }
    return repos.employees().Insert(e);
  });
}

Result<Employee> EmployeeService::Get(const core::Principal& who, core::EmployeeId id) {
  auto account = OwnAccount(who);
  if (!account) return std::move(account).error();
  const core::Time now = clock_.Now();
  return core::ReadValue<Employee>(store_, [&](core::Repositories& repos) -> Result<Employee> {
    return OwnEmployee(repos, *account, id, now);
  });
}

Result<Employee> EmployeeService::Update(const core::Principal& who, core::EmployeeId id,
                                         const EmployeeRequest& req) {
  auto account = OwnAccount(who);
  if (!account) return std::move(account).error();
  const core::Time now = clock_.Now();
  return core::WriteValue<Employee>(store_, [&](core::Repositories& repos) -> Result<Employee> {
    auto e = OwnEmployee(repos, *account, id, now);
    if (!e) return e;
    // A model that left the catalog may stay until the employee is given another.
    if (auto s = core::ApplyEmployeeInput(*e, req.fields, catalog_); !s) {
      return std::move(s).error();
    }
    if (req.avatar_attachment_id) {
      if (auto s = CheckAvatar(repos, *account, *req.avatar_attachment_id); !s) {
        return std::move(s).error();
      }
      e->avatar_attachment_id = *req.avatar_attachment_id;
    }
    e->updated_at = now;
    repos.employees().Update(*e);
    return e;
  });
}

Status EmployeeService::Delete(const core::Principal& who, core::EmployeeId id) {
  auto account = OwnAccount(who);
  if (!account) return std::move(account).error();
  const core::Time now = clock_.Now();
  return store_.Write([&](core::Repositories& repos) -> Status {
    auto e = OwnEmployee(repos, *account, id, now);
    if (!e) return std::move(e).error();
    e->deleted_at = now;
    e->updated_at = now;
    repos.employees().Update(*e);
    return core::OkStatus();
  });
}

Result<KnowledgePage> EmployeeService::ListKnowledge(const core::Principal& who,
                                                     core::EmployeeId id,
                                                     const std::optional<std::string>& cursor,
                                                     const std::optional<std::string>& limit_text) {
  auto account = OwnAccount(who);
  if (!account) return std::move(account).error();
  auto limit = core::ParsePageLimit(limit_text);
  if (!limit) return std::move(limit).error();
  core::KnowledgeId after = 0;
  if (cursor && !cursor->empty()) {
    const auto v = core::ParseInt64(*cursor);
    if (!v || *v < 0) return Error::Validation("cursor", "is not a cursor from this list");
    after = *v;
  }
  const core::Time now = clock_.Now();
  return core::ReadValue<KnowledgePage>(
      store_, [&](core::Repositories& repos) -> Result<KnowledgePage> {
        if (auto e = OwnEmployee(repos, *account, id, now); !e) return std::move(e).error();
        KnowledgePage page;
        page.items = repos.knowledge().List(id, after, core::FetchCount(*limit));
        page.next_cursor = core::TakePage(page.items, *limit,
                                          [](const auto& row) { return std::to_string(row.id); });
        return page;
      });
}

Result<KnowledgeItem> EmployeeService::Insert(const core::Principal& who, core::EmployeeId id,
                                              KnowledgeItem item) {
  auto account = OwnAccount(who);
  if (!account) return std::move(account).error();
  const core::Time now = clock_.Now();
  item.employee_id = id;
  item.created_at = now;
  item.updated_at = now;
  const std::vector<std::string> passages = PassagesOf(item);
  return core::WriteValue<KnowledgeItem>(
      store_, [&](core::Repositories& repos) -> Result<KnowledgeItem> {
        if (auto e = OwnEmployee(repos, *account, id, now); !e) return std::move(e).error();
        if (repos.knowledge().Count(id) >= core::kMaxKnowledgeItems) {
          return Error::Validation("kind", "an employee holds at most 20000 knowledge items");
        }
        return repos.knowledge().Insert(item, passages);
      });
}

Result<KnowledgeItem> EmployeeService::AddKnowledge(const core::Principal& who, core::EmployeeId id,
                                                    const KnowledgeRequest& req) {
  KnowledgeItem item;
  const std::string kind = req.kind.value_or("");
  if (kind == "qa") {
    if (req.title || req.text) {
      return Error::Validation(req.title ? "title" : "text", "belongs to documents, not Q&A");
    }
    auto s = core::CleanQa(item, req.question.value_or(""), req.answer.value_or(""));
    if (!s) return std::move(s).error();
  } else if (kind == "document") {
    if (req.question || req.answer) {
      return Error::Validation(req.question ? "question" : "answer",
                               "belongs to Q&A pairs, not documents");
    }
    auto s = core::CleanDocument(item, req.title.value_or(""), req.text.value_or(""));
    if (!s) return std::move(s).error();
  } else {
    return Error::Validation("kind", "must be qa or document");
  }
  return Insert(who, id, std::move(item));
}

Result<KnowledgeItem> EmployeeService::Upload(const core::Principal& who, core::EmployeeId id,
                                              std::string_view filename,
                                              std::string_view content_type,
                                              std::string_view body) {
  if (auto account = OwnAccount(who); !account) return std::move(account).error();
  const std::string media = Lower(core::Trim(content_type.substr(0, content_type.find(';'))));
  const auto unsupported = [] {
    return Error::Of(ErrorCode::kUnsupportedMediaType,
                     "Upload a .txt or .md file as text/plain or text/markdown.", "file");
  };
  if (media != "text/plain" && media != "text/markdown") return unsupported();
  auto name = core::CleanText("filename", filename, 1, core::kMaxDocumentTitle);
  if (!name) return std::move(name).error();
  const std::string lower = Lower(*name);
  if (!lower.ends_with(".txt") && !lower.ends_with(".md") && !lower.ends_with(".markdown")) {
    return unsupported();
  }
  if (body.size() > kMaxKnowledgeUploadBytes) {
    return Error::Of(ErrorCode::kTooLarge, "A knowledge file may be at most 1 MiB.", "file");
  }
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);  // a byte-order mark
  if (!core::IsValidUtf8(body)) return Error::Validation("file", "must be UTF-8 text");
  KnowledgeItem item;
  auto s = core::CleanDocument(item, *name, body);
  if (!s) {
    Error e = std::move(s).error();
    if (e.field == "text") e.field = "file";
    return e;
  }
  return Insert(who, id, std::move(item));
}

Result<KnowledgeItem> EmployeeService::UpdateKnowledge(const core::Principal& who,
                                                       core::EmployeeId id, core::KnowledgeId item,
                                                       const KnowledgeRequest& req) {
  auto account = OwnAccount(who);
  if (!account) return std::move(account).error();
  const core::Time now = clock_.Now();
  return core::WriteValue<KnowledgeItem>(
      store_, [&](core::Repositories& repos) -> Result<KnowledgeItem> {
        if (auto e = OwnEmployee(repos, *account, id, now); !e) return std::move(e).error();
        auto k = repos.knowledge().Find(item);
        if (!k || k->employee_id != id) return ItemNotFound(item);
        if (req.kind && *req.kind != core::ToString(k->kind)) {
          return Error::Validation("kind", "cannot change; delete the item and add a new one");
        }
        Status s = core::OkStatus();
        if (k->kind == core::KnowledgeKind::kQa) {
          if (req.title || req.text) return Error::Validation("title", "belongs to documents");
          s = core::CleanQa(*k, req.question.value_or(k->question), req.answer.value_or(k->answer));
        } else {
          if (req.question || req.answer) {
            return Error::Validation("question", "belongs to Q&A pairs");
          }
          s = core::CleanDocument(*k, req.title.value_or(k->title), req.text.value_or(k->text));
        }
        if (!s) return std::move(s).error();
        k->updated_at = now;
        repos.knowledge().Update(*k, PassagesOf(*k));
        return std::move(*k);
      });
}

Status EmployeeService::DeleteKnowledge(const core::Principal& who, core::EmployeeId id,
                                        core::KnowledgeId item) {
  auto account = OwnAccount(who);
  if (!account) return std::move(account).error();
  const core::Time now = clock_.Now();
  return store_.Write([&](core::Repositories& repos) -> Status {
    if (auto e = OwnEmployee(repos, *account, id, now); !e) return std::move(e).error();
    auto k = repos.knowledge().Find(item);
    if (!k || k->employee_id != id) return ItemNotFound(item);
    repos.knowledge().Delete(item);
    return core::OkStatus();
  });
}

}  // namespace textura::services
