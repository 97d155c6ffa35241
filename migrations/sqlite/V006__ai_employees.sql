-- AI employees, their knowledge, chats and the account ledger (docs/ai-employees.md,
-- docs/billing.md). Times are UTC microseconds; money is integer kopecks.
CREATE TABLE employees (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  avatar_attachment_id INTEGER,
  instructions TEXT NOT NULL DEFAULT '',
  greeting TEXT NOT NULL DEFAULT '',
  model TEXT NOT NULL,
  temperature REAL NOT NULL,
  reply_word_limit INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('active', 'paused')),
  deleted_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX employees_account ON employees (account_id, name);

CREATE TABLE knowledge_items (
  id INTEGER PRIMARY KEY,
  employee_id INTEGER NOT NULL REFERENCES employees (id),
  kind TEXT NOT NULL CHECK (kind IN ('qa', 'document')),
  question TEXT,
  answer TEXT,
  title TEXT,
  body TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX knowledge_items_employee ON knowledge_items (employee_id, id);

-- What retrieval searches: one row per Q&A pair (title = question, body = answer) and
-- one per passage of a document.
CREATE TABLE knowledge_passages (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES knowledge_items (id),
  employee_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  title_folded TEXT NOT NULL,  -- unused here (unicode61 folds); kept for one SQL text
  body_folded TEXT NOT NULL
);
CREATE INDEX knowledge_passages_item ON knowledge_passages (item_id);

-- Words, not trigrams: unicode61 folds case and (with remove_diacritics 2) accents,
-- so "Ёлка" and "елка" and "café" and "cafe" match; bm25 ranks.
CREATE VIRTUAL TABLE knowledge_fts USING fts5 (
  title, body, content = 'knowledge_passages', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE chats (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  employee_id INTEGER NOT NULL REFERENCES employees (id),
  source TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ai', 'human')),
  needs_human INTEGER NOT NULL DEFAULT 0,
  handoff_reason TEXT,
  client_name TEXT NOT NULL,
  message_count INTEGER NOT NULL DEFAULT 0,
  last_message_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  balance_notice INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX chats_account_activity ON chats (account_id, last_message_at DESC, id DESC);
CREATE INDEX chats_activity ON chats (last_message_at DESC, id DESC);

CREATE TABLE chat_messages (
  id INTEGER PRIMARY KEY,
  chat_id INTEGER NOT NULL REFERENCES chats (id),
  author TEXT NOT NULL CHECK (author IN ('client', 'employee', 'operator', 'system')),
  author_name TEXT NOT NULL,
  user_id INTEGER REFERENCES users (id),
  body TEXT NOT NULL,
  body_folded TEXT NOT NULL,
  words INTEGER NOT NULL DEFAULT 0,
  cost_minor INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX chat_messages_chat ON chat_messages (chat_id, id);
CREATE INDEX chat_messages_client ON chat_messages (chat_id, author, created_at);

CREATE TABLE chat_message_passages (
  message_id INTEGER NOT NULL REFERENCES chat_messages (id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  score REAL NOT NULL,
  PRIMARY KEY (message_id, position)
) WITHOUT ROWID;

-- Append-only: the balance is SUM(amount_minor); rows are never updated or deleted.
CREATE TABLE ledger_entries (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  kind TEXT NOT NULL CHECK (kind IN ('charge', 'top_up')),
  amount_minor INTEGER NOT NULL,
  words INTEGER NOT NULL DEFAULT 0,
  model TEXT,
  employee_id INTEGER,
  chat_id INTEGER,
  message_id INTEGER,
  note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  CHECK ((kind = 'charge') = (amount_minor <= 0))
);
CREATE INDEX ledger_account ON ledger_entries (account_id, id DESC);
CREATE INDEX ledger_employee_time ON ledger_entries (employee_id, created_at)
  WHERE employee_id IS NOT NULL;
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger_entries
  BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger_entries
  BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
