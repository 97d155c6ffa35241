#include "storage/sql/sql_ticket_repository.h"

#include <string>

#include "core/validation.h"
#include "storage/sql/row_mapping.h"

namespace textura::storage {

using core::support::Side;
using core::support::Ticket;
using core::support::TicketStatus;

namespace {

// The ticket's columns, in the order TicketFrom reads them.
#define TEXTURA_TICKET_COLUMNS                                                                   \
  "t.id, t.account_id, t.created_by, t.title, t.status, t.category, t.employee_id, t.chat_url, " \
  "t.follow_up_of, t.created_at, t.updated_at, t.closed_at, t.last_message_at, "                 \
  "t.message_count, t.customer_messages, t.team_messages, t.awaiting, t.awaiting_since, "        \
  "t.reply_due_at"
constexpr int kTicketColumns = 19;

// A view adds the account name, what the reader has seen of each side and, for
// staff, the assignee and the number of internal notes.
#define TEXTURA_VIEW_COLUMNS                                          \
  TEXTURA_TICKET_COLUMNS                                              \
  ", a.name, COALESCE(r.seen_customer, 0), COALESCE(r.seen_team, 0)," \
  " t.assignee_id, asg.name, t.note_count"
#define TEXTURA_VIEW_FROM                                              \
  " FROM tickets t JOIN accounts a ON a.id = t.account_id"             \
  " LEFT JOIN ticket_reads r ON r.ticket_id = t.id AND r.user_id = $1" \
  " LEFT JOIN users asg ON asg.id = t.assignee_id"

constexpr std::string_view kInsert =
    "INSERT INTO tickets (account_id, created_by, title, title_folded, status, category,"
    " employee_id, chat_url, follow_up_of, created_at, updated_at, closed_at, last_message_at,"
    " message_count, customer_messages, team_messages, awaiting, awaiting_since, reply_due_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,"
    " $19) RETURNING id";
constexpr std::string_view kInsertFts =
    "INSERT INTO tickets_fts (rowid, title_folded) VALUES ($1, $2)";
constexpr std::string_view kFind =
    "SELECT " TEXTURA_TICKET_COLUMNS " FROM tickets t WHERE t.id = $1";
constexpr std::string_view kUpdate =
    "UPDATE tickets SET status = $2, updated_at = $3, closed_at = $4, last_message_at = $5,"
    " message_count = $6, customer_messages = $7, team_messages = $8, awaiting = $9,"
    " awaiting_since = $10, reply_due_at = $11 WHERE id = $1";
constexpr std::string_view kView =
    "SELECT " TEXTURA_VIEW_COLUMNS TEXTURA_VIEW_FROM " WHERE t.id = $2";

constexpr std::string_view kInsertMessage =
    "INSERT INTO ticket_messages (ticket_id, author_id, side, body, body_folded, created_at)"
    " VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
constexpr std::string_view kInsertMessageFts =
    "INSERT INTO ticket_messages_fts (rowid, body_folded) VALUES ($1, $2)";
constexpr std::string_view kSetAssignee = "UPDATE tickets SET assignee_id = $2 WHERE id = $1";
constexpr std::string_view kRecentOfAccount =
    "SELECT " TEXTURA_VIEW_COLUMNS TEXTURA_VIEW_FROM
    " WHERE t.account_id = $2 ORDER BY t.last_message_at DESC, t.id DESC LIMIT $3";
constexpr std::string_view kCountQueue =
    "SELECT COUNT(*),"
    " COALESCE(SUM(CASE WHEN reply_due_at < $2 THEN 1 ELSE 0 END), 0),"
    " COALESCE(SUM(CASE WHEN reply_due_at < $3 THEN 1 ELSE 0 END), 0),"
    " COALESCE(SUM(CASE WHEN assignee_id = $1 THEN 1 ELSE 0 END), 0),"
    " COALESCE(SUM(CASE WHEN assignee_id IS NULL THEN 1 ELSE 0 END), 0)"
    " FROM tickets WHERE awaiting = 'team'";
#define TEXTURA_MESSAGE_SELECT                                                  \
  "SELECT m.id, m.ticket_id, m.author_id, u.name, m.side, m.body, m.created_at" \
  " FROM ticket_messages m JOIN users u ON u.id = m.author_id"
constexpr std::string_view kFindMessage = TEXTURA_MESSAGE_SELECT " WHERE m.id = $1";
constexpr std::string_view kMessages =
    TEXTURA_MESSAGE_SELECT " WHERE m.ticket_id = $1 AND m.id > $2 ORDER BY m.id LIMIT $3";

constexpr std::string_view kMarkRead =
    "INSERT INTO ticket_reads (user_id, ticket_id, seen_customer, seen_team)"
    " VALUES ($1, $2, $3, $4) ON CONFLICT (user_id, ticket_id)"
    " DO UPDATE SET seen_customer = excluded.seen_customer, seen_team = excluded.seen_team";
constexpr std::string_view kUnreadCustomer =
    "SELECT COALESCE(SUM(t.team_messages - COALESCE(r.seen_team, 0)), 0)"
    " FROM tickets t LEFT JOIN ticket_reads r ON r.ticket_id = t.id AND r.user_id = $1"
    " WHERE t.account_id = $2";
constexpr std::string_view kUnreadStaff =
    "SELECT COALESCE(SUM(t.customer_messages - COALESCE(r.seen_customer, 0)), 0)"
    " FROM tickets t LEFT JOIN ticket_reads r ON r.ticket_id = t.id AND r.user_id = $1"
    " WHERE t.awaiting = 'team'";
constexpr std::string_view kCountsAccount =
    "SELECT status, COUNT(*) FROM tickets WHERE account_id = $1 GROUP BY status";
constexpr std::string_view kCountsAll = "SELECT status, COUNT(*) FROM tickets GROUP BY status";
constexpr std::string_view kExists = "SELECT account_id FROM tickets WHERE id = $1";

// Trigram search needs three characters; shorter needles scan (within the filters).
constexpr std::size_t kMinTrigramChars = 3;

Ticket TicketFrom(const Row& r) {
  Ticket t;
  t.id = r.Int(0);
  t.account_id = r.Int(1);
  t.created_by = r.Int(2);
  t.title = TextAt(r, 3);
  t.status = core::support::ParseTicketStatus(r.Text(4)).value_or(TicketStatus::kOnCustomer);
  t.category =
      core::support::ParseRequestType(r.Text(5)).value_or(core::support::RequestType::kQuestion);
  t.employee_id = OptionalIntAt(r, 6);
  if (!r.IsNull(7)) t.chat_url = TextAt(r, 7);
  t.follow_up_of = OptionalIntAt(r, 8);
  t.created_at = TimeAt(r, 9);
  t.updated_at = TimeAt(r, 10);
  t.closed_at = OptionalTimeAt(r, 11);
  t.last_message_at = TimeAt(r, 12);
  t.message_count = static_cast<int>(r.Int(13));
  t.customer_messages = static_cast<int>(r.Int(14));
  t.team_messages = static_cast<int>(r.Int(15));
  if (!r.IsNull(16)) t.awaiting = core::support::ParseSide(r.Text(16));
  t.awaiting_since = OptionalTimeAt(r, 17);
  t.reply_due_at = OptionalTimeAt(r, 18);
  return t;
}

core::TicketView ViewFrom(const Row& r, Side reader_side) {
  core::TicketView v;
  v.ticket = TicketFrom(r);
  v.account_name = TextAt(r, kTicketColumns);
  const int seen_customer = static_cast<int>(r.Int(kTicketColumns + 1));
  const int seen_team = static_cast<int>(r.Int(kTicketColumns + 2));
  int unread = reader_side == Side::kCustomer ? v.ticket.team_messages - seen_team
                                              : v.ticket.customer_messages - seen_customer;
  // The team reads as a team inbox: once someone on the team has answered (or the
  // ticket is Done) nothing in it is waiting for an agent any more. This keeps each
  // ticket's count consistent with the staff unread_total (tickets awaiting the team).
  if (reader_side == Side::kTeam && v.ticket.awaiting != Side::kTeam) unread = 0;
  v.unread_count = unread > 0 ? unread : 0;
  v.assignee_id = OptionalIntAt(r, kTicketColumns + 3);
  if (!r.IsNull(kTicketColumns + 4)) v.assignee_name = TextAt(r, kTicketColumns + 4);
  v.note_count = static_cast<int>(r.Int(kTicketColumns + 5));
  return v;
}

core::support::SupportMessage MessageFrom(const Row& r) {
  core::support::SupportMessage m;
  m.id = r.Int(0);
  m.ticket_id = r.Int(1);
  m.author_id = r.Int(2);
  m.author_name = TextAt(r, 3);
  m.side = core::support::ParseSide(r.Text(4)).value_or(Side::kCustomer);
  m.body = TextAt(r, 5);
  m.created_at = TimeAt(r, 6);
  return m;
}

SqlValue OptionalTime(const std::optional<core::Time>& t) {
  return t ? SqlValue(Micros(*t)) : SqlValue(kNull);
}

SqlValue OptionalSide(const std::optional<Side>& s) {
  return s ? SqlValue(core::support::ToString(*s)) : SqlValue(kNull);
}

// Escapes LIKE's wildcards so the needle matches literally (ESCAPE '\').
std::string LikePattern(std::string_view needle) {
  std::string out = "%";
  for (char c : needle) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

// An FTS5 phrase matching the needle literally.
std::string FtsPhrase(std::string_view needle) {
  std::string out = "\"";
  for (char c : needle) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace

Ticket SqlTicketRepository::Insert(Ticket t) {
  const std::string folded = core::support::FoldCase(t.title);
  conn_.Run(
      kInsert,
      {t.account_id, t.created_by, t.title, folded, core::support::ToString(t.status),
       core::support::ToString(t.category), Nullable(t.employee_id), Nullable(t.chat_url),
       Nullable(t.follow_up_of), Micros(t.created_at), Micros(t.updated_at),
       OptionalTime(t.closed_at), Micros(t.last_message_at),
       static_cast<std::int64_t>(t.message_count), static_cast<std::int64_t>(t.customer_messages),
       static_cast<std::int64_t>(t.team_messages), OptionalSide(t.awaiting),
       OptionalTime(t.awaiting_since), OptionalTime(t.reply_due_at)},
      [&](const Row& r) { t.id = r.Int(0); });
  if (conn_.dialect() == Dialect::kSqlite) conn_.Run(kInsertFts, {t.id, folded});
  return t;
}

std::optional<Ticket> SqlTicketRepository::Find(core::TicketId id) {
  std::optional<Ticket> out;
  conn_.Run(kFind, {id}, [&](const Row& r) { out = TicketFrom(r); });
  return out;
}

void SqlTicketRepository::Update(const Ticket& t) {
  conn_.Run(
      kUpdate,
      {t.id, core::support::ToString(t.status), Micros(t.updated_at), OptionalTime(t.closed_at),
       Micros(t.last_message_at), static_cast<std::int64_t>(t.message_count),
       static_cast<std::int64_t>(t.customer_messages), static_cast<std::int64_t>(t.team_messages),
       OptionalSide(t.awaiting), OptionalTime(t.awaiting_since), OptionalTime(t.reply_due_at)});
}

std::optional<core::TicketView> SqlTicketRepository::View(core::TicketId id, core::UserId reader,
                                                          Side reader_side) {
  std::optional<core::TicketView> out;
  conn_.Run(kView, {reader, id}, [&](const Row& r) { out = ViewFrom(r, reader_side); });
  return out;
}

std::vector<core::TicketView> SqlTicketRepository::List(const core::TicketQuery& q,
                                                        core::UserId reader, Side reader_side) {
  // Built from constant fragments only (values are parameters), so each filter
  // combination is its own prepared statement with an index to use.
  std::string sql = "SELECT " TEXTURA_VIEW_COLUMNS TEXTURA_VIEW_FROM " WHERE 1 = 1";
  std::vector<SqlValue> args{reader};
  std::string status, awaiting, category, needle;
  auto param = [&](SqlValue v) {
    args.push_back(v);
    return "$" + std::to_string(args.size());
  };
  if (q.account_id) sql += " AND t.account_id = " + param(*q.account_id);
  if (q.status) {
    status = core::support::ToString(*q.status);
    sql += " AND t.status = " + param(std::string_view(status));
  }
  if (q.awaiting) {
    awaiting = core::support::ToString(*q.awaiting);
    sql += " AND t.awaiting = " + param(std::string_view(awaiting));
  }
  if (q.category) {
    category = core::support::ToString(*q.category);
    sql += " AND t.category = " + param(std::string_view(category));
  }
  if (!q.folded_search.empty()) {
    if (conn_.dialect() == Dialect::kPostgres) {
      needle = LikePattern(q.folded_search);
      sql += " AND t.title_folded LIKE " + param(std::string_view(needle)) + " ESCAPE '\\'";
    } else if (core::CodePointCount(q.folded_search) >= kMinTrigramChars && !q.account_id) {
      // Across all accounts the trigram index narrows a million titles to the hits.
      // Within one account (customers) its index already bounds the scan to that
      // account's tickets, which is cheaper than fetching every hit table-wide.
      needle = FtsPhrase(q.folded_search);
      sql += " AND t.id IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH " +
             param(std::string_view(needle)) + ")";
    } else {
      sql += " AND instr(t.title_folded, " + param(std::string_view(q.folded_search)) + ") > 0";
    }
  }
  if (q.after) {
    const std::string at = param(Micros(q.after->last_message_at));
    const std::string id = param(q.after->id);
    sql += " AND (t.last_message_at < " + at + " OR (t.last_message_at = " + at + " AND t.id < " +
           id + "))";
  }
  sql += " ORDER BY t.last_message_at DESC, t.id DESC LIMIT " +
         param(static_cast<std::int64_t>(q.limit + 1));

  std::vector<core::TicketView> out;
  conn_.RunArgs(sql, args, [&](const Row& r) { out.push_back(ViewFrom(r, reader_side)); });
  return out;
}

core::support::SupportMessage SqlTicketRepository::InsertMessage(core::support::SupportMessage m) {
  const std::string folded = core::support::FoldCase(m.body);
  conn_.Run(kInsertMessage,
            {m.ticket_id, m.author_id, core::support::ToString(m.side), m.body, folded,
             Micros(m.created_at)},
            [&](const Row& r) { m.id = r.Int(0); });
  if (conn_.dialect() == Dialect::kSqlite) conn_.Run(kInsertMessageFts, {m.id, folded});
  return m;
}

std::optional<core::support::SupportMessage> SqlTicketRepository::FindMessage(core::MessageId id) {
  std::optional<core::support::SupportMessage> out;
  conn_.Run(kFindMessage, {id}, [&](const Row& r) { out = MessageFrom(r); });
  return out;
}

std::vector<core::support::SupportMessage> SqlTicketRepository::Messages(core::TicketId ticket,
                                                                         core::MessageId after_id,
                                                                         int limit) {
  std::vector<core::support::SupportMessage> out;
  conn_.Run(kMessages, {ticket, after_id, static_cast<std::int64_t>(limit)},
            [&](const Row& r) { out.push_back(MessageFrom(r)); });
  return out;
}

void SqlTicketRepository::MarkRead(core::UserId reader, const Ticket& t) {
  conn_.Run(kMarkRead, {reader, t.id, static_cast<std::int64_t>(t.customer_messages),
                        static_cast<std::int64_t>(t.team_messages)});
}

int SqlTicketRepository::UnreadTotal(core::UserId reader, Side reader_side,
                                     std::optional<core::AccountId> account) {
  std::int64_t total = 0;
  const auto read = [&](const Row& r) { total = r.Int(0); };
  if (reader_side == Side::kCustomer && account) {
    conn_.Run(kUnreadCustomer, {reader, *account}, read);
  } else {
    conn_.Run(kUnreadStaff, {reader}, read);
  }
  return static_cast<int>(total);
}

core::TicketCounts SqlTicketRepository::Counts(std::optional<core::AccountId> account) {
  core::TicketCounts c;
  const auto read = [&](const Row& r) {
    (r.Text(0) == "done" ? c.done : c.on_customer) = static_cast<int>(r.Int(1));
  };
  if (account) {
    conn_.Run(kCountsAccount, {*account}, read);
  } else {
    conn_.Run(kCountsAll, {}, read);
  }
  return c;
}

std::vector<core::TicketId> SqlTicketRepository::Existing(std::span<const core::TicketId> ids,
                                                          std::optional<core::AccountId> account) {
  std::vector<core::TicketId> out;
  for (core::TicketId id : ids) {
    conn_.Run(kExists, {id}, [&](const Row& r) {
      if (!account || r.Int(0) == *account) out.push_back(id);
    });
  }
  return out;
}

std::vector<core::TicketView> SqlTicketRepository::Queue(const core::QueueQuery& q,
                                                         core::UserId reader) {
  // Constant fragments only, as in List.
  std::string sql = "SELECT " TEXTURA_VIEW_COLUMNS TEXTURA_VIEW_FROM " WHERE 1 = 1";
  std::vector<SqlValue> args{reader};
  std::string status, category, pattern;
  auto param = [&](SqlValue v) {
    args.push_back(v);
    return "$" + std::to_string(args.size());
  };
  if (q.status) {
    status = core::support::ToString(*q.status);
    sql += " AND t.status = " + param(std::string_view(status));
  }
  if (q.needs_reply) sql += " AND t.awaiting = 'team'";
  if (q.due_before) sql += " AND t.reply_due_at < " + param(Micros(*q.due_before));
  if (q.category) {
    category = core::support::ToString(*q.category);
    sql += " AND t.category = " + param(std::string_view(category));
  }
  if (q.account_id) sql += " AND t.account_id = " + param(*q.account_id);
  if (q.assignee == core::QueueQuery::Assignee::kUser) {
    sql += " AND t.assignee_id = " + param(q.assignee_id);
  } else if (q.assignee == core::QueueQuery::Assignee::kNone) {
    sql += " AND t.assignee_id IS NULL";
  }
  if (!q.folded_search.empty()) {
    // The title or any message's text (notes are not messages and are not searched).
    if (conn_.dialect() == Dialect::kPostgres) {
      pattern = LikePattern(q.folded_search);
      const std::string p = param(std::string_view(pattern));
      sql += " AND (t.title_folded LIKE " + p +
             " ESCAPE '\\' OR t.id IN (SELECT m.ticket_id FROM ticket_messages m"
             " WHERE m.body_folded LIKE " +
             p + " ESCAPE '\\'))";
    } else if (core::CodePointCount(q.folded_search) >= kMinTrigramChars) {
      pattern = FtsPhrase(q.folded_search);
      const std::string p = param(std::string_view(pattern));
      sql += " AND (t.id IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH " + p +
             ") OR t.id IN (SELECT m.ticket_id FROM ticket_messages m WHERE m.id IN"
             " (SELECT rowid FROM ticket_messages_fts WHERE ticket_messages_fts MATCH " +
             p + ")))";
    } else {
      const std::string p = param(std::string_view(q.folded_search));
      sql += " AND (instr(t.title_folded, " + p +
             ") > 0 OR EXISTS (SELECT 1 FROM ticket_messages m WHERE m.ticket_id = t.id"
             " AND instr(m.body_folded, " +
             p + ") > 0))";
    }
  }
  if (q.after) {
    const std::string at = param(Micros(q.after->last_message_at));
    const std::string id = param(q.after->id);
    const std::string later_activity = "(t.last_message_at < " + at +
                                       " OR (t.last_message_at = " + at + " AND t.id < " + id +
                                       "))";
    if (q.after->reply_due_at) {
      const std::string due = param(Micros(*q.after->reply_due_at));
      sql += " AND (t.reply_due_at IS NULL OR t.reply_due_at > " + due +
             " OR (t.reply_due_at = " + due + " AND " + later_activity + "))";
    } else {
      sql += " AND t.reply_due_at IS NULL AND " + later_activity;
    }
  }
  sql +=
      " ORDER BY CASE WHEN t.reply_due_at IS NULL THEN 1 ELSE 0 END, t.reply_due_at,"
      " t.last_message_at DESC, t.id DESC LIMIT " +
      param(static_cast<std::int64_t>(q.limit + 1));

  std::vector<core::TicketView> out;
  conn_.RunArgs(sql, args, [&](const Row& r) { out.push_back(ViewFrom(r, Side::kTeam)); });
  return out;
}

core::QueueCounts SqlTicketRepository::CountQueue(core::UserId me, core::Time now,
                                                  core::Time end_of_today) {
  core::QueueCounts c;
  conn_.Run(kCountQueue, {me, Micros(now), Micros(end_of_today)}, [&](const Row& r) {
    c.needs_reply = static_cast<int>(r.Int(0));
    c.overdue = static_cast<int>(r.Int(1));
    c.due_today = static_cast<int>(r.Int(2));
    c.mine = static_cast<int>(r.Int(3));
    c.unassigned = static_cast<int>(r.Int(4));
  });
  return c;
}

void SqlTicketRepository::SetAssignee(core::TicketId ticket, std::optional<core::UserId> assignee) {
  conn_.Run(kSetAssignee, {ticket, Nullable(assignee)});
}

std::vector<core::TicketView> SqlTicketRepository::RecentOfAccount(core::AccountId account,
                                                                   core::UserId reader, int limit) {
  std::vector<core::TicketView> out;
  conn_.Run(kRecentOfAccount, {reader, account, static_cast<std::int64_t>(limit)},
            [&](const Row& r) { out.push_back(ViewFrom(r, Side::kTeam)); });
  return out;
}

}  // namespace textura::storage
