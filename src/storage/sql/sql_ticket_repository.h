#pragma once

#include "core/ports/ticket_repository.h"
#include "storage/connection.h"

namespace textura::storage {

class SqlTicketRepository final : public core::TicketRepository {
 public:
  explicit SqlTicketRepository(Connection& conn) : conn_(conn) {}

  core::support::Ticket Insert(core::support::Ticket ticket) override;
  std::optional<core::support::Ticket> Find(core::TicketId id) override;
  void Update(const core::support::Ticket& ticket) override;
  std::optional<core::TicketView> View(core::TicketId id, core::UserId reader,
                                       core::support::Side reader_side) override;
  std::vector<core::TicketView> List(const core::TicketQuery& query, core::UserId reader,
                                     core::support::Side reader_side) override;

  core::support::SupportMessage InsertMessage(core::support::SupportMessage message) override;
  std::optional<core::support::SupportMessage> FindMessage(core::MessageId id) override;
  std::vector<core::support::SupportMessage> Messages(core::TicketId ticket,
                                                      core::MessageId after_id, int limit) override;

  void MarkRead(core::UserId reader, const core::support::Ticket& ticket) override;
  int UnreadTotal(core::UserId reader, core::support::Side reader_side,
                  std::optional<core::AccountId> account) override;
  core::TicketCounts Counts(std::optional<core::AccountId> account) override;
  std::vector<core::TicketView> Queue(const core::QueueQuery& query, core::UserId reader) override;
  core::QueueCounts CountQueue(core::UserId me, core::Time now, core::Time end_of_today) override;
  void SetAssignee(core::TicketId ticket, std::optional<core::UserId> assignee) override;
  std::vector<core::TicketView> RecentOfAccount(core::AccountId account, core::UserId reader,
                                                int limit) override;
  std::vector<core::TicketId> Existing(std::span<const core::TicketId> ids,
                                       std::optional<core::AccountId> account) override;

 private:
  Connection& conn_;
};

}  // namespace textura::storage
