-- The support team's console: assignment, internal notes, ticket history, canned
-- replies, agents' shifts, settings, and search over message text.
ALTER TABLE tickets ADD COLUMN assignee_id INTEGER REFERENCES users (id);
ALTER TABLE tickets ADD COLUMN note_count INTEGER NOT NULL DEFAULT 0;
CREATE INDEX tickets_assignee_due ON tickets (assignee_id, reply_due_at);
CREATE INDEX tickets_due ON tickets (reply_due_at, last_message_at DESC, id DESC);

-- Message text for search, folded like titles (core::support::FoldCase) when written.
-- Messages written before this migration are folded by lower() (ASCII letters only).
ALTER TABLE ticket_messages ADD COLUMN body_folded TEXT NOT NULL DEFAULT '';
UPDATE ticket_messages SET body_folded = lower(body);
CREATE VIRTUAL TABLE ticket_messages_fts USING fts5 (
  body_folded, content = 'ticket_messages', content_rowid = 'id', tokenize = 'trigram'
);
INSERT INTO ticket_messages_fts (ticket_messages_fts) VALUES ('rebuild');

-- Internal notes: staff only, never messages.
CREATE TABLE ticket_notes (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  author_id INTEGER NOT NULL REFERENCES users (id),
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX ticket_notes_ticket ON ticket_notes (ticket_id, id);

-- What happened to a ticket. breach_due_at is set for sla_breached entries only: one
-- entry per (ticket, due instant), however many instances run the breach job.
CREATE TABLE ticket_history (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  kind TEXT NOT NULL CHECK (kind IN ('created', 'assigned', 'unassigned', 'sla_breached',
                                     'closed', 'note_added')),
  actor_id INTEGER REFERENCES users (id),
  details TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  breach_due_at INTEGER
);
CREATE INDEX ticket_history_ticket ON ticket_history (ticket_id, id);
CREATE UNIQUE INDEX ticket_history_breach ON ticket_history (ticket_id, breach_due_at);

CREATE TABLE canned_replies (
  id INTEGER PRIMARY KEY,
  owner_id INTEGER NOT NULL REFERENCES users (id),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  shortcut TEXT,
  shared INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX canned_replies_shortcut ON canned_replies (owner_id, shortcut);

-- Who is on shift, and when each agent last got a ticket by auto-assignment.
CREATE TABLE agent_shifts (
  user_id INTEGER PRIMARY KEY REFERENCES users (id),
  on_shift INTEGER NOT NULL DEFAULT 0,
  last_auto_assigned_at INTEGER
);

CREATE TABLE console_settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
