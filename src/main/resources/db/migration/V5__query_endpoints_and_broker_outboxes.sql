-- Request/reply: a mailbox may name the endpoint that answers synchronous queries (need C, real-time access).
ALTER TABLE mailboxes ADD COLUMN query_url VARCHAR(500);
-- A mailbox may also be read straight from the broker: the gateway leaves its messages on queue kurir.out.<mailbox>.
ALTER TABLE mailboxes ADD COLUMN broker_outbox BOOLEAN DEFAULT FALSE NOT NULL;
