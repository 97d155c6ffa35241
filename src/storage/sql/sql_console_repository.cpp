#include "storage/sql/sql_console_repository.h"

#include <string>

#include "storage/sql/row_mapping.h"

namespace textura::storage {

using core::support::CannedReply;
using core::support::HistoryEntry;
using core::support::Note;

namespace {

constexpr std::string_view kInsertNote =
    "INSERT INTO ticket_notes (ticket_id, author_id, body, created_at) VALUES ($1, $2, $3, $4)"
    " RETURNING id";
constexpr std::string_view kCountNote =
    "UPDATE tickets SET note_count = note_count + 1 WHERE id = $1";
#define TEXTURA_NOTE_SELECT                                             \
  "SELECT n.id, n.ticket_id, n.author_id, u.name, n.body, n.created_at" \
  " FROM ticket_notes n JOIN users u ON u.id = n.author_id"
constexpr std::string_view kFindNote = TEXTURA_NOTE_SELECT " WHERE n.id = $1";
constexpr std::string_view kNotes =
    TEXTURA_NOTE_SELECT " WHERE n.ticket_id = $1 ORDER BY n.id LIMIT $2";

// A repeated breach entry (same ticket and due instant) inserts nothing.
constexpr std::string_view kInsertHistory =
    "INSERT INTO ticket_history (ticket_id, kind, actor_id, details, created_at, breach_due_at)"
    " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (ticket_id, breach_due_at) DO NOTHING"
    " RETURNING id";
constexpr std::string_view kHistory =
    "SELECT h.id, h.ticket_id, h.kind, h.actor_id, u.name, h.details, h.created_at,"
    " h.breach_due_at FROM ticket_history h LEFT JOIN users u ON u.id = h.actor_id"
    " WHERE h.ticket_id = $1 ORDER BY h.id LIMIT $2";
constexpr std::string_view kUnrecordedBreaches =
    "SELECT t.id, t.account_id, t.reply_due_at FROM tickets t"
    " WHERE t.awaiting = 'team' AND t.reply_due_at < $1 AND NOT EXISTS"
    " (SELECT 1 FROM ticket_history h WHERE h.ticket_id = t.id"
    " AND h.breach_due_at = t.reply_due_at)"
    " ORDER BY t.reply_due_at, t.id LIMIT $2";

#define TEXTURA_CANNED_SELECT                                                             \
  "SELECT c.id, c.owner_id, u.name, c.title, c.body, c.shortcut, c.shared, c.created_at," \
  " c.updated_at FROM canned_replies c JOIN users u ON u.id = c.owner_id"
constexpr std::string_view kInsertCanned =
    "INSERT INTO canned_replies (owner_id, title, body, shortcut, shared, created_at, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr std::string_view kFindCanned = TEXTURA_CANNED_SELECT " WHERE c.id = $1";
constexpr std::string_view kUpdateCanned =
    "UPDATE canned_replies SET title = $2, body = $3, shortcut = $4, shared = $5,"
    " updated_at = $6 WHERE id = $1";
constexpr std::string_view kDeleteCanned = "DELETE FROM canned_replies WHERE id = $1";
constexpr std::string_view kCannedFor =
    TEXTURA_CANNED_SELECT " WHERE c.owner_id = $1 OR c.shared = 1 ORDER BY c.title, c.id";

#define TEXTURA_USER_FIELDS "u.id, u.account_id, u.email, u.name, u.role, u.created_at"
constexpr std::string_view kAgents =
    "SELECT " TEXTURA_USER_FIELDS
    ", COALESCE(s.on_shift, 0),"
    " (SELECT COUNT(*) FROM tickets t WHERE t.assignee_id = u.id AND t.status = 'on_customer')"
    " FROM users u LEFT JOIN agent_shifts s ON s.user_id = u.id"
    " WHERE u.role IN ('staff', 'admin') AND u.active = 1 ORDER BY u.name, u.id";
constexpr std::string_view kSetOnShift =
    "INSERT INTO agent_shifts (user_id, on_shift) VALUES ($1, $2)"
    " ON CONFLICT (user_id) DO UPDATE SET on_shift = excluded.on_shift";
constexpr std::string_view kNextOnShift =
    "SELECT " TEXTURA_USER_FIELDS
    " FROM agent_shifts s JOIN users u ON u.id = s.user_id"
    " WHERE s.on_shift = 1 AND u.role IN ('staff', 'admin') AND u.active = 1"
    " ORDER BY COALESCE(s.last_auto_assigned_at, 0), u.id LIMIT 1";
constexpr std::string_view kMarkAutoAssigned =
    "UPDATE agent_shifts SET last_auto_assigned_at = $2 WHERE user_id = $1";
constexpr std::string_view kAccountUsers =
    "SELECT " TEXTURA_USER_FIELDS " FROM users u WHERE u.account_id = $1 ORDER BY u.name, u.id";

constexpr std::string_view kSetting = "SELECT value FROM console_settings WHERE name = $1";
// SQLite has one writer at a time already; PostgreSQL locks the row.
constexpr std::string_view kSettingForUpdate =
    "SELECT value FROM console_settings WHERE name = $1 FOR UPDATE";
constexpr std::string_view kPutSetting =
    "INSERT INTO console_settings (name, value) VALUES ($1, $2)"
    " ON CONFLICT (name) DO UPDATE SET value = excluded.value";

Note NoteFrom(const Row& r) {
  Note n;
  n.id = r.Int(0);
  n.ticket_id = r.Int(1);
  n.author_id = r.Int(2);
  n.author_name = TextAt(r, 3);
  n.body = TextAt(r, 4);
  n.created_at = TimeAt(r, 5);
  return n;
}

HistoryEntry HistoryFrom(const Row& r) {
  HistoryEntry h;
  h.id = r.Int(0);
  h.ticket_id = r.Int(1);
  h.kind =
      core::support::ParseHistoryKind(r.Text(2)).value_or(core::support::HistoryKind::kCreated);
  h.actor_id = OptionalIntAt(r, 3);
  if (!r.IsNull(4)) h.actor_name = TextAt(r, 4);
  h.details = core::support::DecodeHistoryDetails(r.Text(5));
  h.created_at = TimeAt(r, 6);
  h.breach_due_at = OptionalTimeAt(r, 7);
  return h;
}

CannedReply CannedFrom(const Row& r) {
  CannedReply c;
  c.id = r.Int(0);
  c.owner_id = r.Int(1);
  c.owner_name = TextAt(r, 2);
  c.title = TextAt(r, 3);
  c.body = TextAt(r, 4);
  if (!r.IsNull(5)) c.shortcut = TextAt(r, 5);
  c.shared = r.Int(6) != 0;
  c.created_at = TimeAt(r, 7);
  c.updated_at = TimeAt(r, 8);
  return c;
}

// Identity fields only: the console never needs password hashes.
core::User UserFrom(const Row& r) {
  core::User u;
  u.id = r.Int(0);
  u.account_id = OptionalIntAt(r, 1);
  u.email = TextAt(r, 2);
  u.name = TextAt(r, 3);
  u.role = core::ParseRole(r.Text(4)).value_or(core::Role::kCustomer);
  u.created_at = TimeAt(r, 5);
  return u;
}

core::Error ShortcutTaken() {
  return {core::ErrorCode::kConflict, "You already have a canned reply with this shortcut.",
          "shortcut", 0};
}

}  // namespace

Note SqlConsoleRepository::InsertNote(Note n) {
  conn_.Run(kInsertNote, {n.ticket_id, n.author_id, n.body, Micros(n.created_at)},
            [&](const Row& r) { n.id = r.Int(0); });
  conn_.Run(kCountNote, {n.ticket_id});
  return n;
}

std::optional<Note> SqlConsoleRepository::FindNote(core::NoteId id) {
  std::optional<Note> out;
  conn_.Run(kFindNote, {id}, [&](const Row& r) { out = NoteFrom(r); });
  return out;
}

std::vector<Note> SqlConsoleRepository::Notes(core::TicketId ticket, int limit) {
  std::vector<Note> out;
  conn_.Run(kNotes, {ticket, static_cast<std::int64_t>(limit)},
            [&](const Row& r) { out.push_back(NoteFrom(r)); });
  return out;
}

std::optional<HistoryEntry> SqlConsoleRepository::InsertHistory(HistoryEntry h) {
  const std::string details = core::support::EncodeHistoryDetails(h.details);
  bool inserted = false;
  conn_.Run(kInsertHistory,
            {h.ticket_id, core::support::ToString(h.kind), Nullable(h.actor_id), details,
             Micros(h.created_at),
             h.breach_due_at ? SqlValue(Micros(*h.breach_due_at)) : SqlValue(kNull)},
            [&](const Row& r) {
              h.id = r.Int(0);
              inserted = true;
            });
  if (!inserted) return std::nullopt;
  return h;
}

std::vector<HistoryEntry> SqlConsoleRepository::History(core::TicketId ticket, int limit) {
  std::vector<HistoryEntry> out;
  conn_.Run(kHistory, {ticket, static_cast<std::int64_t>(limit)},
            [&](const Row& r) { out.push_back(HistoryFrom(r)); });
  return out;
}

std::vector<core::DueTicket> SqlConsoleRepository::UnrecordedBreaches(core::Time now, int limit) {
  std::vector<core::DueTicket> out;
  conn_.Run(kUnrecordedBreaches, {Micros(now), static_cast<std::int64_t>(limit)},
            [&](const Row& r) {
              out.push_back({r.Int(0), r.Int(1), TimeAt(r, 2)});
            });
  return out;
}

core::Result<CannedReply> SqlConsoleRepository::InsertCanned(CannedReply c) {
  try {
    conn_.Run(
        kInsertCanned,
        {c.owner_id, c.title, c.body, Nullable(c.shortcut),
         static_cast<std::int64_t>(c.shared ? 1 : 0), Micros(c.created_at), Micros(c.updated_at)},
        [&](const Row& r) { c.id = r.Int(0); });
  } catch (const SqlError& e) {
    if (e.kind() != SqlError::Kind::kUniqueViolation) throw;
    return ShortcutTaken();
  }
  return c;
}

std::optional<CannedReply> SqlConsoleRepository::FindCanned(core::CannedReplyId id) {
  std::optional<CannedReply> out;
  conn_.Run(kFindCanned, {id}, [&](const Row& r) { out = CannedFrom(r); });
  return out;
}

core::Status SqlConsoleRepository::UpdateCanned(const CannedReply& c) {
  try {
    conn_.Run(kUpdateCanned, {c.id, c.title, c.body, Nullable(c.shortcut),
                              static_cast<std::int64_t>(c.shared ? 1 : 0), Micros(c.updated_at)});
  } catch (const SqlError& e) {
    if (e.kind() != SqlError::Kind::kUniqueViolation) throw;
    return ShortcutTaken();
  }
  return core::OkStatus();
}

void SqlConsoleRepository::DeleteCanned(core::CannedReplyId id) {
  conn_.Run(kDeleteCanned, {id});
}

std::vector<CannedReply> SqlConsoleRepository::CannedFor(core::UserId owner) {
  std::vector<CannedReply> out;
  conn_.Run(kCannedFor, {owner}, [&](const Row& r) { out.push_back(CannedFrom(r)); });
  return out;
}

std::vector<core::Agent> SqlConsoleRepository::Agents() {
  std::vector<core::Agent> out;
  conn_.Run(kAgents, {}, [&](const Row& r) {
    out.push_back({UserFrom(r), r.Int(6) != 0, static_cast<int>(r.Int(7))});
  });
  return out;
}

void SqlConsoleRepository::SetOnShift(core::UserId user, bool on_shift) {
  conn_.Run(kSetOnShift, {user, static_cast<std::int64_t>(on_shift ? 1 : 0)});
}

std::optional<core::User> SqlConsoleRepository::NextOnShift() {
  std::optional<core::User> out;
  conn_.Run(kNextOnShift, {}, [&](const Row& r) { out = UserFrom(r); });
  return out;
}

void SqlConsoleRepository::MarkAutoAssigned(core::UserId user, core::Time at) {
  conn_.Run(kMarkAutoAssigned, {user, Micros(at)});
}

std::vector<core::User> SqlConsoleRepository::AccountUsers(core::AccountId account) {
  std::vector<core::User> out;
  conn_.Run(kAccountUsers, {account}, [&](const Row& r) { out.push_back(UserFrom(r)); });
  return out;
}

std::optional<std::string> SqlConsoleRepository::Setting(std::string_view name) {
  std::optional<std::string> out;
  conn_.Run(kSetting, {name}, [&](const Row& r) { out = TextAt(r, 0); });
  return out;
}

std::optional<std::string> SqlConsoleRepository::SettingForUpdate(std::string_view name) {
  if (conn_.dialect() == Dialect::kSqlite) return Setting(name);
  std::optional<std::string> out;
  conn_.Run(kSettingForUpdate, {name}, [&](const Row& r) { out = TextAt(r, 0); });
  return out;
}

void SqlConsoleRepository::PutSetting(std::string_view name, std::string_view value) {
  conn_.Run(kPutSetting, {name, value});
}

}  // namespace textura::storage
