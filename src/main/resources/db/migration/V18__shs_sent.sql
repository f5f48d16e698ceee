-- What SHS clients sent, and the outbox their confirm and error messages go to. SHS answers a sender with adm
-- messages in its own outbox; Kurir derives them from the receipts of what it sent (an ACKNOWLEDGED receipt under an
-- agreement that asks for confirmation is a confirm; a REJECTED, FAILED or EXPIRED one after admission an error), so
-- they appear in the same commit as the receipt and cannot be lost between the two. Each has a fixed tx.id.
CREATE TABLE shs_sent (
    message_id     VARCHAR(36) PRIMARY KEY,
    sender         VARCHAR(10) NOT NULL,
    outbox         VARCHAR(80) NOT NULL,
    confirm        BOOLEAN     NOT NULL,
    confirm_tx_id  VARCHAR(36) NOT NULL UNIQUE,
    error_tx_id    VARCHAR(36) NOT NULL UNIQUE,
    sent_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX shs_sent_sender ON shs_sent (sender, outbox);

-- The adm messages their owners have acknowledged.
CREATE TABLE shs_adm_acks (
    tx_id            VARCHAR(36) PRIMARY KEY,
    acknowledged_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
