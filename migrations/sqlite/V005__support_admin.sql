-- Support administration: staff activation, the audit log, and the SLA settings and
-- calendar overrides that admins edit. Times are UTC microseconds since the Unix epoch.
ALTER TABLE users ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
ALTER TABLE users ADD COLUMN last_login_at INTEGER;

-- Append-only: the code has no UPDATE or DELETE statement for this table.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  actor_id INTEGER NOT NULL REFERENCES users (id),
  action TEXT NOT NULL,
  ticket_id INTEGER,
  account_id INTEGER,
  target_user_id INTEGER,
  chat_id INTEGER,
  details TEXT NOT NULL DEFAULT '',   -- key=value lines, escaped by core/audit
  created_at INTEGER NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor_id, id DESC);
CREATE INDEX audit_log_action ON audit_log (action, id DESC);
CREATE INDEX audit_log_ticket ON audit_log (ticket_id, id DESC) WHERE ticket_id IS NOT NULL;

-- One row (id = 1) once an admin saved the settings; absent = the built-in defaults.
-- `version` also counts calendar edits: instances reload when it changes.
CREATE TABLE support_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL,
  has_settings INTEGER NOT NULL DEFAULT 0,
  time_zone TEXT NOT NULL DEFAULT '',
  business_hours TEXT NOT NULL DEFAULT '',  -- "1 10:00-19:00;2 ..." (1 = Monday)
  targets TEXT NOT NULL DEFAULT '',         -- "critical 240 calendar;question 540 business;..."
  warning_minutes INTEGER NOT NULL DEFAULT 60,
  updated_at INTEGER NOT NULL
);

-- Admin overrides of the built-in production calendar, one per local date.
CREATE TABLE support_calendar_days (
  day TEXT PRIMARY KEY,                      -- YYYY-MM-DD in the business zone
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  note TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL
);

-- Reports select tickets by creation time.
CREATE INDEX tickets_created ON tickets (created_at);
