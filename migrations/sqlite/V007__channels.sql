-- Channels (docs/channels.md): an account's Telegram bots (and, next, website widgets),
-- each attached to one AI employee. Times are UTC microseconds.
CREATE TABLE channels (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  employee_id INTEGER NOT NULL REFERENCES employees (id),
  kind TEXT NOT NULL CHECK (kind IN ('telegram', 'widget')),
  mode TEXT NOT NULL CHECK (mode IN ('polling', 'webhook')),
  status TEXT NOT NULL CHECK (status IN ('connected', 'paused', 'error')),
  name TEXT NOT NULL,
  external_id INTEGER NOT NULL,
  -- The token sealed with the channel key (libsodium secretbox), never the token.
  secret_sealed TEXT NOT NULL,
  secret_hint TEXT NOT NULL,
  webhook_secret TEXT NOT NULL DEFAULT '',
  last_error TEXT,
  last_error_at INTEGER,
  last_update_at INTEGER,
  update_offset INTEGER NOT NULL DEFAULT 0,
  counters_day INTEGER NOT NULL DEFAULT 0,
  messages_in_today INTEGER NOT NULL DEFAULT 0,
  messages_out_today INTEGER NOT NULL DEFAULT 0,
  webhook_pending INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- One channel per bot, whichever account connected it.
CREATE UNIQUE INDEX channels_external ON channels (kind, external_id);
CREATE INDEX channels_account ON channels (account_id, id);

-- Update ids already processed, written in the same transaction as their effects, so an
-- update is processed once even when the offset was not acknowledged before a crash.
CREATE TABLE channel_updates (
  channel_id INTEGER NOT NULL,
  update_id INTEGER NOT NULL,
  processed_at INTEGER NOT NULL,
  PRIMARY KEY (channel_id, update_id)
);
CREATE INDEX channel_updates_age ON channel_updates (processed_at);

-- A Textura chat opened through a channel. Its non-client messages with ids above
-- delivered_message_id are the outbox.
CREATE TABLE channel_chats (
  chat_id INTEGER PRIMARY KEY REFERENCES chats (id),
  channel_id INTEGER NOT NULL,
  external_chat_id INTEGER NOT NULL,
  delivered_message_id INTEGER NOT NULL DEFAULT 0,
  undeliverable INTEGER NOT NULL DEFAULT 0,
  language TEXT NOT NULL DEFAULT 'en',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX channel_chats_external ON channel_chats (channel_id, external_chat_id, chat_id);

-- Work that must run once across instances (a bot's poller and sender): the holder
-- renews its lease; another instance takes it once it has expired.
CREATE TABLE leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
