#pragma once

#include <memory>

#include "core/ports/store.h"
#include "storage/connection.h"

namespace textura::storage {

// All SQL repositories bound to one connection. SQL is written once for both
// dialects where it can be ($n parameters, RETURNING, ON CONFLICT); where the
// dialects differ the repository picks the constant for conn.dialect().
class SqlRepositories final : public core::Repositories {
 public:
  explicit SqlRepositories(Connection& conn);
  ~SqlRepositories() override;

  core::AccountRepository& accounts() override;
  core::UserRepository& users() override;
  core::SessionRepository& sessions() override;
  core::TicketRepository& tickets() override;
  core::AttachmentRepository& attachments() override;
  core::AuditRepository& audit() override;
  core::SupportAdminRepository& support_admin() override;
  core::EmployeeRepository& employees() override;
  core::KnowledgeRepository& knowledge() override;
  core::ChatRepository& chats() override;
  core::LedgerRepository& ledger() override;
  core::ConsoleRepository& console() override;
  core::ChannelRepository& channels() override;
  core::FinanceRepository& finance() override;
  core::ApiKeyRepository& api_keys() override;
  core::WebhookRepository& webhooks() override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace textura::storage
