#include "storage/sql/repositories.h"

#include "storage/sql/attachment_repository.h"
#include "storage/sql/console_repository.h"
#include "storage/sql/identity_repositories.h"
#include "storage/sql/ticket_repository.h"

namespace textura::storage {

struct SqlRepositories::Impl {
  explicit Impl(Connection& conn)
      : accounts(conn),
        users(conn),
        sessions(conn),
        tickets(conn),
        attachments(conn),
        console(conn) {}
  SqlAccountRepository accounts;
  SqlUserRepository users;
  SqlSessionRepository sessions;
  SqlTicketRepository tickets;
  SqlAttachmentRepository attachments;
  SqlConsoleRepository console;
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

}  // namespace textura::storage
