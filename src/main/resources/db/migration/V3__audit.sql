-- Append-only, hash-chained audit log. seq is assigned by the single writer; hash covers every other column.
CREATE TABLE audit_log (
    seq          BIGINT       PRIMARY KEY,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type   VARCHAR(40)  NOT NULL,
    actor        VARCHAR(100) NOT NULL,
    message_id   VARCHAR(36),
    sender       VARCHAR(10),
    recipient    VARCHAR(80),
    product      VARCHAR(64),
    reason_code  VARCHAR(48),
    legal_basis  VARCHAR(500),
    details      VARCHAR(4000) NOT NULL,
    prev_hash    CHAR(64)     NOT NULL,
    hash         CHAR(64)     NOT NULL
);
CREATE INDEX audit_message ON audit_log (message_id);
CREATE INDEX audit_time ON audit_log (recorded_at);
