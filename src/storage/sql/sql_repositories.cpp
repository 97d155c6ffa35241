#include "storage/sql/sql_repositories.h"

#include "storage/sql/sql_attachment_repository.h"
#include "storage/sql/sql_channel_repository.h"
#include "storage/sql/sql_chat_repository.h"
#include "storage/sql/sql_console_repository.h"
#include "storage/sql/sql_employee_repositories.h"
#include "storage/sql/sql_finance_repository.h"
#include "storage/sql/sql_identity_repositories.h"
#include "storage/sql/sql_integration_repositories.h"
#include "storage/sql/sql_support_admin_repository.h"
#include "storage/sql/sql_ticket_repository.h"
#include "storage/sql/sql_webhook_repository.h"

namespace textura::storage {

struct SqlRepositories::Impl {
  explicit Impl(Connection& conn)
      : accounts(conn),
        users(conn),
        sessions(conn),
        tickets(conn),
        attachments(conn),
        audit(conn),
        support_admin(conn),
        employees(conn),
        knowledge(conn),
        chats(conn),
        ledger(conn),
        console(conn),
        channels(conn),
        finance(conn),
        api_keys(conn),
        webhooks(conn) {}
  SqlAccountRepository accounts;
  SqlUserRepository users;
  SqlSessionRepository sessions;
  SqlTicketRepository tickets;
  SqlAttachmentRepository attachments;
  SqlAuditRepository audit;
  SqlSupportAdminRepository support_admin;
  SqlEmployeeRepository employees;
  SqlKnowledgeRepository knowledge;
  SqlChatRepository chats;
  SqlLedgerRepository ledger;
  SqlConsoleRepository console;
  SqlChannelRepository channels;
  SqlFinanceRepository finance;
  SqlApiKeyRepository api_keys;
  SqlWebhookRepository webhooks;
};

SqlRepositories::SqlRepositories(Connection& conn) : impl_(std::make_unique<Impl>(conn)) {}
SqlRepositories::~SqlRepositories() = default;

core::AccountRepository& SqlRepositories::accounts() {
  return impl_->accounts;
}
core::UserRepository& SqlRepositories::users() {
  return impl_->users;
}
core::SessionRepository& SqlRepositories::sessions() {
  return impl_->sessions;
}
core::TicketRepository& SqlRepositories::tickets() {
  return impl_->tickets;
}
core::AttachmentRepository& SqlRepositories::attachments() {
  return impl_->attachments;
}
core::ConsoleRepository& SqlRepositories::console() {
  return impl_->console;
}
core::ChannelRepository& SqlRepositories::channels() {
  return impl_->channels;
}
core::FinanceRepository& SqlRepositories::finance() {
  return impl_->finance;
}
core::ApiKeyRepository& SqlRepositories::api_keys() {
  return impl_->api_keys;
}
core::WebhookRepository& SqlRepositories::webhooks() {
  return impl_->webhooks;
}

core::AuditRepository& SqlRepositories::audit() {
  return impl_->audit;
}
core::SupportAdminRepository& SqlRepositories::support_admin() {
  return impl_->support_admin;
}
core::EmployeeRepository& SqlRepositories::employees() {
  return impl_->employees;
}
core::KnowledgeRepository& SqlRepositories::knowledge() {
  return impl_->knowledge;
}
core::ChatRepository& SqlRepositories::chats() {
  return impl_->chats;
}
core::LedgerRepository& SqlRepositories::ledger() {
  return impl_->ledger;
}

}  // namespace textura::storage
