#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/support/ticket.h"

namespace textura::core {

// A ticket as one reader sees it: with the reader's unread count and the account name.
struct TicketView {
  support::Ticket ticket;
  std::string account_name;
  int unread_count = 0;
};

// Keyset pagination: "most recent activity first", stable while tickets are added.
struct TicketCursor {
  Time last_message_at{};
  TicketId id = 0;
};

struct TicketQuery {
  std::optional<AccountId> account_id;          // customers: always their own
  std::optional<support::TicketStatus> status;  // nullopt = all
  std::optional<support::Side> awaiting;
  std::optional<support::RequestType> category;
  std::string folded_search;  // FoldCase'd substring of the title
  std::optional<TicketCursor> after;
  int limit = 20;
};

struct TicketCounts {
  int on_customer = 0;
  int done = 0;
};

// Unread messages are the other side's messages the reader has not seen: the
// repository remembers, per user and ticket, how many of each side's messages the
// user had seen when they last read it.
class TicketRepository {
 public:
  virtual ~TicketRepository() = default;
  // Fills in ticket.id.
  virtual support::Ticket Insert(support::Ticket ticket) = 0;
  virtual std::optional<support::Ticket> Find(TicketId id) = 0;
  // Saves status, counts, activity times, awaiting and the due time.
  virtual void Update(const support::Ticket& ticket) = 0;
  virtual std::optional<TicketView> View(TicketId id, UserId reader, support::Side reader_side) = 0;
  // `limit + 1` rows at most, so the caller can tell whether another page exists.
  virtual std::vector<TicketView> List(const TicketQuery& query, UserId reader,
                                       support::Side reader_side) = 0;

  virtual support::SupportMessage InsertMessage(support::SupportMessage message) = 0;
  virtual std::optional<support::SupportMessage> FindMessage(MessageId id) = 0;
  virtual std::vector<support::SupportMessage> Messages(TicketId ticket, MessageId after_id,
                                                        int limit) = 0;

  // Marks everything currently in the ticket as seen by `reader`.
  virtual void MarkRead(UserId reader, const support::Ticket& ticket) = 0;
  // Unread messages summed over the account's tickets (customers, `account` set), or
  // over open tickets awaiting the team (staff, `account` nullopt).
  virtual int UnreadTotal(UserId reader, support::Side reader_side,
                          std::optional<AccountId> account) = 0;
  virtual TicketCounts Counts(std::optional<AccountId> account) = 0;
  // Which of `ids` exist (within `account` when set): for linking #123 references.
  virtual std::vector<TicketId> Existing(std::span<const TicketId> ids,
                                         std::optional<AccountId> account) = 0;
};

}  // namespace textura::core
