-- Finance (docs/finance.md): usage per UTC hour kept exact beside the ledger, monthly
-- spending caps, reply reservations, alert settings, alerts fired and notifications.

-- One row per (account, UTC hour, employee, channel, model): the sum of the charges
-- (replies, ai_words, cost_minor) and of the client messages' words (model ''). Written
-- in the same transaction as each charge and each client message, so it always equals
-- the ledger and the messages it sums (a contract test compares them).
CREATE TABLE usage_hourly (
  account_id INTEGER NOT NULL,
  hour_us INTEGER NOT NULL,
  employee_id INTEGER NOT NULL,
  channel TEXT NOT NULL,
  model TEXT NOT NULL,
  replies INTEGER NOT NULL DEFAULT 0,
  ai_words INTEGER NOT NULL DEFAULT 0,
  client_words INTEGER NOT NULL DEFAULT 0,
  cost_minor INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (account_id, hour_us, employee_id, channel, model)
);

-- employee_id 0: the cap of the whole account.
CREATE TABLE spending_caps (
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  employee_id INTEGER NOT NULL,
  monthly_cap_minor INTEGER NOT NULL CHECK (monthly_cap_minor > 0),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, employee_id)
);

-- The most a reply being written may cost; deleted when it is settled. A reservation
-- of an instance that died mid-reply stops counting at expires_at.
CREATE TABLE reply_reservations (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL,
  employee_id INTEGER NOT NULL,
  chat_id INTEGER NOT NULL,
  amount_minor INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX reply_reservations_account ON reply_reservations (account_id, expires_at);

CREATE TABLE finance_settings (
  account_id INTEGER PRIMARY KEY REFERENCES accounts (id),
  time_zone TEXT NOT NULL DEFAULT 'Europe/Moscow',
  low_balance_minor INTEGER,
  low_balance_days INTEGER,
  updated_at INTEGER NOT NULL
);

-- Once per threshold per budget month: the key is the row's identity.
CREATE TABLE finance_alerts (
  account_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  month TEXT NOT NULL,
  employee_id INTEGER NOT NULL,
  threshold INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, kind, month, employee_id, threshold)
);

CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  kind TEXT NOT NULL,
  employee_id INTEGER,
  threshold INTEGER,
  month TEXT,
  amount_minor INTEGER,
  created_at INTEGER NOT NULL,
  read_at INTEGER
);
CREATE INDEX notifications_account ON notifications (account_id, id DESC);

CREATE INDEX ledger_account_time ON ledger_entries (account_id, created_at);
