-- Integrations (docs/integrations.md): API keys, outgoing webhooks and the account's own
-- LLM provider. Times are UTC microseconds.

-- An account's API keys. Only a keyed digest of the key is stored (never the key), and
-- its first characters to tell keys apart.
CREATE TABLE api_keys (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  created_by INTEGER NOT NULL REFERENCES users (id),
  name TEXT NOT NULL,
  prefix TEXT NOT NULL,
  key_hash TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('read', 'read_write')),
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  last_used_at INTEGER,
  revoked_at INTEGER
);
CREATE UNIQUE INDEX api_keys_hash ON api_keys (key_hash);
CREATE INDEX api_keys_account ON api_keys (account_id, id);

-- Webhook endpoints: where an account's events go. The signing secret is sealed with
-- the channel key (it must be read back to sign); after a rotation the previous secret
-- also signs until previous_expires_at.
CREATE TABLE webhook_endpoints (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  url TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  events TEXT NOT NULL,
  secret_sealed TEXT NOT NULL,
  previous_secret_sealed TEXT,
  previous_expires_at INTEGER,
  enabled INTEGER NOT NULL DEFAULT 1,
  disabled_reason TEXT,
  failing_since INTEGER,
  created_by INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX webhook_endpoints_account ON webhook_endpoints (account_id, id);

-- One event as sent (the same webhook-id and body on every attempt and endpoint).
CREATE TABLE webhook_messages (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  uid TEXT NOT NULL,
  event_type TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX webhook_messages_account ON webhook_messages (account_id, id);

-- The durable queue: one row per message and endpoint. pending rows with
-- next_attempt_at <= now are due; a worker takes one by setting lease_until.
CREATE TABLE webhook_deliveries (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  endpoint_id INTEGER NOT NULL REFERENCES webhook_endpoints (id),
  message_id INTEGER NOT NULL REFERENCES webhook_messages (id),
  status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_until INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  finished_at INTEGER
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, id);

-- The delivery log: every attempt, with the request it sent and the head of the answer.
CREATE TABLE webhook_attempts (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  endpoint_id INTEGER NOT NULL REFERENCES webhook_endpoints (id),
  delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries (id),
  attempt INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  request_headers TEXT NOT NULL,
  response_status INTEGER,
  response_head TEXT NOT NULL DEFAULT '',
  error TEXT
);
CREATE INDEX webhook_attempts_endpoint ON webhook_attempts (endpoint_id, id);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, id);

-- The account's own OpenAI-compatible provider, overriding the server's.
CREATE TABLE account_llm_settings (
  account_id INTEGER PRIMARY KEY REFERENCES accounts (id),
  base_url TEXT NOT NULL,
  api_key_sealed TEXT NOT NULL,
  api_key_hint TEXT NOT NULL,
  model TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES users (id),
  updated_at INTEGER NOT NULL
);
