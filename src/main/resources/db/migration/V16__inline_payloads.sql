-- Small payloads (up to kurir.payload.inline-max-size) live here instead of as a file each: written in the
-- transaction that admits the message naming them, so a small message costs one durable write, not a file sync and
-- a commit. Content-addressed like the file store: a payload is its SHA-256, and the same bytes are kept once.
-- A row is only ever written for a message that names it; the plaintext a sealed payload was made from never is.
CREATE TABLE inline_payloads (
    sha256   CHAR(64) PRIMARY KEY,
    size     BIGINT   NOT NULL,
    content  BYTEA    NOT NULL
);
