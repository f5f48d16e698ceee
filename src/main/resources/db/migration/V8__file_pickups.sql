-- SFTP/FTPS outboxes: a manifest the gateway has read, and what became of its data file. Kept in the database, not in
-- memory, because the manifest leaves the outbox once it is read: after a restart the gateway must still know which
-- data file it may take, with which envelope. state: WAITING (for the data file), REFUSED, SENT.
CREATE TABLE file_pickups (
    outbox       VARCHAR(64)   NOT NULL,
    file_name    VARCHAR(255)  NOT NULL,
    pickup_id    VARCHAR(36)   NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    envelope     VARCHAR(70000),
    reason_code  VARCHAR(64),
    reason       VARCHAR(2000),
    message_id   VARCHAR(36),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (outbox, file_name)
);
