#include "storage/sql/sql_employee_repositories.h"

#include "core/ai/retrieval.h"
#include "core/support/ticket.h"
#include "storage/sql/row_mapping.h"
#include "storage/sql/sql_finance_repository.h"

namespace textura::storage {

using core::Employee;
using core::KnowledgeItem;
using core::KnowledgeKind;

namespace {

// The employee's columns and its figures: knowledge items, and words charged since
// $1 (the month's start).
#define TEXTURA_EMPLOYEE_SELECT                                                         \
  "SELECT e.id, e.account_id, e.name, e.role, e.avatar_attachment_id, e.instructions,"  \
  " e.greeting, e.model, e.temperature, e.reply_word_limit, e.status, e.deleted_at,"    \
  " e.created_at, e.updated_at,"                                                        \
  " (SELECT COUNT(*) FROM knowledge_items k WHERE k.employee_id = e.id),"               \
  " (SELECT COALESCE(SUM(l.words), 0) FROM ledger_entries l WHERE l.employee_id = e.id" \
  "   AND l.kind = 'charge' AND l.created_at >= $1)"                                    \
  " FROM employees e"

constexpr std::string_view kInsertEmployee =
    "INSERT INTO employees (account_id, name, role, avatar_attachment_id, instructions,"
    " greeting, model, temperature, reply_word_limit, status, deleted_at, created_at,"
    " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id";
constexpr std::string_view kFindEmployee = TEXTURA_EMPLOYEE_SELECT " WHERE e.id = $2";
constexpr std::string_view kListEmployees = TEXTURA_EMPLOYEE_SELECT
    " WHERE e.account_id = $2 AND e.deleted_at IS NULL ORDER BY e.name, e.id";
constexpr std::string_view kUpdateEmployee =
    "UPDATE employees SET name = $2, role = $3, avatar_attachment_id = $4, instructions = $5,"
    " greeting = $6, model = $7, temperature = $8, reply_word_limit = $9, status = $10,"
    " deleted_at = $11, updated_at = $12 WHERE id = $1";

constexpr std::string_view kInsertItem =
    "INSERT INTO knowledge_items (employee_id, kind, question, answer, title, body, created_at,"
    " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
#define TEXTURA_ITEM_SELECT                                                             \
  "SELECT id, employee_id, kind, question, answer, title, body, created_at, updated_at" \
  " FROM knowledge_items"
constexpr std::string_view kFindItem = TEXTURA_ITEM_SELECT " WHERE id = $1";
constexpr std::string_view kListItems =
    TEXTURA_ITEM_SELECT " WHERE employee_id = $1 AND id > $2 ORDER BY id LIMIT $3";
constexpr std::string_view kUpdateItem =
    "UPDATE knowledge_items SET kind = $2, question = $3, answer = $4, title = $5, body = $6,"
    " updated_at = $7 WHERE id = $1";
constexpr std::string_view kDeleteItem = "DELETE FROM knowledge_items WHERE id = $1";
constexpr std::string_view kCountItems =
    "SELECT COUNT(*) FROM knowledge_items WHERE employee_id = $1";

constexpr std::string_view kInsertPassage =
    "INSERT INTO knowledge_passages (item_id, employee_id, kind, title, body, title_folded,"
    " body_folded) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr std::string_view kInsertPassageFts =
    "INSERT INTO knowledge_fts (rowid, title, body) VALUES ($1, $2, $3)";
constexpr std::string_view kPassagesOfItem =
    "SELECT id, title, body FROM knowledge_passages WHERE item_id = $1";
constexpr std::string_view kDeletePassageFts =
    "INSERT INTO knowledge_fts (knowledge_fts, rowid, title, body) VALUES ('delete', $1, $2, $3)";
constexpr std::string_view kDeletePassages = "DELETE FROM knowledge_passages WHERE item_id = $1";

// bm25 is lower-is-better; its negation is the score. The title (the question of a
// Q&A pair) weighs twice the body.
constexpr std::string_view kSearchSqlite =
    "SELECT p.id, p.item_id, p.kind, p.title, p.body, -bm25(knowledge_fts, 2.0, 1.0) AS s"
    " FROM knowledge_fts JOIN knowledge_passages p ON p.id = knowledge_fts.rowid"
    " WHERE knowledge_fts MATCH $1 AND p.employee_id = $2 ORDER BY s DESC, p.id LIMIT $3";
constexpr std::string_view kSearchPostgres =
    "SELECT p.id, p.item_id, p.kind, p.title, p.body, ts_rank(p.tsv, q) AS s"
    " FROM knowledge_passages p, to_tsquery('simple', $1) q"
    " WHERE p.employee_id = $2 AND p.tsv @@ q ORDER BY s DESC, p.id LIMIT $3";

constexpr std::string_view kAppendLedger =
    "INSERT INTO ledger_entries (account_id, kind, amount_minor, words, model, employee_id,"
    " chat_id, message_id, note, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
    " RETURNING id";
constexpr std::string_view kBalance =
    "SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_entries WHERE account_id = $1";
constexpr std::string_view kTotals =
    "SELECT COALESCE(SUM(amount_minor), 0),"
    " COALESCE(SUM(CASE WHEN kind = 'charge' AND created_at >= $2 THEN words ELSE 0 END), 0),"
    " COALESCE(SUM(CASE WHEN kind = 'charge' AND created_at >= $2 THEN -amount_minor ELSE 0 END),"
    " 0) FROM ledger_entries WHERE account_id = $1";
constexpr std::string_view kListLedger =
    "SELECT id, account_id, kind, amount_minor, words, model, employee_id, chat_id, message_id,"
    " note, created_at FROM ledger_entries WHERE account_id = $1 AND id < $2"
    " ORDER BY id DESC LIMIT $3";

Employee EmployeeFrom(const Row& r) {
  Employee e;
  e.id = r.Int(0);
  e.account_id = r.Int(1);
  e.name = TextAt(r, 2);
  e.role = TextAt(r, 3);
  e.avatar_attachment_id = OptionalIntAt(r, 4);
  e.instructions = TextAt(r, 5);
  e.greeting = TextAt(r, 6);
  e.model = TextAt(r, 7);
  e.temperature = r.Real(8);
  e.reply_word_limit = static_cast<int>(r.Int(9));
  e.status = core::ParseEmployeeStatus(r.Text(10)).value_or(core::EmployeeStatus::kActive);
  e.deleted_at = OptionalTimeAt(r, 11);
  e.created_at = TimeAt(r, 12);
  e.updated_at = TimeAt(r, 13);
  e.knowledge_count = static_cast<int>(r.Int(14));
  e.words_this_month = r.Int(15);
  return e;
}

KnowledgeItem ItemFrom(const Row& r) {
  KnowledgeItem k;
  k.id = r.Int(0);
  k.employee_id = r.Int(1);
  k.kind = r.Text(2) == "document" ? KnowledgeKind::kDocument : KnowledgeKind::kQa;
  if (!r.IsNull(3)) k.question = TextAt(r, 3);
  if (!r.IsNull(4)) k.answer = TextAt(r, 4);
  if (!r.IsNull(5)) k.title = TextAt(r, 5);
  if (!r.IsNull(6)) k.text = TextAt(r, 6);
  k.created_at = TimeAt(r, 7);
  k.updated_at = TimeAt(r, 8);
  return k;
}

SqlValue TextOrNull(bool present, const std::string& s) {
  return present ? SqlValue(std::string_view(s)) : SqlValue(kNull);
}

SqlValue OptionalMicros(const std::optional<core::Time>& t) {
  return t ? SqlValue(Micros(*t)) : SqlValue(kNull);
}

// The recall query: any term, as a prefix when RecallPrefix says so. Terms hold only
// letters and digits (core::Words), so quoting them is enough.
std::string FtsQuery(const std::vector<std::string>& terms, Dialect dialect) {
  std::string out;
  for (const std::string& term : terms) {
    const core::RecallTerm t = core::RecallPrefix(term);
    std::string quoted;
    for (char c : t.text) {
      if (c == '"' || c == '\'' || c == '\\') continue;
      quoted += c;
    }
    if (quoted.empty()) continue;
    if (!out.empty()) out += dialect == Dialect::kSqlite ? " OR " : " | ";
    if (dialect == Dialect::kSqlite) {
      out += "\"" + quoted + "\"" + (t.prefix ? "*" : "");
    } else {
      out += "'" + quoted + "'" + (t.prefix ? ":*" : "");
    }
  }
  return out;
}

}  // namespace

Employee SqlEmployeeRepository::Insert(Employee e) {
  const std::string status(core::ToString(e.status));
  conn_.Run(kInsertEmployee,
            {e.account_id, e.name, e.role, Nullable(e.avatar_attachment_id), e.instructions,
             e.greeting, e.model, e.temperature, static_cast<std::int64_t>(e.reply_word_limit),
             std::string_view(status), OptionalMicros(e.deleted_at), Micros(e.created_at),
             Micros(e.updated_at)},
            [&](const Row& r) { e.id = r.Int(0); });
  return e;
}

std::optional<Employee> SqlEmployeeRepository::Find(core::EmployeeId id, core::Time month_start) {
  std::optional<Employee> out;
  conn_.Run(kFindEmployee, {Micros(month_start), id}, [&](const Row& r) { out = EmployeeFrom(r); });
  return out;
}

void SqlEmployeeRepository::Update(const Employee& e) {
  const std::string status(core::ToString(e.status));
  conn_.Run(kUpdateEmployee,
            {e.id, e.name, e.role, Nullable(e.avatar_attachment_id), e.instructions, e.greeting,
             e.model, e.temperature, static_cast<std::int64_t>(e.reply_word_limit),
             std::string_view(status), OptionalMicros(e.deleted_at), Micros(e.updated_at)});
}

std::vector<Employee> SqlEmployeeRepository::List(core::AccountId account, core::Time month_start) {
  std::vector<Employee> out;
  conn_.Run(kListEmployees, {Micros(month_start), account},
            [&](const Row& r) { out.push_back(EmployeeFrom(r)); });
  return out;
}

void SqlKnowledgeRepository::InsertPassages(const KnowledgeItem& k,
                                            const std::vector<std::string>& passages) {
  const bool sqlite = conn_.dialect() == Dialect::kSqlite;
  const auto insert = [&](std::string_view kind, std::string_view title, std::string_view body) {
    std::int64_t id = 0;
    const std::string title_folded = core::support::FoldCase(title);
    const std::string body_folded = core::support::FoldCase(body);
    conn_.Run(kInsertPassage, {k.id, k.employee_id, kind, title, body, title_folded, body_folded},
              [&](const Row& r) { id = r.Int(0); });
    if (sqlite) conn_.Run(kInsertPassageFts, {id, title, body});
  };
  if (k.kind == KnowledgeKind::kQa) {
    insert("qa", k.question, k.answer);
  } else {
    for (const std::string& p : passages) insert("document", k.title, p);
  }
}

void SqlKnowledgeRepository::DeletePassages(core::KnowledgeId item) {
  if (conn_.dialect() == Dialect::kSqlite) {
    // An external-content FTS table forgets a row when told its old values.
    struct Old {
      std::int64_t id;
      std::string title, body;
    };
    std::vector<Old> old;
    conn_.Run(kPassagesOfItem, {item}, [&](const Row& r) {
      old.push_back({r.Int(0), TextAt(r, 1), TextAt(r, 2)});
    });
    for (const Old& o : old) conn_.Run(kDeletePassageFts, {o.id, o.title, o.body});
  }
  conn_.Run(kDeletePassages, {item});
}

KnowledgeItem SqlKnowledgeRepository::Insert(KnowledgeItem k,
                                             const std::vector<std::string>& passages) {
  const bool qa = k.kind == KnowledgeKind::kQa;
  conn_.Run(kInsertItem,
            {k.employee_id, core::ToString(k.kind), TextOrNull(qa, k.question),
             TextOrNull(qa, k.answer), TextOrNull(!qa, k.title), TextOrNull(!qa, k.text),
             Micros(k.created_at), Micros(k.updated_at)},
            [&](const Row& r) { k.id = r.Int(0); });
  InsertPassages(k, passages);
  return k;
}

std::optional<KnowledgeItem> SqlKnowledgeRepository::Find(core::KnowledgeId id) {
  std::optional<KnowledgeItem> out;
  conn_.Run(kFindItem, {id}, [&](const Row& r) { out = ItemFrom(r); });
  return out;
}

void SqlKnowledgeRepository::Update(const KnowledgeItem& k,
                                    const std::vector<std::string>& passages) {
  const bool qa = k.kind == KnowledgeKind::kQa;
  conn_.Run(kUpdateItem,
            {k.id, core::ToString(k.kind), TextOrNull(qa, k.question), TextOrNull(qa, k.answer),
             TextOrNull(!qa, k.title), TextOrNull(!qa, k.text), Micros(k.updated_at)});
  DeletePassages(k.id);
  InsertPassages(k, passages);
}

void SqlKnowledgeRepository::Delete(core::KnowledgeId id) {
  DeletePassages(id);
  conn_.Run(kDeleteItem, {id});
}

std::vector<KnowledgeItem> SqlKnowledgeRepository::List(core::EmployeeId employee,
                                                        core::KnowledgeId after_id, int limit) {
  std::vector<KnowledgeItem> out;
  conn_.Run(kListItems, {employee, after_id, static_cast<std::int64_t>(limit)},
            [&](const Row& r) { out.push_back(ItemFrom(r)); });
  return out;
}

int SqlKnowledgeRepository::Count(core::EmployeeId employee) {
  std::int64_t n = 0;
  conn_.Run(kCountItems, {employee}, [&](const Row& r) { n = r.Int(0); });
  return static_cast<int>(n);
}

std::vector<core::KnowledgePassage> SqlKnowledgeRepository::Search(
    core::EmployeeId employee, const std::vector<std::string>& terms, int limit) {
  std::vector<core::KnowledgePassage> out;
  const std::string query = FtsQuery(terms, conn_.dialect());
  if (query.empty()) return out;
  const bool sqlite = conn_.dialect() == Dialect::kSqlite;
  conn_.Run(sqlite ? kSearchSqlite : kSearchPostgres,
            {std::string_view(query), employee, static_cast<std::int64_t>(limit)},
            [&](const Row& r) {
              core::KnowledgePassage p;
              p.kind = r.Text(2) == "document" ? core::KnowledgePassage::Kind::kDocument
                                               : core::KnowledgePassage::Kind::kQa;
              p.id = r.Int(1);
              p.title = TextAt(r, 3);
              p.text = TextAt(r, 4);
              p.score = r.Real(5);
              out.push_back(std::move(p));
            });
  return out;
}

core::LedgerEntry SqlLedgerRepository::Append(core::LedgerEntry e) {
  conn_.Run(kAppendLedger,
            {e.account_id, core::ToString(e.kind), e.amount_minor, e.words, Nullable(e.model),
             Nullable(e.employee_id), Nullable(e.chat_id), Nullable(e.message_id), e.note,
             Micros(e.created_at)},
            [&](const Row& r) { e.id = r.Int(0); });
  if (e.kind == core::LedgerKind::kCharge) {
    AddUsage(conn_, {e.account_id, e.created_at, e.employee_id.value_or(0), e.chat_id,
                     e.model.value_or(""), 1, e.words, 0, -e.amount_minor});
  }
  return e;
}

std::int64_t SqlLedgerRepository::Balance(core::AccountId account) {
  std::int64_t out = 0;
  conn_.Run(kBalance, {account}, [&](const Row& r) { out = r.Int(0); });
  return out;
}

core::LedgerTotals SqlLedgerRepository::Totals(core::AccountId account, core::Time since) {
  core::LedgerTotals t;
  conn_.Run(kTotals, {account, Micros(since)}, [&](const Row& r) {
    t.balance_minor = r.Int(0);
    t.words_since = r.Int(1);
    t.spent_since_minor = r.Int(2);
  });
  return t;
}

std::vector<core::LedgerEntry> SqlLedgerRepository::List(core::AccountId account,
                                                         core::LedgerEntryId before_id, int limit) {
  std::vector<core::LedgerEntry> out;
  const std::int64_t before = before_id > 0 ? before_id : INT64_MAX;
  conn_.Run(kListLedger, {account, before, static_cast<std::int64_t>(limit)},
            [&](const Row& r) { out.push_back(LedgerEntryFrom(r)); });
  return out;
}

core::LedgerEntry LedgerEntryFrom(const Row& r) {
  core::LedgerEntry e;
  e.id = r.Int(0);
  e.account_id = r.Int(1);
  e.kind = r.Text(2) == "top_up" ? core::LedgerKind::kTopUp : core::LedgerKind::kCharge;
  e.amount_minor = r.Int(3);
  e.words = r.Int(4);
  if (!r.IsNull(5)) e.model = TextAt(r, 5);
  e.employee_id = OptionalIntAt(r, 6);
  e.chat_id = OptionalIntAt(r, 7);
  e.message_id = OptionalIntAt(r, 8);
  e.note = TextAt(r, 9);
  e.created_at = TimeAt(r, 10);
  return e;
}

}  // namespace textura::storage
