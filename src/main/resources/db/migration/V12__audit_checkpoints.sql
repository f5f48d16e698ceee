-- Signed checkpoints of the audit chain: every so many records (or a minute) the node signs the sequence number and
-- hash of the newest record with its checkpoint key. A chain rewritten end to end (every hash recomputed) no longer
-- matches a signature nobody without the key can make.
CREATE TABLE audit_checkpoints (
    seq         BIGINT        PRIMARY KEY,
    hash        VARCHAR(64)   NOT NULL,
    signed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id      VARCHAR(64)   NOT NULL,
    signature   VARCHAR(2000) NOT NULL
);
