-- Subscriptions (abonnemang): each product has one change feed; an event is stored once, and every subscription
-- keeps only its cursor into the feed, so storage grows with events, never with subscribers times payloads.
ALTER TABLE products ADD COLUMN event_retention VARCHAR(32);

-- The last sequence number given out per product; updated in the same transaction as the events it numbers, so the
-- numbers have no gaps, and guarded by its old value, so two nodes cannot hand out the same number.
CREATE TABLE feeds (
    product        VARCHAR(64) PRIMARY KEY,
    last_sequence  BIGINT      NOT NULL
);

-- The payload is the producer's JSON object (size-limited per product); legal_basis is the envelope's tag as JSON.
CREATE TABLE feed_events (
    product        VARCHAR(64)   NOT NULL,
    sequence       BIGINT        NOT NULL,
    event_id       VARCHAR(36)   NOT NULL,
    event_type     VARCHAR(64)   NOT NULL,
    subject_key    VARCHAR(128)  NOT NULL,
    publisher      VARCHAR(10)   NOT NULL,
    agreement_id   VARCHAR(64)   NOT NULL,
    legal_basis    VARCHAR(4000) NOT NULL,
    payload        VARCHAR(1000000) NOT NULL,
    published_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (product, sequence)
);
CREATE UNIQUE INDEX feed_events_event_id ON feed_events (product, event_id);
CREATE INDEX feed_events_published ON feed_events (product, published_at);

-- cursor_position: the last sequence the subscriber has (committed); delivery continues after it.
CREATE TABLE subscriptions (
    id               VARCHAR(36)  PRIMARY KEY,
    consumer         VARCHAR(10)  NOT NULL,
    product          VARCHAR(64)  NOT NULL,
    agreement_id     VARCHAR(64)  NOT NULL,
    filter           VARCHAR(1000000) NOT NULL,
    delivery_mode    VARCHAR(8)   NOT NULL,
    push_mailbox     VARCHAR(80),
    cursor_position  BIGINT       NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts         INTEGER      DEFAULT 0 NOT NULL,
    last_error       VARCHAR(500)
);
CREATE INDEX subscriptions_consumer ON subscriptions (consumer);
CREATE INDEX subscriptions_product ON subscriptions (product);
