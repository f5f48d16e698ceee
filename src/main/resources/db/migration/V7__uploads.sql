-- Resumable uploads: the bytes received so far live in <payloads>/uploads/<upload_id>.part (the file's length is the
-- offset to resume from); this row says whose upload it is, for which product, and when it is abandoned.
CREATE TABLE uploads (
    upload_id   VARCHAR(36)  PRIMARY KEY,
    owner       VARCHAR(10)  NOT NULL,
    product     VARCHAR(64)  NOT NULL,
    media_type  VARCHAR(255) NOT NULL,
    max_bytes   BIGINT       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX uploads_expiry ON uploads (expires_at);
