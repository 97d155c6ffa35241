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
  // The support team's side (rendered for staff only).
  std::optional<UserId> assignee_id;
  std::string assignee_name;
  int note_count = 0;
};

// The support team's queue: reply due time first (soonest, so overdue tickets lead),
// then tickets owing nothing by most recent activity. Keyset position in that order.
struct QueueCursor {
  std::optional<Time> reply_due_at;  // nullopt: the cursor is past every due ticket
  Time last_message_at{};
  TicketId id = 0;
};

struct QueueQuery {
  std::optional<support::TicketStatus> status;  // nullopt = all
  bool needs_reply = false;                     // the team owes a reply
  std::optional<Time> due_before;               // reply_due_at < this (overdue, due today)
  std::optional<support::RequestType> category;
  std::optional<AccountId> account_id;
  enum class Assignee { kAny, kUser, kNone };
  Assignee assignee = Assignee::kAny;
  UserId assignee_id = 0;     // for kUser
  std::string folded_search;  // FoldCase'd substring of the title or any message's text
  std::optional<QueueCursor> after;
  int limit = 20;
};

struct QueueCounts {
  int needs_reply = 0;
  int overdue = 0;
  int due_today = 0;
  int mine = 0;
  int unassigned = 0;  // of those needing a reply
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
  // The queue for staff reader `reader` (unread counts are theirs); `limit + 1` rows.
  virtual std::vector<TicketView> Queue(const QueueQuery& query, UserId reader) = 0;
  // Counts over tickets the team owes a reply: overdue = due before `now`, due_today =
  // due before `end_of_today`, mine = assigned to `me`, unassigned = nobody's.
  virtual QueueCounts CountQueue(UserId me, Time now, Time end_of_today) = 0;
  virtual void SetAssignee(TicketId ticket, std::optional<UserId> assignee) = 0;
  // The account's most recent tickets (by activity), at most `limit`.
  virtual std::vector<TicketView> RecentOfAccount(AccountId account, UserId reader, int limit) = 0;
  // Which of `ids` exist (within `account` when set): for linking #123 references.
  virtual std::vector<TicketId> Existing(std::span<const TicketId> ids,
                                         std::optional<AccountId> account) = 0;
};

}  // namespace textura::core
