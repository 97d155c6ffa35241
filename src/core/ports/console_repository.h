#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/support/canned_reply.h"
#include "core/support/console.h"
#include "core/user.h"

namespace textura::core {

// A staff user as the console lists them.
struct Agent {
  User user;
  bool on_shift = false;
  int open_assigned = 0;  // open tickets assigned to them
};

// A ticket whose reply came due without the team replying.
struct DueTicket {
  TicketId id = 0;
  AccountId account_id = 0;
  Time reply_due_at{};
};

// The support console's storage: internal notes, ticket history, canned replies,
// agents' shifts and round-robin state, and the console's settings.
class ConsoleRepository {
 public:
  virtual ~ConsoleRepository() = default;

  // Inserts the note (fills in id) and counts it in its ticket's note_count.
  virtual support::Note InsertNote(support::Note note) = 0;
  virtual std::optional<support::Note> FindNote(NoteId id) = 0;
  // Oldest first, at most `limit`.
  virtual std::vector<support::Note> Notes(TicketId ticket, int limit) = 0;

  // Fills in id. Returns nullopt (and inserts nothing) when the entry is an
  // sla_breached one already recorded for the same ticket and due instant.
  virtual std::optional<support::HistoryEntry> InsertHistory(support::HistoryEntry entry) = 0;
  // Oldest first, at most `limit`.
  virtual std::vector<support::HistoryEntry> History(TicketId ticket, int limit) = 0;
  // Tickets the team owes a reply due before `now` with no sla_breached entry for
  // that due instant yet; oldest due first, at most `limit`.
  virtual std::vector<DueTicket> UnrecordedBreaches(Time now, int limit) = 0;

  // kConflict when the owner already has a reply with that shortcut.
  virtual Result<support::CannedReply> InsertCanned(support::CannedReply reply) = 0;
  virtual std::optional<support::CannedReply> FindCanned(CannedReplyId id) = 0;
  // Saves title, body, shortcut, shared and updated_at; kConflict as for Insert.
  virtual Status UpdateCanned(const support::CannedReply& reply) = 0;
  virtual void DeleteCanned(CannedReplyId id) = 0;
  // `owner`'s own and everyone's shared ones, by title (then id).
  virtual std::vector<support::CannedReply> CannedFor(UserId owner) = 0;

  // Active staff and admin users, by name (deactivated ones are not in the team).
  virtual std::vector<Agent> Agents() = 0;
  virtual void SetOnShift(UserId user, bool on_shift) = 0;
  // The active on-shift staff user whose last auto-assignment is oldest (never first).
  virtual std::optional<User> NextOnShift() = 0;
  virtual void MarkAutoAssigned(UserId user, Time at) = 0;

  // The customers of an account, by name.
  virtual std::vector<User> AccountUsers(AccountId account) = 0;

  virtual std::optional<std::string> Setting(std::string_view name) = 0;
  // The same inside a write, locking the setting until the write commits, so that
  // writers reading it (auto-assignment on several instances) go one at a time.
  virtual std::optional<std::string> SettingForUpdate(std::string_view name) = 0;
  virtual void PutSetting(std::string_view name, std::string_view value) = 0;
};

}  // namespace textura::core
