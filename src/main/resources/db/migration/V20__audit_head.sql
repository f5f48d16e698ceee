-- The audit chain's head (the newest record's sequence number and hash) as one row that every append takes under a
-- row lock: nodes sharing the database append one after another, each continuing from the head the other left, so the
-- chain stays one chain. Seeded from the log as it stands (the genesis hash for an empty log).
CREATE TABLE audit_head (
    id      INTEGER      PRIMARY KEY CHECK (id = 1),
    seq     BIGINT       NOT NULL,
    hash    VARCHAR(64)  NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
SELECT 1, COALESCE((SELECT MAX(seq) FROM audit_log), 0),
       COALESCE((SELECT hash FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)),
                '0000000000000000000000000000000000000000000000000000000000000000');
