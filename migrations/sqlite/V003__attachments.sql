-- Uploaded files. The bytes live in the file store under content_key (SHA-256, so
-- equal files are stored once); a row is an upload, unused until a message takes it.
CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  account_id INTEGER REFERENCES accounts (id),   -- NULL for uploads by staff
  uploader_id INTEGER NOT NULL REFERENCES users (id),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,                    -- sniffed from the bytes
  size INTEGER NOT NULL,
  content_key TEXT NOT NULL,
  is_image INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  ticket_id INTEGER REFERENCES tickets (id),     -- NULL until a message uses it
  message_id INTEGER REFERENCES ticket_messages (id),
  thumbnail_key TEXT
);
CREATE INDEX attachments_message ON attachments (message_id, id) WHERE message_id IS NOT NULL;
CREATE INDEX attachments_unused ON attachments (created_at) WHERE message_id IS NULL;
CREATE INDEX attachments_account ON attachments (account_id);
CREATE INDEX attachments_uploader ON attachments (uploader_id);
CREATE INDEX attachments_content_key ON attachments (content_key);
CREATE INDEX attachments_thumbnail_key ON attachments (thumbnail_key)
  WHERE thumbnail_key IS NOT NULL;
