#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/ai/chat.h"
#include "core/ai/employee.h"
#include "core/ai/retrieval.h"

namespace textura::core {

// AI employees. Views (Find, List) fill knowledge_count and words_this_month (words
// charged since `month_start`).
class EmployeeRepository {
 public:
  virtual ~EmployeeRepository() = default;
  // Fills in employee.id.
  virtual Employee Insert(Employee employee) = 0;
  // Deleted employees too (deleted_at set): their chats still name them.
  virtual std::optional<Employee> Find(EmployeeId id, Time month_start) = 0;
  // Saves every editable field, status and deleted_at.
  virtual void Update(const Employee& employee) = 0;
  // The account's employees that are not deleted, by name (then id).
  virtual std::vector<Employee> List(AccountId account, Time month_start) = 0;
};

struct KnowledgeCursor {
  KnowledgeId after_id = 0;
};

// An employee's knowledge: items as written, and the passages retrieval searches (a
// Q&A pair is one passage; a document is split by SplitPassages at write time).
class KnowledgeRepository {
 public:
  virtual ~KnowledgeRepository() = default;
  // Fills in item.id; `passages` are the document's passages (ignored for Q&A).
  virtual KnowledgeItem Insert(KnowledgeItem item, const std::vector<std::string>& passages) = 0;
  virtual std::optional<KnowledgeItem> Find(KnowledgeId id) = 0;
  // Saves the item's fields and replaces its passages.
  virtual void Update(const KnowledgeItem& item, const std::vector<std::string>& passages) = 0;
  virtual void Delete(KnowledgeId id) = 0;
  // Oldest first, ids after `after_id`; `limit` rows at most.
  virtual std::vector<KnowledgeItem> List(EmployeeId employee, KnowledgeId after_id, int limit) = 0;
  virtual int Count(EmployeeId employee) = 0;
  // Passages of the employee's knowledge matching any of `terms` (RecallPrefix
  // applied), best first by the database's full-text rank (score = that rank, higher
  // is better, comparable within one search only); `limit` at most.
  virtual std::vector<KnowledgePassage> Search(EmployeeId employee,
                                               const std::vector<std::string>& terms,
                                               int limit) = 0;
};

struct ChatCursor {
  Time last_message_at{};
  ChatId id = 0;
};

struct ChatQuery {
  std::optional<AccountId> account_id;  // customers: always their own
  std::optional<EmployeeId> employee_id;
  std::optional<std::string> source;
  std::optional<Time> from;  // last_message_at ≥ from
  std::optional<Time> to;    // last_message_at < to
  std::optional<bool> needs_human;
  std::string folded_search;  // FoldCase'd substring of any message's text
  std::optional<ChatCursor> after;
  int limit = 20;
};

class ChatRepository {
 public:
  virtual ~ChatRepository() = default;
  // Fills in chat.id.
  virtual Chat Insert(Chat chat) = 0;
  virtual std::optional<Chat> Find(ChatId id) = 0;
  // Saves status, needs_human, handoff_reason, counts, activity and balance_notice.
  virtual void Update(const Chat& chat) = 0;
  // Most recent activity first; `limit + 1` rows at most.
  virtual std::vector<Chat> List(const ChatQuery& query) = 0;

  // Fills in message.id; stores its passages.
  virtual ChatMessage InsertMessage(ChatMessage message) = 0;
  virtual std::optional<ChatMessage> FindMessage(ChatMessageId id) = 0;
  // Oldest first, ids after `after_id`.
  virtual std::vector<ChatMessage> Messages(ChatId chat, ChatMessageId after_id, int limit) = 0;
  // The last `count` messages, oldest first (without passages).
  virtual std::vector<ChatMessage> Recent(ChatId chat, int count) = 0;
  // Client messages written at or after `since`.
  virtual int ClientMessagesSince(ChatId chat, Time since) = 0;
};

struct LedgerTotals {
  std::int64_t balance_minor = 0;
  std::int64_t words_since = 0;        // charged words since the given time
  std::int64_t spent_since_minor = 0;  // charges since the given time (positive)
};

// The append-only ledger: charges and top-ups; the balance is their sum.
class LedgerRepository {
 public:
  virtual ~LedgerRepository() = default;
  // Fills in entry.id.
  virtual LedgerEntry Append(LedgerEntry entry) = 0;
  virtual std::int64_t Balance(AccountId account) = 0;
  virtual LedgerTotals Totals(AccountId account, Time since) = 0;
  // Newest first, ids before `before_id` (0: from the newest); `limit` rows at most.
  virtual std::vector<LedgerEntry> List(AccountId account, LedgerEntryId before_id, int limit) = 0;
};

}  // namespace textura::core
