#pragma once

#include "core/ports/ai_repository.h"
#include "storage/connection.h"

namespace textura::storage {

class SqlEmployeeRepository final : public core::EmployeeRepository {
 public:
  explicit SqlEmployeeRepository(Connection& conn) : conn_(conn) {}
  core::Employee Insert(core::Employee employee) override;
  std::optional<core::Employee> Find(core::EmployeeId id, core::Time month_start) override;
  void Update(const core::Employee& employee) override;
  std::vector<core::Employee> List(core::AccountId account, core::Time month_start) override;

 private:
  Connection& conn_;
};

class SqlKnowledgeRepository final : public core::KnowledgeRepository {
 public:
  explicit SqlKnowledgeRepository(Connection& conn) : conn_(conn) {}
  core::KnowledgeItem Insert(core::KnowledgeItem item,
                             const std::vector<std::string>& passages) override;
  std::optional<core::KnowledgeItem> Find(core::KnowledgeId id) override;
  void Update(const core::KnowledgeItem& item, const std::vector<std::string>& passages) override;
  void Delete(core::KnowledgeId id) override;
  std::vector<core::KnowledgeItem> List(core::EmployeeId employee, core::KnowledgeId after_id,
                                        int limit) override;
  int Count(core::EmployeeId employee) override;
  std::vector<core::KnowledgePassage> Search(core::EmployeeId employee,
                                             const std::vector<std::string>& terms,
                                             int limit) override;

 private:
  void InsertPassages(const core::KnowledgeItem& item, const std::vector<std::string>& passages);
  void DeletePassages(core::KnowledgeId item);
  Connection& conn_;
};

class SqlLedgerRepository final : public core::LedgerRepository {
 public:
  explicit SqlLedgerRepository(Connection& conn) : conn_(conn) {}
  core::LedgerEntry Append(core::LedgerEntry entry) override;
  std::int64_t Balance(core::AccountId account) override;
  core::LedgerTotals Totals(core::AccountId account, core::Time since) override;
  std::vector<core::LedgerEntry> List(core::AccountId account, core::LedgerEntryId before_id,
                                      int limit) override;

 private:
  Connection& conn_;
};

// A ledger row of `SELECT id, account_id, kind, amount_minor, words, model, employee_id,
// chat_id, message_id, note, created_at`.
core::LedgerEntry LedgerEntryFrom(const Row& r);

}  // namespace textura::storage
