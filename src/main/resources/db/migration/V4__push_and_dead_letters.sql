-- Push delivery: a mailbox may name the endpoint the gateway pushes to; a message remembers its failed attempts.
ALTER TABLE mailboxes ADD COLUMN push_url VARCHAR(500);
ALTER TABLE messages ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE messages ADD COLUMN last_error VARCHAR(500);
