-- An upload whose bytes moved into the payload store remembers their digest: a later completion may only ever name
-- those bytes, never another payload the store happens to hold.
ALTER TABLE uploads ADD COLUMN adopted_sha256 VARCHAR(64);
CREATE INDEX uploads_adopted ON uploads (adopted_sha256);
