-- A message's place in its mailbox: 1, 2, 3, ... in the order the deliveries into that mailbox committed, which is
-- what a listing's cursor (after=) points at. A timestamp cannot serve: messages share one at a page boundary, and a
-- message received earlier can be delivered after a later one (back-off, review), so a client paging by time skips
-- it. Each mailbox's last place is kept in mailbox_heads and taken under its row lock in the delivery's own
-- transaction, so two writers (two nodes) never take the same place and places appear in commit order.
ALTER TABLE messages ADD COLUMN mailbox_seq BIGINT;

-- Messages already in a mailbox keep their listing order (received, then id).
UPDATE messages SET mailbox_seq = (SELECT COUNT(*) FROM messages o WHERE o.recipient = messages.recipient
        AND o.state IN ('DELIVERED', 'FETCHED', 'ACKNOWLEDGED')
        AND (o.received_at < messages.received_at
            OR (o.received_at = messages.received_at AND o.message_id <= messages.message_id)))
    WHERE state IN ('DELIVERED', 'FETCHED', 'ACKNOWLEDGED');

CREATE UNIQUE INDEX messages_mailbox_seq ON messages (recipient, mailbox_seq);

CREATE TABLE mailbox_heads (
    mailbox   VARCHAR(80) PRIMARY KEY,
    last_seq  BIGINT      NOT NULL
);

INSERT INTO mailbox_heads (mailbox, last_seq)
    SELECT recipient, MAX(mailbox_seq) FROM messages WHERE mailbox_seq IS NOT NULL GROUP BY recipient;
