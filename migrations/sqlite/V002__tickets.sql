-- Support tickets, their messages, and what each user has read.
CREATE TABLE tickets (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  created_by INTEGER NOT NULL REFERENCES users (id),
  title TEXT NOT NULL,
  title_folded TEXT NOT NULL,           -- lower-cased Latin/Cyrillic, for search
  status TEXT NOT NULL CHECK (status IN ('on_customer', 'done')),
  category TEXT NOT NULL CHECK (category IN ('critical', 'question', 'feature_request')),
  employee_id INTEGER,
  chat_url TEXT,
  follow_up_of INTEGER REFERENCES tickets (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  closed_at INTEGER,
  last_message_at INTEGER NOT NULL,
  message_count INTEGER NOT NULL DEFAULT 0,
  customer_messages INTEGER NOT NULL DEFAULT 0,
  team_messages INTEGER NOT NULL DEFAULT 0,
  awaiting TEXT CHECK (awaiting IN ('team', 'customer')),
  awaiting_since INTEGER,
  reply_due_at INTEGER
);
CREATE INDEX tickets_account_activity ON tickets (account_id, last_message_at DESC, id DESC);
CREATE INDEX tickets_account_status_activity
  ON tickets (account_id, status, last_message_at DESC, id DESC);
CREATE INDEX tickets_activity ON tickets (last_message_at DESC, id DESC);
CREATE INDEX tickets_status_activity ON tickets (status, last_message_at DESC, id DESC);
CREATE INDEX tickets_awaiting_team ON tickets (reply_due_at) WHERE awaiting = 'team';

-- Substring search over titles: trigrams make "%x%" an index lookup (3+ characters).
CREATE VIRTUAL TABLE tickets_fts USING fts5 (
  title_folded, content = 'tickets', content_rowid = 'id', tokenize = 'trigram'
);

CREATE TABLE ticket_messages (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  author_id INTEGER NOT NULL REFERENCES users (id),
  side TEXT NOT NULL CHECK (side IN ('customer', 'team')),
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX ticket_messages_ticket ON ticket_messages (ticket_id, id);

CREATE TABLE ticket_reads (
  user_id INTEGER NOT NULL REFERENCES users (id),
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  seen_customer INTEGER NOT NULL,
  seen_team INTEGER NOT NULL,
  PRIMARY KEY (user_id, ticket_id)
) WITHOUT ROWID;
